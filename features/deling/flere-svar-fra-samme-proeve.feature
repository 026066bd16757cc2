# language: da
Egenskab: Flere svar fra samme prøve vises hver for sig, som de blev delt
  En prøve giver ofte flere svar, og i et lægehus med fælles laboratorium kan en af de andre praksis have lavet
  analysen. Borgeren skal se hvert svar med sin værdi, enhed, referenceinterval, vurdering, status og producent,
  og med både prøvetidspunkt og svartidspunkt.

  Regel: Producenten af hvert svar fremgår, også når den ikke er afsenderen (DEL-02)

    @krav:DEL-01 @krav:DEL-02 @krav:LABA-04 @kun-pilot
    Scenarie: Et brev med tre svar, det ene forhøjet og det ene lavet af en anden praksis i lægehuset
      Givet testpersonen Nancy Ann Test Berggren (2512489996)
      Når lægen i "Lægehuset ved Fjorden og Skoven" deler svarene fra én prøve, taget kl. 08:10 med svar kl. 09:52:
        | analyse | værdi | enhed  | referenceinterval | producent   | ydernummer | producentkode |
        | CRP     | 45    | mg/L   | under 10          |             |            |               |
        | Glukose | 5,4   | mmol/L | 4,0-6,0           |             |            |               |
        | Hb      | 6,9   | mmol/L | 7,3-9,5           | Lægerne Syd | 067890     | LS            |
      Så modtager LPS'et en positiv kvittering fra PLSP
      Og beskeden overholder MedComs officielle XML-skema
      Og LABA har svaret gemt uændret
      Og Sundhedsjournalen viser rækkerne for prøven:
        | analyse | værdi | enhed  | referenceinterval | vurdering   | status   | producent                       | producentkode | prøvetid | svartid |
        | CRP     | 45    | mg/L   | < 10              | Forhøjet    | Endeligt | Lægehuset ved Fjorden og Skoven | LVF           | 08:10    | 09:52   |
        | Glukose | 5,4   | mmol/L | 4,0 - 6,0         |             | Endeligt | Lægehuset ved Fjorden og Skoven | LVF           | 08:10    | 09:52   |
        | Hb      | 6,9   | mmol/L | 7,3 - 9,5         | Formindsket | Endeligt | Lægerne Syd                     | LS            | 08:10    | 09:52   |

  Regel: Samme analyse fra en anden producent er et andet svar (LABA-06)
    Nøglen for et svar er patient-ID, rekvisitionsnummer, analysekode og producentkode.

    @krav:LABA-06 @krav:DEL-02 @kun-pilot
    Scenarie: To praksis i samme lægehus måler CRP på samme prøve, og begge svar gemmes
      Givet testpersonen Bruno Test Elmer (2509479989)
      Når lægen i "Lægehuset ved Fjorden og Skoven" deler svarene fra én prøve, taget kl. 07:45 med svar kl. 08:05:
        | analyse | værdi | enhed | producent   | ydernummer | producentkode |
        | CRP     | 12    | mg/L  |             |            |               |
        | CRP     | 14    | mg/L  | Lægerne Syd | 067890     | LS            |
      Så modtager LPS'et en positiv kvittering fra PLSP
      Og LABA har 2 CRP-svar på prøven, ét fra hver producent
      Og Sundhedsjournalen viser rækkerne for prøven:
        | analyse | værdi | enhed | status   | producent                       | producentkode | prøvetid | svartid |
        | CRP     | 12    | mg/L  | Endeligt | Lægehuset ved Fjorden og Skoven | LVF           | 07:45    | 08:05   |
        | CRP     | 14    | mg/L  | Endeligt | Lægerne Syd                     | LS            | 07:45    | 08:05   |
