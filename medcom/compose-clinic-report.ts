/**
 * Composes the XRPT01 message a GP clinic shares for results it produced itself: the one place that knows how
 * a clinic's result maps onto MedCom (sender = the practice, producer = the practice, receiver = LABA).
 */
import { medcomDateTime } from './date-time';
import { newIdentifier } from './identifiers';
import type { Emessage, LaboratoryReport, Operator, ReferenceInterval, ResultStatusCode } from './model';
import type { CatalogueAnalysis } from './npu-catalogue';

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
  status?: ResultStatusCode;
  /** National sample number, used as requisition number (LABA-03). */
  sampleNumber: string;
  sampledAt: Date;
  resultAt: Date;
}

export const LABA_RECEIVER = { eanIdentifier: '5790000000001', identifier: 'LABA', identifierLocal: 'LAB', organisationName: 'Laboratoriedatabanken' };

function isNumeric(value: string): boolean {
  return /^[0-9]+([.,][0-9]+)?$/.test(value);
}

export function clinicLaboratoryReport(result: ClinicResult, now: Date, receiverEan = LABA_RECEIVER.eanIdentifier): LaboratoryReport {
  const { clinic, patient, analysis } = result;
  const unit = result.unit ?? analysis.unit;
  return {
    kind: 'XRPT01',
    letter: { identifier: newIdentifier('L'), authorisation: medcomDateTime(now) },
    sender: {
      eanIdentifier: clinic.ean,
      identifier: clinic.ydernummer,
      identifierCode: 'ydernummer',
      organisationName: clinic.name,
      medicalSpecialityCode: 'almen_medicin',
      fromLabIdentifier: clinic.producerCode,
    },
    receiver: { ...LABA_RECEIVER, eanIdentifier: receiverEan },
    patient: {
      civilRegistrationNumber: patient.cpr,
      personSurnameName: patient.surname,
      personGivenName: patient.givenName,
      consentGiven: patient.consentGiven,
    },
    requisitionInformation: {
      sample: {
        laboratoryInternalSampleIdentifier: result.sampleNumber,
        requesterSampleIdentifier: result.sampleNumber,
        samplingDateTime: medcomDateTime(result.sampledAt),
      },
    },
    generalResultInformation: {
      reportStatusCode: 'komplet_svar',
      laboratoryInternalProductionIdentifier: result.sampleNumber,
      resultsDateTime: medcomDateTime(result.resultAt),
    },
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
      },
    ],
  };
}

export function clinicEmessage(result: ClinicResult, now = new Date(), receiverEan?: string): Emessage {
  return {
    envelope: { sent: medcomDateTime(now), identifier: newIdentifier('E'), acknowledgementCode: 'pluspositivkvitt' },
    letters: [clinicLaboratoryReport(result, now, receiverEan)],
  };
}
