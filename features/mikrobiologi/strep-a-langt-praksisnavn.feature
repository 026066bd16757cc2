# language: da
Egenskab: Mikrobiologi fra enhver praksis, uanset hvor langt praksis' navn er
  I XRPT05 må producentens identifikation højst være 17 tegn. Lægesystemet sender derfor praksis' ydernummer som
  identifikation og producentkoden ved siden af; navnet følger med som afsender. Den, der har udført undersøgelsen
  (fx en sygeplejerske), er ikke producenten.

  @krav:DEL-01 @krav:DEL-08 @krav:DEL-02 @kun-pilot
  Scenarie: En Strep A fra en praksis med et navn på mere end 17 tegn når MiBa og Sundhedsjournalen
    Givet testpersonen Einer Test Lauridsen (0201609995)
    Når lægen i "Lægehuset Annullering" deler svarene fra én prøve, taget kl. 10:20 med svar kl. 10:35:
      | analyse | værdi   | undersøger               |
      | Strep A | Positiv | Sygeplejerske Hanne Test |
    Så modtager LPS'et en positiv kvittering fra PLSP
    Og beskeden er en XRPT05 (MicrobiologyWebReport)
    Og beskeden overholder MedComs officielle XML-skema
    Og MiBa har svaret gemt uændret
    Og Sundhedsjournalen viser rækkerne for prøven:
      | analyse | værdi   | status   | producent             | producentkode | prøvetid | svartid |
      | Strep A | Positiv | Endeligt | Lægehuset Annullering | LA            | 10:20    | 10:35   |
