/**
 * Composes the message a GP clinic shares for results it produced itself: XRPT01 (LaboratoryReport, to LABA) for
 * clinical biochemistry, XRPT05 (MicrobiologyWebReport, to MiBa) for microbiology such as a Strep A rapid test.
 * The one place that knows how a clinic's results map onto MedCom. One letter holds every result of one
 * requisition (one sample); the sender is the practice, the producer of each result is the practice unless said
 * otherwise (a practice in the same medical centre whose laboratory produced it).
 *
 * ProducerOfLabResult: Identifier is the producer's ydernummer (a code of at most 6 digits, valid in XRPT05's
 * 17 characters for any practice), IdentifierCode its producer code (at most 3 characters). XRPT01 allows 35
 * characters and carries the producer's name, as MedCom's examples do.
 */
import { medcomDateTime } from './date-time';
import { newIdentifier } from './identifiers';
import type {
  Emessage,
  LabResult,
  LaboratoryReport,
  MicrobiologyInvestigation,
  MicrobiologyWebReport,
  Operator,
  Patient,
  Receiver,
  ReferenceInterval,
  ReportLetter,
  ResultStatusCode,
  ResultValidation,
  Sender,
} from './model';
import type { CatalogueAnalysis } from './npu-catalogue';

export interface ClinicIdentity {
  name: string;
  ydernummer: string;
  ean: string;
  /** ProducerOfLabResult/IdentifierCode and Sender/FromLabIdentifier, at most 3 characters. */
  producerCode: string;
}

/** Who produced a result: a practice by name, ydernummer and producer code (at most 3 characters). */
export interface ResultProducer {
  name: string;
  ydernummer: string;
  code: string;
}

export interface ClinicPatient {
  /** CPR; absent when the patient has a replacement CPR only. */
  cpr?: string;
  /** Replacement CPR (erstatnings-CPR, AlternativeIdentifier): 10 characters. */
  replacementCpr?: string;
  givenName: string;
  surname: string;
  consentGiven: boolean;
}

/** One analysis's result in a letter. */
export interface ClinicAnalysisResult {
  analysis: CatalogueAnalysis;
  value: string;
  unit?: string;
  operator?: Operator;
  referenceInterval?: ReferenceInterval;
  resultValidation?: ResultValidation;
  comment?: string;
  /** The practice by default. */
  producer?: ResultProducer;
  /** XRPT05 Examinator: who did the examination (the producer's name by default). */
  examinator?: string;
}

/** Every result of one requisition, shared in one letter. */
export interface ClinicLetter {
  clinic: ClinicIdentity;
  patient: ClinicPatient;
  /** svar_endeligt unless said otherwise; svar_rettet for a correction (DEL-05). XRPT05 has one status per letter. */
  status?: ResultStatusCode;
  /** National sample number, used as requisition number (LABA-03); without it the message carries a local one only. */
  sampleNumber?: string;
  /** The clinic's own sample identifier; defaults to the national sample number or a generated one. */
  internalSampleIdentifier?: string;
  sampledAt: Date;
  resultAt: Date;
  results: ClinicAnalysisResult[];
}

/** One result in a letter of its own (the shape most callers need). */
export type ClinicResult = Omit<ClinicLetter, 'results' | 'patient'> &
  ClinicAnalysisResult & { patient: ClinicPatient & { cpr: string } };

/** ASSUMPTION: placeholder EAN numbers of the databanks, as in MedCom's examples. */
export const DATABANK_RECEIVERS = {
  XRPT01: { eanIdentifier: '5790000000001', identifier: 'LABA', identifierLocal: 'LAB', organisationName: 'Laboratoriedatabanken' },
  XRPT05: { eanIdentifier: '5790000000002', identifier: 'MIBA', identifierCode: 'lokal_kode', organisationName: 'MiBa, Statens Serum Institut' },
} as const satisfies Record<'XRPT01' | 'XRPT05', Receiver>;

function isNumeric(value: string): boolean {
  return /^[0-9]+([.,][0-9]+)?$/.test(value);
}


function senderOf(clinic: ClinicIdentity): Sender {
  return {
    eanIdentifier: clinic.ean,
    identifier: clinic.ydernummer,
    identifierCode: 'ydernummer',
    organisationName: clinic.name,
    medicalSpecialityCode: 'almen_medicin',
    fromLabIdentifier: clinic.producerCode,
  };
}

function producerOf(letter: ClinicLetter, result: ClinicAnalysisResult): ResultProducer {
  return result.producer ?? { name: letter.clinic.name, ydernummer: letter.clinic.ydernummer, code: letter.clinic.producerCode };
}

function patientOf(patient: ClinicPatient): Patient {
  if ((patient.cpr === undefined) === (patient.replacementCpr === undefined)) {
    throw new Error('A patient has either a CPR or a replacement CPR (AlternativeIdentifier), not both and not neither');
  }
  return {
    ...(patient.cpr !== undefined ? { civilRegistrationNumber: patient.cpr } : { alternativeIdentifier: patient.replacementCpr }),
    personSurnameName: patient.surname,
    personGivenName: patient.givenName,
    consentGiven: patient.consentGiven,
  };
}

function letterTypeOf(letter: ClinicLetter): 'XRPT01' | 'XRPT05' {
  const types = new Set(letter.results.map((result) => result.analysis.letterType));
  const [only] = types;
  if (types.size !== 1 || only === undefined) {
    throw new Error(`One letter carries results of one letter type: got ${[...types].join(' and ') || 'no results'}; share them in letters of their own`);
  }
  return only;
}

function commonParts(letter: ClinicLetter, now: Date) {
  const internal = letter.internalSampleIdentifier ?? letter.sampleNumber ?? newIdentifier('P');
  return {
    letter: { identifier: newIdentifier('L'), authorisation: medcomDateTime(now) },
    sender: senderOf(letter.clinic),
    receiver: { ...DATABANK_RECEIVERS[letterTypeOf(letter)] },
    patient: patientOf(letter.patient),
    requisitionInformation: {
      sample: {
        laboratoryInternalSampleIdentifier: internal,
        ...(letter.sampleNumber ? { requesterSampleIdentifier: letter.sampleNumber } : {}),
        samplingDateTime: medcomDateTime(letter.sampledAt),
      },
    },
    generalResultInformation: {
      reportStatusCode: 'komplet_svar' as const,
      laboratoryInternalProductionIdentifier: internal,
      resultsDateTime: medcomDateTime(letter.resultAt),
    },
  };
}

function labResult(letter: ClinicLetter, result: ClinicAnalysisResult): LabResult {
  const { analysis } = result;
  const producer = producerOf(letter, result);
  const unit = result.unit ?? analysis.unit;
  return {
    resultStatusCode: letter.status ?? 'svar_endeligt',
    analysis: {
      analysisCode: analysis.code,
      analysisCodeType: 'iupac',
      analysisCodeResponsible: 'SST',
      analysisShortName: analysis.shortName,
      analysisCompleteName: analysis.completeName,
    },
    producerOfLabResult: { identifier: producer.name, identifierCode: producer.code },
    ...(result.referenceInterval ? { referenceInterval: result.referenceInterval } : {}),
    resultType: isNumeric(result.value) ? 'numerisk' : 'alfanumerisk',
    ...(result.operator ? { operator: result.operator } : {}),
    value: result.value,
    ...(unit ? { unit } : {}),
    ...(result.resultValidation ? { resultValidation: result.resultValidation } : {}),
    ...(result.comment ? { resultComments: [result.comment] } : {}),
  };
}

function laboratoryReport(letter: ClinicLetter, now: Date): LaboratoryReport {
  return { kind: 'XRPT01', ...commonParts(letter, now), results: letter.results.map((result) => labResult(letter, result)) };
}

function investigation(letter: ClinicLetter, result: ClinicAnalysisResult): MicrobiologyInvestigation {
  const { analysis } = result;
  const producer = producerOf(letter, result);
  return {
    examination: {
      examinationTypeCode: 'maaleprocedure',
      micAnalysisCode: analysis.code,
      analysisCodeType: 'lokal',
      analysisCodeResponsible: 'MDS',
      analysisShortName: analysis.shortName,
      mdsName: { examination: analysis.completeName, ...analysis.microbiology },
      examinator: result.examinator ?? producer.name,
      producerOfLabResult: { identifier: producer.ydernummer, identifierCode: producer.code },
      ...(result.comment ? { summary: result.comment } : {}),
    },
    quantitativeFindings: [
      { analysis: analysis.completeName, interpretation: result.value, ...(result.resultValidation ? { resultValidation: result.resultValidation } : {}) },
    ],
  };
}

function microbiologyReport(letter: ClinicLetter, now: Date): MicrobiologyWebReport {
  const common = commonParts(letter, now);
  return {
    kind: 'XRPT05',
    ...common,
    requisitionInformation: {
      ...common.requisitionInformation,
      sample: { ...common.requisitionInformation.sample, sampleReceivedDateTime: medcomDateTime(letter.sampledAt) },
    },
    generalResultInformation: { ...common.generalResultInformation, resultStatusCode: letter.status ?? 'svar_endeligt' },
    investigations: letter.results.map((result) => investigation(letter, result)),
  };
}

export function clinicLetter(letter: ClinicLetter, now: Date): ReportLetter {
  return letterTypeOf(letter) === 'XRPT01' ? laboratoryReport(letter, now) : microbiologyReport(letter, now);
}

/** An Emessage with one letter holding every result of the requisition. */
export function clinicLetterEmessage(letter: ClinicLetter, now = new Date()): Emessage {
  return {
    envelope: { sent: medcomDateTime(now), identifier: newIdentifier('E'), acknowledgementCode: 'pluspositivkvitt' },
    letters: [clinicLetter(letter, now)],
  };
}

/** An Emessage with one letter holding one result. */
export function clinicEmessage(result: ClinicResult, now = new Date()): Emessage {
  const { analysis, value, unit, operator, referenceInterval, resultValidation, comment, producer, examinator, ...letter } = result;
  const single: ClinicAnalysisResult = { analysis, value, unit, operator, referenceInterval, resultValidation, comment, producer, examinator };
  return clinicLetterEmessage({ ...letter, results: [single] }, now);
}
