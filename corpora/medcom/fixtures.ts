/** Hand-made valid messages (Odd Haugen Test Mosebryggersen, a national test CPR) for the unit tests. */
import type { Emessage, LaboratoryReport, MicrobiologyWebReport, Sender } from '../../medcom/model';

/** The practice that sends both fixtures. */
const CLINIC: Sender = {
  eanIdentifier: '5790000000000',
  identifier: '012345',
  identifierCode: 'ydernummer',
  organisationName: 'Lægerne Testgade',
  medicalSpecialityCode: 'almen_medicin',
  fromLabIdentifier: 'LPX',
};

export function crpReport(): LaboratoryReport {
  return {
    kind: 'XRPT01',
    letter: { identifier: 'L000000000001', authorisation: { date: '2025-03-14', time: '10:14' } },
    sender: { ...CLINIC },
    receiver: { eanIdentifier: '5790000000001', identifier: 'LABA', identifierLocal: 'LAB', organisationName: 'Laboratoriedatabanken' },
    patient: {
      civilRegistrationNumber: '1502799995',
      personSurnameName: 'Test Mosebryggersen',
      personGivenName: 'Odd Haugen',
      consentGiven: true,
    },
    requisitionInformation: {
      sample: {
        laboratoryInternalSampleIdentifier: '0123456789',
        requesterSampleIdentifier: '0123456789',
        samplingDateTime: { date: '2025-03-14', time: '09:40' },
      },
    },
    generalResultInformation: {
      reportStatusCode: 'komplet_svar',
      laboratoryInternalProductionIdentifier: '0123456789',
      resultsDateTime: { date: '2025-03-14', time: '09:52' },
    },
    results: [
      {
        resultStatusCode: 'svar_endeligt',
        analysis: {
          analysisCode: 'NPU19748',
          analysisCodeType: 'iupac',
          analysisCodeResponsible: 'SST',
          analysisShortName: 'CRP',
          analysisCompleteName: 'P—C-reaktivt protein; massek. = ? mg/L',
        },
        producerOfLabResult: { identifier: 'Lægerne Testgade', identifierCode: 'LPX' },
        referenceInterval: { typeOfInterval: 'fysiologisk', upperLimit: '10' },
        resultType: 'numerisk',
        value: '26',
        unit: 'mg/L',
        resultValidation: 'for_hoej',
      },
      {
        resultStatusCode: 'svar_rettet',
        analysis: {
          analysisCode: 'NPU27300',
          analysisCodeType: 'iupac',
          analysisCodeResponsible: 'SST',
          analysisShortName: 'HbA1c',
          analysisCompleteName: 'B—Hæmoglobin A1c (IFCC); stofrel. = ? mmol/mol',
        },
        producerOfLabResult: { identifier: 'Lægerne Testgade', identifierCode: 'LPX' },
        resultType: 'numerisk',
        value: '52',
        unit: 'mmol/mol',
        resultComments: ['Rettet svar: tidligere afgivet værdi 25 var fejlindtastet.'],
      },
    ],
  };
}

export function strepAReport(): MicrobiologyWebReport {
  return {
    kind: 'XRPT05',
    letter: { identifier: 'L000000000003', authorisation: { date: '2025-03-14', time: '11:59' } },
    sender: { ...CLINIC },
    receiver: { eanIdentifier: '5790000000002', identifier: 'MIBA', identifierCode: 'lokal_kode', organisationName: 'MiBa' },
    patient: { civilRegistrationNumber: '1502799995', personSurnameName: 'Test Mosebryggersen', consentGiven: false },
    requisitionInformation: {
      sample: {
        laboratoryInternalSampleIdentifier: '0123456791',
        requesterSampleIdentifier: '0123456791',
        samplingDateTime: { date: '2025-03-14', time: '11:40' },
        sampleReceivedDateTime: { date: '2025-03-14', time: '11:40' },
      },
    },
    generalResultInformation: {
      reportStatusCode: 'komplet_svar',
      resultStatusCode: 'svar_endeligt',
      laboratoryInternalProductionIdentifier: '0123456791',
      resultsDateTime: { date: '2025-03-14', time: '11:50' },
    },
    investigations: [
      {
        examination: {
          examinationTypeCode: 'maaleprocedure',
          micAnalysisCode: 'XXXXXXXX',
          analysisCodeType: 'lokal',
          analysisCodeResponsible: 'MDS',
          analysisShortName: 'Strep A antigen',
          mdsName: { examination: 'Streptococcus gruppe A antigen', material: 'Podning', location: 'Svælg' },
          examinator: 'Lægerne Testgade',
          producerOfLabResult: { identifier: 'Lægerne Testgade', identifierCode: 'LPX' },
        },
        quantitativeFindings: [{ analysis: 'Streptococcus gruppe A antigen', interpretation: 'Positiv' }],
      },
    ],
  };
}

export function message(...letters: Emessage['letters']): Emessage {
  return {
    envelope: { sent: { date: '2025-03-14', time: '12:00' }, identifier: 'E000000000001', acknowledgementCode: 'pluspositivkvitt' },
    letters: letters.length > 0 ? letters : [crpReport()],
  };
}
