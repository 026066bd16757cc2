# language: da
Egenskab: Kun systemer godkendt af MedCom må uploade
  Systemer, der uploader svar til LABA, skal være godkendt af MedCom. PLSP afviser alle andre med en negativ
  kvittering, der siger hvorfor, og intet sendes videre.

  @krav:LABA-01
  Scenarie: Et system, der ikke er godkendt, får en negativ kvittering, og intet gemmes
    Givet testpersonen Nancy Ann Test Berggren (2512489996)
    Når systemet "Ukendt-LPS", som ikke er godkendt af MedCom, sender et CRP-svar til PLSP
    Så svarer PLSP med HTTP 403 og en negativ kvittering med afvisningskoden "ikke_specificeret"
    Og kvitteringen siger, at "Ukendt-LPS" ikke er godkendt af MedCom
    Og LABA har intet gemt fra beskeden
