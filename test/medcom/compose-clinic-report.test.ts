/** What a clinic's letter says, for any practice: producer, examinator, several results, replacement CPR, times. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readEmessage, validateEmessage, writeEmessage } from '../../medcom';
import { clinicEmessage, clinicLetterEmessage, type ClinicLetter } from '../../medcom/compose-clinic-report';
import { findAnalysis } from '../../medcom/npu-catalogue';

const LONG_NAME = 'Lægehuset Annullering og Omegn';
const sampledAt = new Date('2026-11-25T08:10:00Z');
const resultAt = new Date('2026-11-25T09:52:00Z');

function letter(overrides: Partial<ClinicLetter> = {}): ClinicLetter {
  return {
    clinic: { name: LONG_NAME, ydernummer: '012345', ean: '5790000000000', producerCode: 'LAO' },
    patient: { cpr: '0201609995', givenName: 'Einer', surname: 'Test Lauridsen', consentGiven: true },
    sampleNumber: '1234567890',
    sampledAt,
    resultAt,
    results: [{ analysis: findAnalysis('Strep A')!, value: 'Positiv' }],
    ...overrides,
  };
}

function errors(xml: string): string[] {
  return validateEmessage(xml).filter((finding) => finding.severity === 'error').map((finding) => `${finding.path}: ${finding.message}`);
}

test('a Strep A from a practice whose name is longer than 17 characters is valid XRPT05 (DEL-01)', () => {
  const xml = writeEmessage(clinicLetterEmessage(letter()));
  assert.deepEqual(errors(xml), []);
  const [read] = readEmessage(xml).message?.letters ?? [];
  assert.equal(read?.kind, 'XRPT05');
  if (read?.kind !== 'XRPT05') return;
  const examination = read.investigations[0]?.examination;
  assert.deepEqual(examination?.producerOfLabResult, { identifier: '012345', identifierCode: 'LAO' });
  assert.equal(examination?.examinator, LONG_NAME);
});

test('XRPT05 carries a producer other than the examinator, and a producer other than the sender', () => {
  const message = clinicLetterEmessage(
    letter({
      results: [
        { analysis: findAnalysis('Strep A')!, value: 'Negativ', examinator: 'Sygeplejerske Hanne Test', producer: { name: 'Lægerne Syd', ydernummer: '067890', code: 'LS' } },
      ],
    }),
  );
  const xml = writeEmessage(message);
  assert.deepEqual(errors(xml), []);
  const [read] = readEmessage(xml).message?.letters ?? [];
  assert.ok(read?.kind === 'XRPT05');
  assert.equal(read.sender.organisationName, LONG_NAME);
  assert.deepEqual(read.investigations[0]?.examination.producerOfLabResult, { identifier: '067890', identifierCode: 'LS' });
  assert.equal(read.investigations[0]?.examination.examinator, 'Sygeplejerske Hanne Test');
});

test('one XRPT01 letter carries several results, each with its producer and validation, sampling time apart from result time', () => {
  const xml = writeEmessage(
    clinicLetterEmessage(
      letter({
        clinic: { name: 'Lægerne Testgade', ydernummer: '012345', ean: '5790000000000', producerCode: 'LT' },
        results: [
          { analysis: findAnalysis('CRP')!, value: '45', referenceInterval: { typeOfInterval: 'fysiologisk', upperLimit: '10' }, resultValidation: 'for_hoej' },
          { analysis: findAnalysis('Glukose')!, value: '5,4', referenceInterval: { typeOfInterval: 'fysiologisk', lowerLimit: '4,0', upperLimit: '6,0' }, producer: { name: 'Lægerne Syd', ydernummer: '067890', code: 'LS' } },
        ],
      }),
    ),
  );
  assert.deepEqual(errors(xml), []);
  const [read] = readEmessage(xml).message?.letters ?? [];
  assert.ok(read?.kind === 'XRPT01');
  assert.deepEqual(
    read.results.map((result) => [result.analysis.analysisCode, result.value, result.resultValidation, result.producerOfLabResult.identifierCode]),
    [
      ['NPU19748', '45', 'for_hoej', 'LT'],
      ['NPU22089', '5,4', undefined, 'LS'],
    ],
  );
  assert.notDeepEqual(read.requisitionInformation.sample.samplingDateTime, read.generalResultInformation.resultsDateTime);
});

test('a replacement CPR goes in AlternativeIdentifier, never with a CPR', () => {
  const xml = writeEmessage(
    clinicLetterEmessage(letter({ patient: { replacementCpr: '0201609XT1', givenName: 'Einer', surname: 'Test Lauridsen', consentGiven: true } })),
  );
  assert.deepEqual(errors(xml), []);
  const [read] = readEmessage(xml).message?.letters ?? [];
  assert.equal(read?.patient.alternativeIdentifier, '0201609XT1');
  assert.equal(read?.patient.civilRegistrationNumber, undefined);
  assert.throws(() => clinicLetterEmessage(letter({ patient: { givenName: 'A', surname: 'B', consentGiven: true } })), /either a CPR or a replacement CPR/);
});

test('a letter never mixes XRPT01 and XRPT05 results', () => {
  assert.throws(
    () => clinicLetterEmessage(letter({ results: [{ analysis: findAnalysis('CRP')!, value: '5' }, { analysis: findAnalysis('Strep A')!, value: 'Negativ' }] })),
    /one letter type: got XRPT01 and XRPT05/,
  );
});

test('clinicEmessage is a letter with one result', () => {
  const message = clinicEmessage({ ...letter(), analysis: findAnalysis('CRP')!, value: '7', patient: { cpr: '0201609995', givenName: 'Einer', surname: 'Test Lauridsen', consentGiven: true } });
  assert.equal(message.letters.length, 1);
  assert.equal(message.letters[0]?.kind === 'XRPT01' && message.letters[0].results.length, 1);
});
