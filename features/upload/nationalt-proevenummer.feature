# language: da
Egenskab: Nationalt prøvenummer som rekvisitionsnummer
  Det anbefales at bruge det nationale prøvenummer som rekvisitionsnummer. Mangler det, modtages svaret
  alligevel, men PLSP noterer en advarsel, som leverandøren kan se.

  @krav:LABA-03
  Scenarie: Et svar uden nationalt prøvenummer modtages med en advarsel
    Givet testpersonen Einer Test Lauridsen (0201609995)
    Når lægen i "Lægerne Testgade" registrerer CRP 12 mg/L uden nationalt prøvenummer og deler svaret
    Så modtager LPS'et en positiv kvittering fra PLSP
    Og PLSP har noteret en advarsel om det manglende nationale prøvenummer ved beskeden
    Og LABA har svaret gemt uændret
