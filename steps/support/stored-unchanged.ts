/**
 * DEL-01: a result reaches the databank unchanged. Compares every field of every result in the message the LPS
 * sent with what the databank stored, and the stored message with the sent bytes. Returns the differences.
 */
import { readEmessage } from '../../medcom';
import type { LabResult } from '../../medcom/model';
import type { StoredResult } from '../drivers/databank';

function expectedFields(result: LabResult, patientId: string, consent: boolean | undefined): Record<string, unknown> {
  return {
    patientId,
    consentGiven: consent ?? null,
    resultStatusCode: result.resultStatusCode,
    analysisCode: result.analysis.analysisCode,
    analysisCodeType: result.analysis.analysisCodeType,
    analysisCodeResponsible: result.analysis.analysisCodeResponsible,
    producerIdentifier: result.producerOfLabResult.identifier,
    producerCode: result.producerOfLabResult.identifierCode,
    referenceType: result.referenceInterval?.typeOfInterval ?? null,
    referenceLower: result.referenceInterval?.lowerLimit ?? null,
    referenceUpper: result.referenceInterval?.upperLimit ?? null,
    referenceText: result.referenceInterval?.intervalText ?? null,
    resultType: result.resultType,
    operator: result.operator ?? null,
    value: result.value,
    unit: result.unit ?? null,
    validation: result.resultValidation ?? null,
  };
}

export function differencesFromSent(sentXml: string, storedXml: string | undefined, stored: StoredResult[]): string[] {
  const sent = readEmessage(sentXml).message;
  if (!sent) return ['the message the LPS sent could not be read back'];
  const differences: string[] = [];
  if (storedXml === undefined) differences.push(`the databank has no message with envelope ${sent.envelope.identifier}`);
  else if (storedXml !== sentXml) differences.push('the stored message is not byte for byte the message the LPS sent');
  for (const letter of sent.letters) {
    if (letter.kind !== 'XRPT01') continue;
    const patientId = letter.patient.civilRegistrationNumber ?? letter.patient.alternativeIdentifier ?? '';
    letter.results.forEach((result, index) => {
      const match = stored.find(
        (candidate) => candidate.record.envelopeIdentifier === sent.envelope.identifier && candidate.record.analysisCode === result.analysis.analysisCode,
      );
      if (!match) {
        differences.push(`Result[${index + 1}] ${result.analysis.analysisCode}: not stored`);
        return;
      }
      for (const [field, expected] of Object.entries(expectedFields(result, patientId, letter.patient.consentGiven))) {
        const actual = match.record[field] ?? null;
        if (actual !== expected) {
          differences.push(`Result[${index + 1}] ${field}: sent ${JSON.stringify(expected)}, stored ${JSON.stringify(actual)}`);
        }
      }
    });
  }
  return differences;
}
