/**
 * Composes the message a GP clinic shares for a result it produced itself: XRPT01 (LaboratoryReport, to LABA) for
 * clinical biochemistry, XRPT05 (MicrobiologyWebReport, to MiBa) for microbiology such as a Strep A rapid test.
 * The one place that knows how a clinic's result maps onto MedCom: sender and producer are the practice.
 */
import { medcomDateTime } from './date-time';
import { newIdentifier } from './identifiers';
import type {
  Emessage,
  LaboratoryReport,
  MicrobiologyWebReport,
  Operator,
  Receiver,
  ReferenceInterval,
  ReportLetter,
  ResultStatusCode,
  ResultValidation,
  Sender,
} from './model';
import type { CatalogueAnalysis } from './npu-catalogue';
import { resultValidationFor } from './result-validation';

export interface ClinicIdentity {
  name: string;
  ydernummer: string;
  ean: string;
  /** ProducerOfLabResult/IdentifierCode and Sender/FromLabIdentifier, at most 3 characters. */
  producerCode: string;
}

export interface ClinicResult {
  clinic: ClinicIdentity;
  patient: { cpr: string; givenName: string; surname: string; consentGiven: boolean };
  analysis: CatalogueAnalysis;
  value: string;
  unit?: string;
  operator?: Operator;
  referenceInterval?: ReferenceInterval;
  /** svar_endeligt unless said otherwise; svar_rettet for a correction (DEL-05). */
  status?: ResultStatusCode;
  comment?: string;
  /** National sample number, used as requisition number (LABA-03); without it the message carries a local one only. */
  sampleNumber?: string;
  /** The clinic's own sample identifier; defaults to the national sample number or a generated one. */
  internalSampleIdentifier?: string;
  sampledAt: Date;
  resultAt: Date;
}

/** ASSUMPTION: placeholder EAN numbers of the databanks, as in MedCom's examples. */
export const DATABANK_RECEIVERS = {
  XRPT01: { eanIdentifier: '5790000000001', identifier: 'LABA', identifierLocal: 'LAB', organisationName: 'Laboratoriedatabanken' },
  XRPT05: { eanIdentifier: '5790000000002', identifier: 'MIBA', identifierCode: 'lokal_kode', organisationName: 'MiBa, Statens Serum Institut' },
} as const satisfies Record<'XRPT01' | 'XRPT05', Receiver>;

function isNumeric(value: string): boolean {
  return /^[0-9]+([.,][0-9]+)?$/.test(value);
}

/** ResultValidation when the value lies outside its reference interval (the project's LPS rules want it marked). */
function validationOf(result: ClinicResult): { resultValidation?: ResultValidation } {
  const validation = resultValidationFor(result.value, result.referenceInterval);
  return validation ? { resultValidation: validation } : {};
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

function commonParts(result: ClinicResult, now: Date) {
  const internal = result.internalSampleIdentifier ?? result.sampleNumber ?? newIdentifier('P');
  return {
    letter: { identifier: newIdentifier('L'), authorisation: medcomDateTime(now) },
    sender: senderOf(result.clinic),
    receiver: { ...DATABANK_RECEIVERS[result.analysis.letterType] },
    patient: {
      civilRegistrationNumber: result.patient.cpr,
      personSurnameName: result.patient.surname,
      personGivenName: result.patient.givenName,
      consentGiven: result.patient.consentGiven,
    },
    requisitionInformation: {
      sample: {
        laboratoryInternalSampleIdentifier: internal,
        ...(result.sampleNumber ? { requesterSampleIdentifier: result.sampleNumber } : {}),
        samplingDateTime: medcomDateTime(result.sampledAt),
      },
    },
    generalResultInformation: {
      reportStatusCode: 'komplet_svar' as const,
      laboratoryInternalProductionIdentifier: internal,
      resultsDateTime: medcomDateTime(result.resultAt),
    },
  };
}

function laboratoryReport(result: ClinicResult, now: Date): LaboratoryReport {
  const { clinic, analysis } = result;
  const unit = result.unit ?? analysis.unit;
  return {
    kind: 'XRPT01',
    ...commonParts(result, now),
    results: [
      {
        resultStatusCode: result.status ?? 'svar_endeligt',
        analysis: {
          analysisCode: analysis.code,
          analysisCodeType: 'iupac',
          analysisCodeResponsible: 'SST',
          analysisShortName: analysis.shortName,
          analysisCompleteName: analysis.completeName,
        },
        producerOfLabResult: { identifier: clinic.name, identifierCode: clinic.producerCode },
        ...(result.referenceInterval ? { referenceInterval: result.referenceInterval } : {}),
        resultType: isNumeric(result.value) ? 'numerisk' : 'alfanumerisk',
        ...(result.operator ? { operator: result.operator } : {}),
        value: result.value,
        ...(unit ? { unit } : {}),
        ...validationOf(result),
        ...(result.comment ? { resultComments: [result.comment] } : {}),
      },
    ],
  };
}

function microbiologyReport(result: ClinicResult, now: Date): MicrobiologyWebReport {
  const { clinic, analysis } = result;
  const common = commonParts(result, now);
  return {
    kind: 'XRPT05',
    ...common,
    requisitionInformation: {
      ...common.requisitionInformation,
      sample: { ...common.requisitionInformation.sample, sampleReceivedDateTime: medcomDateTime(result.sampledAt) },
    },
    generalResultInformation: { ...common.generalResultInformation, resultStatusCode: result.status ?? 'svar_endeligt' },
    investigations: [
      {
        examination: {
          examinationTypeCode: 'maaleprocedure',
          micAnalysisCode: analysis.code,
          analysisCodeType: 'lokal',
          analysisCodeResponsible: 'MDS',
          analysisShortName: analysis.shortName,
          mdsName: { examination: analysis.completeName, ...analysis.microbiology },
          examinator: clinic.name,
          producerOfLabResult: { identifier: clinic.name, identifierCode: clinic.producerCode },
        },
        quantitativeFindings: [{ analysis: analysis.completeName, interpretation: result.value }],
      },
    ],
  };
}

export function clinicReportLetter(result: ClinicResult, now: Date): ReportLetter {
  return result.analysis.letterType === 'XRPT01' ? laboratoryReport(result, now) : microbiologyReport(result, now);
}

export function clinicEmessage(result: ClinicResult, now = new Date()): Emessage {
  return {
    envelope: { sent: medcomDateTime(now), identifier: newIdentifier('E'), acknowledgementCode: 'pluspositivkvitt' },
    letters: [clinicReportLetter(result, now)],
  };
}
