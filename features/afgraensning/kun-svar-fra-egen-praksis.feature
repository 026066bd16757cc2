# language: da
Egenskab: Kun svar produceret i egen praksis deles
  Lægesystemet modtager også svar fra laboratorier og kopisvar fra andre praksis. De er ikke produceret i
  klinikken og må ikke sendes til databankerne: de kommer dertil fra deres egen producent.

  @krav:DEL-06
  Scenarie: Et svar modtaget fra et laboratorium sendes ikke videre
    Givet testpersonen Nancy Ann Test Berggren (2512489996)
    Og LPS'et i "Lægerne Testgade" har modtaget et Hb-svar fra laboratoriet "KBA Aalborg" med producentkoden "KBA"
    Og lægen i "Lægerne Testgade" har registreret CRP 30 mg/L
    Når lægen deler alle nye svar
    Så sender LPS'et kun CRP-svaret
    Og LPS'et springer Hb-svaret over med henvisning til reglen "DEL-06"
    Og LABA har intet svar fra producentkoden "KBA" for testpersonen

  @krav:DEL-07
  Scenarie: Et kopisvar fra en anden praksis sendes ikke videre
    Givet testpersonen Nancy Ann Test Berggren (2512489996)
    Og LPS'et i "Lægerne Testgade" har modtaget et kopisvar på INR fra praksis "Lægehuset Nord" med producentkoden "LHN"
    Når lægen forsøger at dele INR-svaret
    Så afviser LPS'et det med henvisning til reglen "DEL-07"
    Og LABA har intet svar fra producentkoden "LHN" for testpersonen
