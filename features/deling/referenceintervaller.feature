# language: da
Egenskab: Referenceintervaller følger svaret helt ud til borgeren
  "Der medsendes referenceintervaller, når de findes i systemet." Borgeren skal kunne se, om værdien ligger
  inden for intervallet, uanset om det er et normalområde, en øvre grænse eller et behandlingsmål.

  I tabellerne betyder "som delt": som i den besked, lægesystemet sendte (tidspunkterne og producentkoden
  sætter lægesystemet selv).

  Regel: Referenceintervaller medsendes, når de findes i systemet, og vises som registreret (LABA-04)

    @krav:LABA-04 @krav:DEL-01
    Abstrakt Scenario: Referenceintervallet vises, som lægen registrerede det
      Givet testpersonen Ida Test Intervalsen (1207809990)
      Når lægen i "Lægerne Testgade" registrerer <analyse> <værdi> <enhed> <interval> og deler svaret
      Så modtager LPS'et en positiv kvittering fra PLSP
      Og LABA har svaret gemt uændret
      Og Sundhedsjournalen viser rækkerne for prøven:
        | analyse   | værdi   | enhed   | referenceinterval | intervaltype   | vurdering   | status   | producent        | producentkode | prøvetid | svartid  |
        | <analyse> | <værdi> | <enhed> | <vist>            | <intervaltype> | <vurdering> | Endeligt | Lægerne Testgade | som delt      | som delt | som delt |

      Eksempler:
        | analyse | værdi | enhed    | interval                       | vist      | intervaltype   | vurdering |
        | CRP     | 12    | mg/L     | med referenceinterval under 10 | < 10      |                | Forhøjet  |
        | Glukose | 6,1   | mmol/L   | med referenceinterval 4,0-6,0  | 4,0 - 6,0 |                | Forhøjet  |
        | HbA1c   | 48    | mmol/mol | med behandlingsmål under 53    | < 53      | behandlingsmål |           |
        | Hb      | 8,9   | mmol/L   | uden referenceinterval         |           |                |           |
