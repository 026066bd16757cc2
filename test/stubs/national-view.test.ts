import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredResult } from '../../contracts/databank';
import { nationalView } from '../../stubs/labportal/national-view';
import { sampleRecord } from '../support/records';

function stored(version: number, overrides: Parameters<typeof sampleRecord>[0] = {}, cancelled = false): StoredResult {
  return { id: version, key: 'k', version, cancelled, receivedAt: '2025-03-14T10:05:00.000Z', record: sampleRecord(overrides) };
}

test('shows only the latest version of a result, marked as corrected (DEL-05)', () => {
  const view = nationalView('LABA', [stored(1), stored(2, { value: '40', resultStatusCode: 'svar_rettet' })]);
  assert.deepEqual(view.map((result) => [result.value, result.status]), [['40', 'rettet']]);
});

test('never shows a result with denied consent (DEL-03)', () => {
  assert.deepEqual(nationalView('LABA', [stored(1, { consentGiven: false })]), []);
});

test('never shows a cancelled result (LABA-05)', () => {
  assert.deepEqual(nationalView('LABA', [stored(1, {}, true)]), []);
});

test('carries value, unit, reference interval and producer as stored (DEL-02, LABA-04)', () => {
  const [result] = nationalView('LABA', [stored(1)]);
  assert.deepEqual(
    { value: result?.value, unit: result?.unit, interval: result?.referenceInterval, producer: result?.producer, status: result?.status },
    { value: '45', unit: 'mg/L', interval: { type: 'fysiologisk', upper: '10' }, producer: { name: 'Lægerne Testgade', code: 'LT' }, status: 'endeligt' },
  );
});
