# language: da
Egenskab: Et delt svar kan ikke slettes, kun rettes
  Når et svar er delt, kan det ikke slettes i lægesystemet (LPS). Er svaret forkert, skal det rettes, og
  rettelsen sendes videre til databankerne som et rettet svar. Borgeren ser den rettede værdi, markeret som rettet.

  @krav:DEL-04
  Scenarie: Lægesystemet afviser at slette et delt svar, og svaret bliver i visningerne
    Givet testpersonen Bruno Test Elmer (2509479989)
    Og lægen i "Lægerne Testgade" har registreret og delt CRP 45 mg/L
    Når lægen forsøger at slette CRP-svaret
    Så afviser LPS'et det med henvisning til reglen "DEL-04"
    Og Laboratoriesvarportalen udleverer stadig CRP 45 mg/L

  @krav:DEL-05
  Scenarie: En rettelse sendes som rettet svar og vises som rettet
    Givet testpersonen Bruno Test Elmer (2509479989)
    Og lægen i "Lægerne Testgade" har registreret og delt HbA1c 25 mmol/mol
    Når lægen retter HbA1c-svaret til 52 mmol/mol
    Så modtager LPS'et en positiv kvittering fra PLSP
    Og rettelsen er sendt med resultatstatus "svar_rettet"
    Og LABA har begge versioner af HbA1c-svaret, med den rettede som den nyeste
    Og Sundhedsjournalen viser HbA1c 52 mmol/mol markeret som "Rettet"
