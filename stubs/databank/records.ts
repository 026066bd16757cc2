/**
 * What a databank stores of a result: one flat record per result, taken from the letter without changing any
 * value. XRPT01 results and XRPT05 investigations both become records, so LABA and MiBa share one store.
 */
import type { ResultRecord } from '../../contracts/databank';
import type { LaboratoryReport, MicrobiologyWebReport, ReportLetter, DateTime } from '../../medcom/model';

export function isoMinute(dateTime: DateTime): string {
  return `${dateTime.date}T${dateTime.time}`;
}

export function recordsOf(envelopeIdentifier: string, letter: ReportLetter): ResultRecord[] {
  return letter.kind === 'XRPT01' ? laboratoryRecords(envelopeIdentifier, letter) : microbiologyRecords(envelopeIdentifier, letter);
}

type CommonFields = Pick<
  ResultRecord,
  | 'envelopeIdentifier' | 'letterIdentifier' | 'senderEan' | 'senderIdentifier' | 'patientId' | 'patientIdIsReplacement'
  | 'patientName' | 'consentGiven' | 'requisitionId' | 'laboratoryInternalSampleIdentifier' | 'requesterSampleIdentifier'
  | 'samplingTime' | 'resultTime'
>;

function commonFields(envelopeIdentifier: string, letter: ReportLetter): CommonFields {
  const { patient, requisitionInformation: { sample } } = letter;
  const replacement = patient.civilRegistrationNumber === undefined;
  return {
    envelopeIdentifier,
    letterIdentifier: letter.letter.identifier,
    senderEan: letter.sender.eanIdentifier,
    senderIdentifier: letter.sender.identifier,
    patientId: patient.civilRegistrationNumber ?? patient.alternativeIdentifier ?? '',
    patientIdIsReplacement: replacement,
    patientName: [patient.personGivenName, patient.personSurnameName].filter(Boolean).join(' '),
    consentGiven: patient.consentGiven ?? null,
    requisitionId: sample.requesterSampleIdentifier ?? sample.laboratoryInternalSampleIdentifier,
    laboratoryInternalSampleIdentifier: sample.laboratoryInternalSampleIdentifier,
    requesterSampleIdentifier: sample.requesterSampleIdentifier ?? null,
    samplingTime: isoMinute(sample.samplingDateTime),
    resultTime: isoMinute(letter.generalResultInformation.resultsDateTime),
  };
}

function laboratoryRecords(envelopeIdentifier: string, letter: LaboratoryReport): ResultRecord[] {
  const common = commonFields(envelopeIdentifier, letter);
  return letter.results.map((result) => ({
    kind: 'XRPT01',
    ...common,
    resultStatusCode: result.resultStatusCode,
    analysisCode: result.analysis.analysisCode,
    analysisCodeType: result.analysis.analysisCodeType,
    analysisCodeResponsible: result.analysis.analysisCodeResponsible,
    analysisShortName: result.analysis.analysisShortName ?? null,
    analysisName: result.analysis.analysisShortName ?? result.analysis.analysisCompleteName,
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
    comments: [...(result.resultTextValues ?? []), ...(result.resultComments ?? [])],
  }));
}

function microbiologyRecords(envelopeIdentifier: string, letter: MicrobiologyWebReport): ResultRecord[] {
  const common = commonFields(envelopeIdentifier, letter);
  return letter.investigations.map(({ examination, quantitativeFindings }) => ({
    kind: 'XRPT05',
    ...common,
    resultStatusCode: letter.generalResultInformation.resultStatusCode,
    analysisCode: examination.micAnalysisCode,
    analysisCodeType: examination.analysisCodeType,
    analysisCodeResponsible: examination.analysisCodeResponsible,
    analysisShortName: examination.analysisShortName ?? null,
    analysisName: examination.analysisShortName ?? examination.mdsName?.examination ?? examination.micAnalysisCode,
    producerIdentifier: examination.producerOfLabResult.identifier,
    producerCode: examination.producerOfLabResult.identifierCode,
    referenceType: null,
    referenceLower: null,
    referenceUpper: null,
    referenceText: null,
    resultType: null,
    operator: null,
    value: quantitativeFindings.map((finding) => finding.interpretation).join('; '),
    unit: null,
    validation: null,
    comments: quantitativeFindings.map((finding) => `${finding.analysis}: ${finding.interpretation}`),
  }));
}
