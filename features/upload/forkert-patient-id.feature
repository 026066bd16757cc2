# language: da
Egenskab: Forkert patient-ID
  "Det er ikke tilladt at ændre et patient-ID efter svarprocessen er påbegyndt. Er der tale om et forkert
  patient-ID er det vigtigt at annullere samtlige udsendte svar."
  Antagelse, indtil det er afklaret med LABA: XRPT01 har ingen annulleringsstatus, så PLSP modtager en særskilt
  annullering, og annullerede svar forsvinder fra de nationale visninger. I tabellen betyder "som delt": som i den
  besked, lægesystemet sendte.

  Regel: Patient-ID må ikke ændres, og ved forkert patient-ID annulleres alle udsendte svar (LABA-05)

    @krav:LABA-05
    Scenarie: Lægesystemet afviser at ændre patienten på et delt svar
      Givet testpersonen Bruno Test Elmer (2509479989)
      Og lægen i "Lægerne Testgade" har registreret og delt CRP 45 mg/L
      Når lægen forsøger at flytte CRP-svaret til testpersonen Einer Test Lauridsen (0201609995)
      Så afviser LPS'et det med henvisning til reglen "LABA-05"

    @krav:LABA-05
    Scenarie: Alle svar sendt for et forkert patient-ID annulleres og forsvinder fra visningerne
      Givet testpersonen Bruno Test Elmer (2509479989)
      Og lægen i "Lægehuset Annullering" har registreret og delt CRP 45 mg/L
      Og lægen i "Lægehuset Annullering" har registreret og delt HbA1c 48 mmol/mol
      Når lægen annullerer alle svar, der er sendt for testpersonen, fordi patient-ID'et var forkert
      Så bekræfter PLSP, at 2 svar er annulleret
      Og er 2 af scenariets svar annulleret i databankerne
      Og Laboratoriesvarportalen udleverer hverken CRP-svaret eller HbA1c-svaret
      Og Sundhedsjournalen viser hverken CRP-svaret eller HbA1c-svaret

    @krav:LABA-05 @kun-pilot
    Scenarie: Annulleringen rammer praksis' svar i både LABA og MiBa, men ikke andre praksis' svar
      Givet testpersonen Bruno Test Elmer (2509479989)
      Og lægen i "Lægerne Testgade" har registreret og delt HbA1c 48 mmol/mol
      Og lægen i "Lægehuset Annullering" har registreret og delt CRP 45 mg/L
      Og lægen i "Lægehuset Annullering" har delt svarene fra én prøve, taget kl. 09:00 med svar kl. 09:15:
        | analyse | værdi   |
        | Strep A | Negativ |
      Når lægen annullerer alle svar, der er sendt for testpersonen, fordi patient-ID'et var forkert
      Så er CRP-svaret annulleret i LABA
      Og Strep A-svaret er annulleret i MiBa
      Og HbA1c-svaret er stadig gyldigt i LABA
      Og Sundhedsjournalen viser rækkerne for prøven:
        | analyse | værdi | enhed    | status   | producent        | producentkode | prøvetid | svartid  |
        | HbA1c   | 48    | mmol/mol | Endeligt | Lægerne Testgade | som delt      | som delt | som delt |
      Men Sundhedsjournalen viser hverken CRP-svaret eller Strep A-svaret
