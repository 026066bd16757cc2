# language: da
Egenskab: Monitorering af dataflowet fra LPS til databankerne
  PLSP tæller, hvor mange lokale laboratoriesvar hvert LPS-system har delt, og hvor mange PLSP har sendt videre
  til hver databank. Tællerne kan aflæses i Prometheus-format.

  @krav:MON-01 @alene
  Scenarie: Tællerne stiger med de svar, der deles
    Givet testpersonen Einer Test Lauridsen (0201609995)
    Og PLSP's tællere er aflæst
    Når lægen i "Lægerne Testgade" registrerer CRP 45 mg/L og deler svaret
    Og lægen i "Lægerne Testgade" registrerer en Strep A-test med resultatet "Negativ" og deler svaret
    Så er tælleren for svar delt af LPS'et steget med 2
    Og er tælleren for svar sendt til LABA steget med 1
    Og er tælleren for svar sendt til MiBa steget med 1

  @krav:MON-01 @kun-pilot @alene
  Scenarie: Tællerne følger hvert LPS-system og hver databank, også når en levering fejler
    Givet testpersonen Einer Test Lauridsen (0201609995)
    Og PLSP's tællere er aflæst
    Når lægen i "Lægerne Testgade" deler svarene fra én prøve, taget kl. 08:00 med svar kl. 08:20:
      | analyse | værdi | enhed  | referenceinterval |
      | CRP     | 8     | mg/L   | under 10          |
      | Hb      | 8,4   | mmol/L | 7,3-9,5           |
      | Glukose | 6,3   | mmol/L | 4,0-6,0           |
    Og lægen i "Lægerne Testgade" registrerer en Strep A-test med resultatet "Negativ" og deler svaret
    Og et andet godkendt LPS-system, "Andet-LPS", deler et HbA1c-svar for testpersonen
    Og LABA er nede
    Og lægen i "Lægerne Testgade" registrerer HbA1c 52 mmol/mol og deler svaret
    Så modtager LPS'et en negativ kvittering fra PLSP, der siger, at LABA ikke kan nås
    Og PLSP's tællere er steget således:
      | LPS-system | delt | sendt til LABA | sendt til MiBa |
      | dette LPS  | 4    | 3              | 1              |
      | Andet-LPS  | 1    | 1              | 0              |
    Og PLSP's tællere for sendte svar passer med det, LABA og MiBa har gemt fra scenariets beskeder
