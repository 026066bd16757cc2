/**
 * What a databank stores of each result (stubs/databank/records.ts), field by field: every value taken from the
 * letter unchanged, and every field the letter leaves out stored as null (never as a value of another field).
 * Data that tells fields apart: producer ≠ sender, short name ≠ complete name, requester ≠ internal sample number,
 * sampling ≠ result time, several results in one letter.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ResultRecord } from '../../contracts/databank';
import { clinicLetter, type ClinicLetter } from '../../medcom/compose-clinic-report';
import type { LaboratoryReport, MicrobiologyWebReport } from '../../medcom/model';
import { findAnalysis } from '../../medcom/npu-catalogue';
import { isoMinute, recordsOf, senderPractice } from '../../stubs/databank/records';

const analysis = (name: string) => findAnalysis(name) ?? assert.fail(`${name} is not in the catalogue`);
const NOW = new Date('2026-03-14T10:05:00+01:00');

const letter: ClinicLetter = {
  clinic: { name: 'Lægerne Testgade', ydernummer: '012345', ean: '5790001234567', producerCode: 'LT' },
  patient: { cpr: '2512489996', givenName: 'Nancy Ann', surname: 'Test Berggren', consentGiven: false },
  sampleNumber: '5242368805',
  internalSampleIdentifier: 'P-4711',
  sampledAt: new Date('2026-03-14T09:40:00+01:00'),
  resultAt: new Date('2026-03-14T10:05:00+01:00'),
  results: [
    {
      analysis: analysis('HbA1c'),
      value: '52',
      operator: 'stoerre_end',
      referenceInterval: { typeOfInterval: 'terapeutisk', lowerLimit: '20', upperLimit: '48', intervalText: 'mål under 48' },
      resultValidation: 'for_hoej',
      comment: 'kontrol om 3 mdr.',
      producer: { name: 'Lægehuset Nord', ydernummer: '054321', code: 'LHN' },
    },
    { analysis: analysis('CRP'), value: '<5', unit: 'mg/l' },
  ],
};

function xrpt01(overrides: Partial<ClinicLetter> = {}): LaboratoryReport {
  return clinicLetter({ ...letter, ...overrides }, NOW) as LaboratoryReport;
}

test('an XRPT01 result is stored with every field of the letter, the producer apart from the sender', () => {
  const sent = xrpt01();
  const [hba1c, crp] = recordsOf('E-1', sent);
  assert.deepEqual(hba1c, {
    kind: 'XRPT01',
    envelopeIdentifier: 'E-1',
    letterIdentifier: sent.letter.identifier,
    senderEan: '5790001234567',
    senderIdentifier: '012345',
    patientId: '2512489996',
    patientIdIsReplacement: false,
    patientName: 'Nancy Ann Test Berggren',
    consentGiven: false,
    requisitionId: '5242368805',
    laboratoryInternalSampleIdentifier: 'P-4711',
    requesterSampleIdentifier: '5242368805',
    samplingTime: '2026-03-14T09:40',
    resultTime: '2026-03-14T10:05',
    resultStatusCode: 'svar_endeligt',
    analysisCode: 'NPU27300',
    analysisCodeType: 'iupac',
    analysisCodeResponsible: 'SST',
    analysisShortName: 'HbA1c',
    analysisName: 'HbA1c',
    producerIdentifier: 'Lægehuset Nord',
    producerCode: 'LHN',
    producerName: 'Lægehuset Nord',
    examinator: null,
    referenceType: 'terapeutisk',
    referenceLower: '20',
    referenceUpper: '48',
    referenceText: 'mål under 48',
    resultType: 'numerisk',
    operator: 'stoerre_end',
    value: '52',
    unit: 'mmol/mol',
    validation: 'for_hoej',
    comments: ['kontrol om 3 mdr.'],
  } satisfies ResultRecord);
  assert.ok(crp, 'each result of the letter is a record of its own');
  assert.deepEqual(
    [crp.analysisCode, crp.value, crp.unit, crp.resultType, crp.producerCode, crp.producerIdentifier, crp.requisitionId],
    ['NPU19748', '<5', 'mg/l', 'alfanumerisk', 'LT', 'Lægerne Testgade', '5242368805'],
  );
});

test('what the letter leaves out is stored as null, never as another field', () => {
  const sent = xrpt01({ sampleNumber: undefined, patient: { replacementCpr: '2512489XY7', givenName: 'Nancy', surname: '', consentGiven: true } });
  delete sent.patient.consentGiven;
  const result = sent.results[1]!;
  delete result.unit;
  delete result.analysis.analysisShortName;
  const [, crp] = recordsOf('E-2', sent);
  assert.ok(crp);
  assert.deepEqual(
    {
      patientId: crp.patientId,
      patientIdIsReplacement: crp.patientIdIsReplacement,
      patientName: crp.patientName,
      consentGiven: crp.consentGiven,
      requisitionId: crp.requisitionId,
      requesterSampleIdentifier: crp.requesterSampleIdentifier,
      analysisShortName: crp.analysisShortName,
      analysisName: crp.analysisName,
      referenceType: crp.referenceType,
      referenceLower: crp.referenceLower,
      referenceUpper: crp.referenceUpper,
      referenceText: crp.referenceText,
      operator: crp.operator,
      unit: crp.unit,
      validation: crp.validation,
      comments: crp.comments,
    },
    {
      patientId: '2512489XY7',
      patientIdIsReplacement: true,
      patientName: 'Nancy',
      consentGiven: null,
      requisitionId: 'P-4711',
      requesterSampleIdentifier: null,
      analysisShortName: null,
      analysisName: analysis('CRP').completeName,
      referenceType: null,
      referenceLower: null,
      referenceUpper: null,
      referenceText: null,
      operator: null,
      unit: null,
      validation: null,
      comments: [],
    },
  );
});

test('an interval with only a text, and result text values before comments, are kept as sent', () => {
  const sent = xrpt01();
  const hba1c = sent.results[0]!;
  hba1c.referenceInterval = { intervalText: 'se vejledning' };
  hba1c.resultTextValues = ['tekstsvar'];
  const [record] = recordsOf('E-3', sent);
  assert.deepEqual(
    [record?.referenceType, record?.referenceLower, record?.referenceUpper, record?.referenceText, record?.comments],
    [null, null, null, 'se vejledning', ['tekstsvar', 'kontrol om 3 mdr.']],
  );
});

test('an XRPT05 investigation is stored with its examinator, findings and the producer name the databank knows', () => {
  const strep: ClinicLetter = {
    ...letter,
    status: 'svar_rettet',
    results: [{ analysis: analysis('Strep A'), value: 'positiv', examinator: 'Sygeplejerske Hansen', producer: { name: 'Lægehuset Nord', ydernummer: '054321', code: 'LHN' } }],
  };
  const sent = clinicLetter(strep, NOW) as MicrobiologyWebReport;
  sent.investigations[0]!.quantitativeFindings.push({ analysis: 'Kontrol', interpretation: 'gyldig' });
  const known = (ydernummer: string) => (ydernummer === '054321' ? 'Lægehuset Nord' : undefined);
  const [record] = recordsOf('E-4', sent, known);
  assert.ok(record);
  assert.deepEqual(
    {
      kind: record.kind,
      resultStatusCode: record.resultStatusCode,
      analysisCode: record.analysisCode,
      analysisShortName: record.analysisShortName,
      analysisName: record.analysisName,
      producerIdentifier: record.producerIdentifier,
      producerCode: record.producerCode,
      producerName: record.producerName,
      examinator: record.examinator,
      value: record.value,
      comments: record.comments,
      referenceType: record.referenceType,
      resultType: record.resultType,
      operator: record.operator,
      unit: record.unit,
      validation: record.validation,
      senderIdentifier: record.senderIdentifier,
    },
    {
      kind: 'XRPT05',
      resultStatusCode: 'svar_rettet',
      analysisCode: analysis('Strep A').code,
      analysisShortName: 'Strep A',
      analysisName: 'Strep A',
      producerIdentifier: '054321',
      producerCode: 'LHN',
      producerName: 'Lægehuset Nord',
      examinator: 'Sygeplejerske Hansen',
      value: 'positiv; gyldig',
      comments: [`${analysis('Strep A').completeName}: positiv`, 'Kontrol: gyldig'],
      referenceType: null,
      resultType: null,
      operator: null,
      unit: null,
      validation: null,
      senderIdentifier: '012345',
    },
  );
  assert.equal(recordsOf('E-4', sent)[0]?.producerName, null, 'a practice the databank does not know has no name');
  const examination = sent.investigations[0]!.examination;
  delete examination.analysisShortName;
  assert.equal(recordsOf('E-4', sent)[0]?.analysisName, analysis('Strep A').completeName, 'without a short name: the MDS name');
  delete examination.mdsName;
  delete examination.examinator;
  assert.deepEqual([recordsOf('E-4', sent)[0]?.analysisName, recordsOf('E-4', sent)[0]?.examinator], [analysis('Strep A').code, null]);
});

test('a sender names its practice only by ydernummer; times are stored to the minute as sent', () => {
  const sent = xrpt01();
  assert.deepEqual(senderPractice(sent), { ydernummer: '012345', name: 'Lægerne Testgade' });
  assert.equal(senderPractice({ ...sent, sender: { ...sent.sender, identifierCode: 'sygehusafdelingsnummer' } }), undefined);
  assert.equal(isoMinute({ date: '2026-03-14', time: '09:40' }), '2026-03-14T09:40');
});
