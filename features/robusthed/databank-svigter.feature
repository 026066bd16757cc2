# language: da
Egenskab: Intet svar går tabt, når en databank svigter
  PLSP sender svarene videre til LABA og MiBa. Svarer en databank ikke, eller svarer den med en fejl, prøver PLSP
  igen et par gange. Lykkes det ikke, får lægesystemet en negativ kvittering og sender svaret igen; svaret gemmes
  aldrig halvt og aldrig to gange. (Fejlene skabes af en WireMock-proxy mellem PLSP og databankerne. En fejl rammer
  kun de svar, der sendes om scenariets testperson, så scenarier om andre testpersoner kan køre samtidig.)

  Regel: Svar produceret i praksis når databankerne uændret, også når forbindelsen svigter (DEL-01)

    @krav:DEL-01 @krav:LABA-06
    Scenarie: LABA svarer med en fejl én gang; PLSP prøver igen, og svaret gemmes én gang
      Givet testpersonen Einer Test Lauridsen (0201609995)
      Og LABA svarer med HTTP 503 på den næste upload
      Når lægen i "Lægerne Testgade" registrerer CRP 33 mg/L og deler svaret
      Så modtager LPS'et en positiv kvittering fra PLSP
      Og PLSP har sendt beskeden til LABA 2 gange, før databanken tog imod den
      Og LABA har svaret gemt uændret
      Og LABA har kun ét CRP-svar på rekvisitionen

    @krav:DEL-01
    Scenarie: LABA er nede; lægesystemet får en negativ kvittering og sender igen, når LABA er oppe
      Givet testpersonen Einer Test Lauridsen (0201609995)
      Og LABA er nede
      Når lægen i "Lægerne Testgade" registrerer CRP 21 mg/L og deler svaret
      Så modtager LPS'et en negativ kvittering fra PLSP, der siger, at LABA ikke kan nås
      Og LABA har intet gemt fra beskeden
      Når LABA er oppe igen
      Og lægen deler CRP-svaret igen
      Så modtager LPS'et en positiv kvittering fra PLSP
      Og LABA har svaret gemt uændret
      Og LABA har kun ét CRP-svar på rekvisitionen

  Regel: Mikrobiologi når MiBa, også når MiBa er langsom (DEL-08)

    @krav:DEL-08
    Scenarie: MiBa svarer langsomt; svaret når frem alligevel
      Givet testpersonen Einer Test Lauridsen (0201609995)
      Og MiBa svarer først efter 1 sekund
      Når lægen i "Lægerne Testgade" registrerer en Strep A-test med resultatet "Negativ" og deler svaret
      Så modtager LPS'et en positiv kvittering fra PLSP
      Og MiBa har svaret gemt uændret
