# language: da
Egenskab: Monitorering af dataflowet fra LPS til databankerne
  PLSP tæller, hvor mange lokale laboratoriesvar hvert LPS-system har delt, og hvor mange PLSP har sendt videre
  til hver databank. Tællerne kan aflæses i Prometheus-format.

  @krav:MON-01
  Scenarie: Tællerne stiger med de svar, der deles
    Givet testpersonen Einer Test Lauridsen (0201609995)
    Og PLSP's tællere er aflæst
    Når lægen i "Lægerne Testgade" registrerer CRP 45 mg/L og deler svaret
    Og lægen i "Lægerne Testgade" registrerer en Strep A-test med resultatet "Negativ" og deler svaret
    Så er tælleren for svar delt af LPS'et steget med 2
    Og er tælleren for svar sendt til LABA steget med 1
    Og er tælleren for svar sendt til MiBa steget med 1
