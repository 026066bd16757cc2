/**
 * The hub's test-person guard (stubs/plsp/test-person-guard.ts): a letter about anyone but MedCom's test persons is
 * a finding that names the letter by its path (numbered among the letters of its kind, as every finding's path is)
 * and the CPR by its date part only.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readEmessage, writeEmessage, type Emessage } from '../../medcom';
import { clinicLetterEmessage, type ClinicPatient } from '../../medcom/compose-clinic-report';
import { findAnalysis } from '../../medcom/npu-catalogue';
import { realPersonFindings } from '../../stubs/plsp/test-person-guard';

const NOW = new Date('2026-11-25T09:52:00Z');

/** One letter about `patient`: XRPT01 (CRP) or XRPT05 (Strep A). */
function letter(kind: 'XRPT01' | 'XRPT05', patient: Pick<ClinicPatient, 'cpr' | 'replacementCpr'>): Emessage {
  const result =
    kind === 'XRPT01'
      ? { analysis: findAnalysis('CRP')!, value: '45', referenceInterval: { typeOfInterval: 'fysiologisk' as const, upperLimit: '10' } }
      : { analysis: findAnalysis('Strep A')!, value: 'Positiv' };
  return clinicLetterEmessage(
    {
      clinic: { name: 'Lægerne Testgade', ydernummer: '012345', ean: '5790000000000', producerCode: 'LT' },
      patient: { ...patient, givenName: 'Nancy Ann', surname: 'Test Berggren', consentGiven: true },
      sampleNumber: '1234567890',
      sampledAt: NOW,
      resultAt: NOW,
      results: [result],
    },
    NOW,
  );
}

/** The letters in one Emessage, as the hub reads it. */
function emessage(...letters: Emessage[]): Emessage {
  const xml = writeEmessage({ envelope: letters[0]!.envelope, letters: letters.map((one) => one.letters[0]!) });
  const outcome = readEmessage(xml);
  assert.ok(outcome.message, `the test message does not read: ${JSON.stringify(outcome.findings)}`);
  return outcome.message;
}

const refusal = (path: string, datePart: string) => ({
  severity: 'error',
  path,
  message: `${datePart}-xxxx is not one of MedCom's test CPR numbers (serial 9989/9990/9995/9996/3989/3995): this test platform takes test persons only; nothing was stored`,
});

test('letters about test persons, or with a replacement CPR only, give no finding', () => {
  assert.deepEqual(realPersonFindings(emessage(letter('XRPT01', { cpr: '2512489996' }), letter('XRPT05', { cpr: '0101013989' }))), []);
  assert.deepEqual(realPersonFindings(emessage(letter('XRPT01', { replacementCpr: '251248XY12' }))), []);
});

test('a real person in a single letter is named by the plain path and the date part of the CPR only', () => {
  assert.deepEqual(realPersonFindings(emessage(letter('XRPT05', { cpr: '2512481234' }))), [
    refusal('/Emessage/MicrobiologyWebReport/Patient/CivilRegistrationNumber', '251248'),
  ]);
});

test('letters of the same kind are numbered among their own kind; a letter alone of its kind is not numbered', () => {
  const findings = realPersonFindings(
    emessage(letter('XRPT01', { cpr: '2512489996' }), letter('XRPT05', { cpr: '0101011234' }), letter('XRPT01', { cpr: '1502791234' })),
  );
  assert.deepEqual(findings, [
    refusal('/Emessage/MicrobiologyWebReport/Patient/CivilRegistrationNumber', '010101'),
    refusal('/Emessage/LaboratoryReport[2]/Patient/CivilRegistrationNumber', '150279'),
  ]);
  assert.deepEqual(realPersonFindings(emessage(letter('XRPT01', { cpr: '0202021234' }), letter('XRPT01', { cpr: '2512489996' }))), [
    refusal('/Emessage/LaboratoryReport[1]/Patient/CivilRegistrationNumber', '020202'),
  ]);
});
