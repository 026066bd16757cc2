# language: da
Egenskab: Et svar sendt i ISO-8859-1 når frem med æ, ø og å i behold
  Nogle lægepraksissystemer sender deres beskeder i tegnsættet ISO-8859-1 i stedet for UTF-8. PLSP skal læse
  beskeden i det tegnsæt, den selv angiver, sende den uændret videre, og LABA skal gemme den byte for byte.
  Borgeren skal se praksissens navn med æ, ø og å, præcis som lægen skrev det.

  I tabellen betyder "som delt": som i den besked, lægesystemet sendte.

  @krav:DEL-01 @kun-pilot
  Scenarie: Et CRP-svar fra en praksis med æ, ø og å i navnet sendes i ISO-8859-1 og vises korrekt
    Givet testpersonen Nancy Ann Test Berggren (2512489996)
    Og lægen i "Lægehuset Ærø Østerå" har registreret CRP 45 mg/L
    Når lægen deler CRP-svaret i ISO-8859-1
    Så modtager LPS'et en positiv kvittering fra PLSP
    Og beskeden blev sendt i ISO-8859-1
    Og LABA har svaret gemt uændret
    Og Laboratoriesvarportalen udleverer CRP-svaret med producenten "Lægehuset Ærø Østerå"
    Og Sundhedsjournalen viser rækkerne for prøven:
      | analyse | værdi | enhed | status   | producent            | producentkode | prøvetid | svartid  |
      | CRP     | 45    | mg/L  | Endeligt | Lægehuset Ærø Østerå | LÆØ           | som delt | som delt |
