/**
 * The national view (stubs/labportal/national-view.ts): what Laboratoriesvarportalen makes of a databank's stored
 * versions, field by field: the latest version of each result, never a cancelled one, never one with denied
 * consent, in LABA and MiBa alike.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredResult } from '../../contracts/databank';
import { nationalView } from '../../stubs/labportal/national-view';
import { sampleRecord } from '../support/records';

function stored(version: number, overrides: Parameters<typeof sampleRecord>[0] = {}, cancelled = false, key = 'k'): StoredResult {
  return { id: version, key, version, cancelled, receivedAt: '2025-03-14T10:05:00.000Z', record: sampleRecord(overrides) };
}

test('shows only the latest version of a result, marked as corrected (DEL-05)', () => {
  const view = nationalView('LABA', [stored(1), stored(2, { value: '40', resultStatusCode: 'svar_rettet' })]);
  assert.deepEqual(view.map((result) => [result.value, result.status]), [['40', 'rettet']]);
});

test('the latest version wins whatever order the versions come in, each result by its own key', () => {
  const view = nationalView('LABA', [
    stored(3, { value: '30' }, false, 'a'),
    stored(1, { value: '10' }, false, 'a'),
    stored(2, { value: '20' }, false, 'a'),
    stored(1, { value: '7', analysisCode: 'NPU02319' }, false, 'b'),
  ]);
  assert.deepEqual(view.map((result) => [result.id, result.value]), [['LABA:a:3', '30'], ['LABA:b:1', '7']]);
});

test('never shows a result with denied consent, from LABA or MiBa (DEL-03)', () => {
  assert.deepEqual(nationalView('LABA', [stored(1, { consentGiven: false })]), []);
  assert.deepEqual(nationalView('MiBa', [stored(1, { kind: 'XRPT05', consentGiven: false })]), []);
  assert.deepEqual(nationalView('MiBa', [stored(1, { kind: 'XRPT05' }), stored(2, { kind: 'XRPT05', consentGiven: false })]), []);
});

test('shows a result whose letter said nothing about consent', () => {
  assert.deepEqual(nationalView('MiBa', [stored(1, { consentGiven: null })]).map((result) => result.id), ['MiBa:k:1']);
});

test('never shows a cancelled result (LABA-05)', () => {
  assert.deepEqual(nationalView('LABA', [stored(1, {}, true)]), []);
  assert.deepEqual(nationalView('MiBa', [stored(1), stored(2, {}, true)]), []);
});

test('carries every field a citizen sees, as stored (DEL-02, LABA-04)', () => {
  const view = nationalView('MiBa', [
    stored(2, {
      kind: 'XRPT05',
      requisitionId: 'R-77',
      analysisCode: 'NPU58040',
      analysisName: 'Streptokok gruppe A, DNA',
      value: '6,1',
      unit: 'mmol/L',
      operator: 'mindre_end',
      referenceType: 'terapeutisk',
      referenceLower: '2,0',
      referenceUpper: '3,0',
      referenceText: 'se note',
      resultStatusCode: 'svar_endeligt',
      producerIdentifier: '012345',
      producerCode: 'LT',
      producerName: 'Lægerne Testgade Nord',
      samplingTime: '2026-11-25T08:10',
      resultTime: '2026-11-25T09:52',
      comments: ['Kontrol om 3 mdr.', 'Ring til lægen'],
      validation: 'for_hoej',
    }),
  ]);
  assert.deepEqual(view, [
    {
      id: 'MiBa:k:2',
      databank: 'MiBa',
      requisitionId: 'R-77',
      analysisCode: 'NPU58040',
      analysisName: 'Streptokok gruppe A, DNA',
      value: '6,1',
      unit: 'mmol/L',
      operator: 'mindre_end',
      referenceInterval: { type: 'terapeutisk', lower: '2,0', upper: '3,0', text: 'se note' },
      status: 'endeligt',
      producer: { name: 'Lægerne Testgade Nord', identifier: '012345', code: 'LT' },
      samplingTime: '2026-11-25T08:10',
      resultTime: '2026-11-25T09:52',
      comments: ['Kontrol om 3 mdr.', 'Ring til lægen'],
      validation: 'for_hoej',
    },
  ]);
});

test('leaves out what the databank does not know, never null; the producer is named by its identifier then', () => {
  const view = nationalView('LABA', [
    stored(1, {
      unit: null,
      operator: null,
      referenceType: null,
      referenceLower: null,
      referenceUpper: null,
      referenceText: null,
      producerName: null,
      comments: [],
      validation: null,
    }),
  ]);
  assert.deepEqual(view, [
    {
      id: 'LABA:k:1',
      databank: 'LABA',
      requisitionId: '1234567890',
      analysisCode: 'NPU19748',
      analysisName: 'CRP',
      value: '45',
      status: 'endeligt',
      producer: { name: 'Lægerne Testgade', identifier: 'Lægerne Testgade', code: 'LT' },
      samplingTime: '2026-11-25T09:40',
      resultTime: '2026-11-25T09:52',
    },
  ]);
});

test('an interval with only its text keeps only its text', () => {
  const [result] = nationalView('MiBa', [stored(1, { referenceType: null, referenceLower: null, referenceUpper: null, referenceText: 'Negativ' })]);
  assert.deepEqual(result?.referenceInterval, { text: 'Negativ' });
});

test('words each status code as the portal does; a preliminary or unknown one is Foreløbigt', () => {
  const codes = ['svar_endeligt', 'svar_rettet', 'svar_midlertidigt', 'proeve_modtaget', 'svar_ukendt'];
  assert.deepEqual(
    codes.map((code) => nationalView('LABA', [stored(1, { resultStatusCode: code })])[0]?.status),
    ['endeligt', 'rettet', 'foreloebigt', 'foreloebigt', 'foreloebigt'],
  );
});
