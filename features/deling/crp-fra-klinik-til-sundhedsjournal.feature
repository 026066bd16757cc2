# language: da
Egenskab: Et laboratoriesvar fra klinikken når frem til borgeren i Sundhedsjournalen
  Som borger vil jeg se de prøvesvar, min egen læge har lavet i klinikken, i Sundhedsjournalen på sundhed.dk,
  ligesom jeg ser svar fra laboratorierne.

  Svaret går fra lægepraksissystemet (LPS) via PLSP Health Hub til Laboratoriedatabanken (LABA), videre til
  Laboratoriesvarportalen og derfra til Sundhedsjournalen. Undervejs må intet i svaret ændres, og det skal
  altid fremgå, hvem der har lavet analysen.

  I tabellerne betyder "som delt": som i den besked, lægesystemet sendte (tidspunkterne og producentkoden
  sætter lægesystemet selv).

  @krav:DEL-01 @krav:DEL-02 @krav:LABA-02 @krav:LABA-04
  Scenarie: Et CRP-svar fra klinikken vises uændret i Sundhedsjournalen
    Givet testpersonen Nancy Ann Test Berggren (2512489996)
    Når lægen i "Lægerne Testgade" registrerer CRP 45 mg/L med referenceinterval under 10 og deler svaret
    Så modtager LPS'et en positiv kvittering fra PLSP
    Og beskeden overholder MedComs officielle XML-skema
    Og kvitteringen overholder MedComs officielle XML-skema
    Og LABA har svaret gemt uændret
    Og Sundhedsjournalen viser rækkerne for prøven:
      | analyse | værdi | enhed | referenceinterval | vurdering | status   | producent        | producentkode | prøvetid | svartid  |
      | CRP     | 45    | mg/L  | < 10              | Forhøjet  | Endeligt | Lægerne Testgade | som delt      | som delt | som delt |

  @krav:DEL-01
  Scenarie: En besked, der ikke er velformet XML, afvises, og intet gemmes
    Givet testpersonen Einer Test Lauridsen (0201609995)
    Når et LPS sender en besked til PLSP, der ikke er velformet XML
    Så svarer PLSP med HTTP 400 og en negativ kvittering med afvisningskoden "syntaksfejl"
    Og kvitteringen angiver, hvor i beskeden fejlen er
    Og LABA har intet gemt fra beskeden
