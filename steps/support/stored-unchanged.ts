/**
 * DEL-01: a result reaches the databank unchanged. Compares every field of every result in the message the LPS
 * sent with what the databank stored, and the stored message with the sent bytes. Returns the differences.
 */
import { readEmessage } from '../../medcom';
import type { LabResult, MicrobiologyInvestigation, ReportLetter } from '../../medcom/model';
import type { StoredResult } from '../../contracts/databank';

type Fields = Record<string, unknown>;

function laboratoryFields(result: LabResult): Fields {
  return {
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

function microbiologyFields(investigation: MicrobiologyInvestigation): Fields {
  const { examination, quantitativeFindings } = investigation;
  return {
    analysisCode: examination.micAnalysisCode,
    analysisCodeType: examination.analysisCodeType,
    analysisCodeResponsible: examination.analysisCodeResponsible,
    producerIdentifier: examination.producerOfLabResult.identifier,
    producerCode: examination.producerOfLabResult.identifierCode,
    value: quantitativeFindings.map((finding) => finding.interpretation).join('; '),
  };
}

/** Every result a letter carries, with the fields a databank must keep as they were sent. */
function expectedResults(letter: ReportLetter): Fields[] {
  const { patient, requisitionInformation: { sample } } = letter;
  const common = {
    patientId: patient.civilRegistrationNumber ?? patient.alternativeIdentifier ?? '',
    consentGiven: patient.consentGiven ?? null,
    requesterSampleIdentifier: sample.requesterSampleIdentifier ?? null,
    laboratoryInternalSampleIdentifier: sample.laboratoryInternalSampleIdentifier,
  };
  const results = letter.kind === 'XRPT01' ? letter.results.map(laboratoryFields) : letter.investigations.map(microbiologyFields);
  return results.map((fields) => ({ ...common, ...fields }));
}

/** `sent`: the message as text and the encoding the LPS sent it in; `storedBytes`: what the databank kept. */
export function differencesFromSent(
  sent: { sentXml: string; sentEncoding?: 'UTF-8' | 'ISO-8859-1' },
  storedBytes: Buffer | undefined,
  stored: StoredResult[],
): string[] {
  const sentBytes = Buffer.from(sent.sentXml, sent.sentEncoding === 'ISO-8859-1' ? 'latin1' : 'utf8');
  const message = readEmessage(sentBytes).message;
  if (!message) return ['the message the LPS sent could not be read back'];
  const envelope = message.envelope.identifier;
  const differences: string[] = [];
  if (storedBytes === undefined) differences.push(`the databank has no message with envelope ${envelope}`);
  else if (!storedBytes.equals(sentBytes)) {
    const at = [...sentBytes].findIndex((byte, index) => storedBytes[index] !== byte);
    differences.push(`the stored message is not byte for byte the message the LPS sent (first difference at byte offset ${at === -1 ? sentBytes.length : at})`);
  }
  message.letters.forEach((letter, letterIndex) => {
    expectedResults(letter).forEach((expected, index) => {
      const where = `letter ${letterIndex + 1}, result ${index + 1} (${String(expected.analysisCode)})`;
      const match = stored.find((candidate) => candidate.record.envelopeIdentifier === envelope && candidate.record.analysisCode === expected.analysisCode);
      if (!match) {
        differences.push(`${where}: not stored`);
        return;
      }
      for (const [field, value] of Object.entries(expected)) {
        const actual = (match.record as unknown as Fields)[field] ?? null;
        if (actual !== value) differences.push(`${where} ${field}: sent ${JSON.stringify(value)}, stored ${JSON.stringify(actual)}`);
      }
    });
  });
  return differences;
}
