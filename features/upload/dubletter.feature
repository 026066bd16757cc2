# language: da
Egenskab: Samme svar sendt to gange gemmes én gang
  Sendes den samme svarfil med samme analysekode og samme producentkode ved en fejl to gange, gemmes kun det ene
  svar i LABA. Nøglen er patient-ID, rekvisitionsnummer, analysekode og producentkode.

  @krav:LABA-06
  Scenarie: En svarfil sendt igen giver ikke et svar mere i LABA
    Givet testpersonen Nancy Ann Test Berggren (2512489996)
    Og lægen i "Lægerne Testgade" har registreret og delt CRP 45 mg/L
    Når LPS'et ved en fejl sender den samme svarfil igen
    Så modtager LPS'et en positiv kvittering fra PLSP
    Og LABA har kun ét CRP-svar på rekvisitionen
