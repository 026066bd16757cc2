# language: da
Egenskab: Kun svar produceret i egen praksis deles
  Projektet omhandler kun data produceret i almen praksis. Lægesystemet (LPS) modtager også svar fra laboratorier
  og kopisvar fra andre praksis; de kommer til databankerne fra deres egen producent og må ikke sendes igen herfra.

  Regel: Svar, som LPS har modtaget fra laboratorier, videresendes ikke (DEL-06)
    "Øvrige data, som LPS modtager (produceret af laboratorier), videresendes ikke til databankerne."

    @krav:DEL-06 @alene
    Scenarie: Et svar modtaget fra et laboratorium sendes ikke videre, når lægen deler nye svar
      Givet testpersonen Nancy Ann Test Berggren (2512489996)
      Og LPS'et i "Lægerne Testgade" har modtaget et Hb-svar fra laboratoriet "KBA Aalborg" med producentkoden "KBA"
      Og lægen i "Lægerne Testgade" har registreret CRP 30 mg/L
      Når lægen deler alle nye svar
      Så sender LPS'et kun CRP-svaret
      Og LPS'et springer Hb-svaret over med henvisning til reglen "DEL-06"
      Og LABA har intet svar fra producentkoden "KBA" for testpersonen

  Regel: Svar hentet fra en anden producent sendes ikke (DEL-07)
    "Data hentet fra anden producent (fx kopisvar fra anden almen praksis) sendes ikke til databankerne."

    @krav:DEL-07
    Scenarie: Et kopisvar fra en anden praksis kan ikke deles
      Givet testpersonen Nancy Ann Test Berggren (2512489996)
      Og LPS'et i "Lægerne Testgade" har modtaget et kopisvar på INR fra praksis "Lægehuset Nord" med producentkoden "LHN"
      Når lægen forsøger at dele INR-svaret
      Så afviser LPS'et det med henvisning til reglen "DEL-07"
      Og LABA har intet svar fra producentkoden "LHN" for testpersonen
