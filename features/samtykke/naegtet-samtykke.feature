# language: da
Egenskab: Nægtet samtykke føres igennem hele kæden
  En patient kan nægte, at sine svar videregives (Sundhedsloven § 15). Svaret skal stadig uploades til
  databanken, men det må aldrig vises i de nationale visninger: hverken i Laboratoriesvarportalen eller i
  Sundhedsjournalen. Skjult, ikke tabt.

  Patientens andet svar, givet med samtykke, vises som delt ("som delt": som i den besked, lægesystemet sendte).

  @krav:DEL-03
  Scenarie: Et svar med nægtet samtykke gemmes i LABA, men vises ingen steder
    Givet testpersonen Odd Haugen Test Mosebryggersen (1502799995)
    Når lægen i "Lægerne Testgade" registrerer CRP 30 mg/L og deler svaret
    Og lægen i "Lægerne Testgade" registrerer HbA1c 52 mmol/mol med nægtet samtykke og deler svaret
    Så modtager LPS'et en positiv kvittering fra PLSP
    Og LABA har HbA1c-svaret gemt med nægtet samtykke
    Men Laboratoriesvarportalen udleverer ikke HbA1c-svaret
    Og Sundhedsjournalen viser rækkerne for prøven:
      | analyse | værdi | enhed | status   | producent        | producentkode | prøvetid | svartid  |
      | CRP     | 30    | mg/L  | Endeligt | Lægerne Testgade | som delt      | som delt | som delt |
    Men Sundhedsjournalen viser ikke HbA1c-svaret

  @krav:DEL-03
  Scenarie: En Strep A med nægtet samtykke gemmes i MiBa, men vises ingen steder
    Givet testpersonen Odd Haugen Test Mosebryggersen (1502799995)
    Når lægen i "Lægerne Testgade" registrerer CRP 30 mg/L og deler svaret
    Og lægen i "Lægerne Testgade" registrerer en Strep A-test med resultatet "Positiv" med nægtet samtykke og deler svaret
    Så modtager LPS'et en positiv kvittering fra PLSP
    Og MiBa har Strep A-svaret gemt med nægtet samtykke
    Men Laboratoriesvarportalen udleverer ikke Strep A-svaret
    Og Sundhedsjournalen viser rækkerne for prøven:
      | analyse | værdi | enhed | status   | producent        | producentkode | prøvetid | svartid  |
      | CRP     | 30    | mg/L  | Endeligt | Lægerne Testgade | som delt      | som delt | som delt |
    Men Sundhedsjournalen viser ikke Strep A-svaret
