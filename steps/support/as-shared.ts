/**
 * "som delt" in a scenario's table: a field the scenario cannot know in advance (the times a vendor's LPS stamps,
 * the producer code it uses), taken from the message the LPS shared, in Sundhedsjournalen's wording. The message
 * itself was held to what the tester registered when it was shared (steps/drivers/checked-lps.ts), so the view is
 * checked against what was registered, through the message.
 */
import { readEmessage } from '../../medcom';
import type { DateTime, ProducerOfLabResult } from '../../medcom/model';

export const AS_SHARED = 'som delt';

/** The fields a table may give as "som delt". */
export interface SharedFacts {
  producerCode: string;
  samplingTime: string;
  resultTime: string;
}

/** "2026-12-01" "09:40" -> "01.12.2026 kl. 09:40", as Sundhedsjournalen writes a time. */
export function shownDateTime(dateTime: DateTime): string {
  const [year, month, day] = dateTime.date.split('-');
  return `${day}.${month}.${year} kl. ${dateTime.time}`;
}

/** The producer code and times of the analysis's result in the shared message; throws when it holds none or several. */
export function sharedFacts(sentXml: string, analysisCode: string, analysisName: string): SharedFacts {
  const letters = readEmessage(sentXml).message?.letters ?? [];
  const found: SharedFacts[] = [];
  for (const letter of letters) {
    const producers: ProducerOfLabResult[] =
      letter.kind === 'XRPT01'
        ? letter.results.filter((result) => result.analysis.analysisCode === analysisCode).map((result) => result.producerOfLabResult)
        : letter.investigations.filter((investigation) => investigation.examination.micAnalysisCode === analysisCode).map((investigation) => investigation.examination.producerOfLabResult);
    for (const producer of producers) {
      found.push({
        producerCode: producer.identifierCode,
        samplingTime: shownDateTime(letter.requisitionInformation.sample.samplingDateTime),
        resultTime: shownDateTime(letter.generalResultInformation.resultsDateTime),
      });
    }
  }
  const [only] = found;
  if (!only || found.length > 1) {
    throw new Error(
      `"${AS_SHARED}" i tabellen: den delte besked har ${found.length} ${analysisName}-svar (${analysisCode}); skriv værdierne i tabellen i stedet`,
    );
  }
  return only;
}
