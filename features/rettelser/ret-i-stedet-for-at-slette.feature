# language: da
Egenskab: Delte svar slettes ikke, de rettes
  Når et svar er delt, lever det videre i databankerne og i borgerens visning. Derfor må lægesystemet (LPS) ikke
  lade det forsvinde lokalt, og en fejl rettes ved at sende et rettet svar.

  Regel: Data i LPS kan ikke slettes, når det er delt (DEL-04)
    "Svar der er overført til LABA må ikke kunne slettes lokalt (i fødesystemet). Hvis et resultat skal ændres,
    skal der laves en rettelse, som også skal uploades til LABA."

    @krav:DEL-04
    Scenarie: Lægesystemet afviser at slette et delt svar, og svaret bliver i lægesystemet
      Givet testpersonen Bruno Test Elmer (2509479989)
      Og lægen i "Lægerne Testgade" har registreret og delt CRP 45 mg/L
      Når lægen forsøger at slette CRP-svaret
      Så afviser LPS'et det med henvisning til reglen "DEL-04"
      Og LPS'et har stadig CRP-svaret på 45 mg/L, markeret som delt

  Regel: Data rettet i LPS sendes videre til databankerne som rettet svar (DEL-05)
    Rettelsen sendes med resultatstatus "svar_rettet". Databanken gemmer den som en ny version og beholder den
    gamle som historik; borgeren ser kun den rettede værdi, markeret som rettet. I tabellen betyder "som delt":
    som i den rettelse, lægesystemet sendte.

    @krav:DEL-05
    Scenarie: En rettelse sendes som rettet svar og vises som rettet
      Givet testpersonen Bruno Test Elmer (2509479989)
      Og lægen i "Lægerne Testgade" har registreret og delt HbA1c 25 mmol/mol
      Når lægen retter HbA1c-svaret til 52 mmol/mol
      Så modtager LPS'et en positiv kvittering fra PLSP
      Og rettelsen er sendt med resultatstatus "svar_rettet"
      Og LABA har begge versioner af HbA1c-svaret, med den rettede som den nyeste
      Og Sundhedsjournalen viser rækkerne for prøven:
        | analyse | værdi | enhed    | status | producent        | producentkode | prøvetid | svartid  |
        | HbA1c   | 52    | mmol/mol | Rettet | Lægerne Testgade | som delt      | som delt | som delt |
      Og Sundhedsjournalen viser ikke længere den oprindelige værdi HbA1c 25 mmol/mol
