# language: da
Egenskab: Mikrobiologi fra klinikken deles som XRPT05 via MiBa
  Lægesystemet sender klinisk biokemi som XRPT01 til LABA og mikrobiologi, fx en Strep A-hurtigtest, som XRPT05
  til MiBa, begge via PLSP. Begge dele skal nå frem til borgeren.

  I tabellerne betyder "som delt": som i den besked, lægesystemet sendte (tidspunkterne og producentkoden
  sætter lægesystemet selv).

  @krav:DEL-08 @krav:DEL-01 @krav:LABA-02
  Scenarie: En Strep A-test fra klinikken når MiBa og Sundhedsjournalen
    Givet testpersonen Einer Test Lauridsen (0201609995)
    Når lægen i "Lægerne Testgade" registrerer en Strep A-test med resultatet "Positiv" og deler svaret
    Så modtager LPS'et en positiv kvittering fra PLSP
    Og beskeden er en XRPT05 (MicrobiologyWebReport)
    Og beskeden overholder MedComs officielle XML-skema
    Og MiBa har svaret gemt uændret
    Og LABA har ikke fået beskeden
    Og Sundhedsjournalen viser rækkerne for prøven:
      | analyse | værdi   | status   | producent        | producentkode | prøvetid | svartid  |
      | Strep A | Positiv | Endeligt | Lægerne Testgade | som delt      | som delt | som delt |
