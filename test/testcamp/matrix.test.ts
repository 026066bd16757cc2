/** The cells of the test leader's matrix. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellState, failedRules } from '../../testcamp/matrix';
import type { Judgement, Prompt, ScenarioResult } from '../../testcamp/store';

function scenario(rules: string[], outcome: ScenarioResult['outcome'], key = rules.join()): ScenarioResult {
  return { key, name: key, uri: 'x.feature', rules, outcome, steps: [], runId: 1, updatedAt: '' };
}
const question: Prompt = { id: 'q', runId: 1, sessionId: 's', kind: 'spørgsmål', text: 'Afviste LPS\'et?', data: {}, createdAt: '' };
const judgement = (rule: string, verdict: Judgement['verdict']): Judgement => ({ id: 1, sessionId: 's', rule, verdict, comment: '', at: '' });

test('each state of a cell', () => {
  assert.equal(cellState('DEL-01', [], [], []), 'ikke startet');
  assert.equal(cellState('DEL-01', [scenario(['DEL-01'], 'afventer')], [], []), 'kører');
  assert.equal(cellState('DEL-01', [scenario(['DEL-01'], 'kører')], [], []), 'kører');
  assert.equal(cellState('DEL-01', [scenario(['DEL-01'], 'kører')], [question], []), 'venter på testeren');
  assert.equal(cellState('DEL-01', [scenario(['DEL-01', 'DEL-02'], 'bestået')], [], []), 'bestået');
  assert.equal(cellState('DEL-02', [scenario(['DEL-01', 'DEL-02'], 'bestået', 'a'), scenario(['DEL-02'], 'fejlet', 'b')], [], []), 'fejlet');
  assert.equal(cellState('DEL-04', [scenario(['DEL-04'], 'sprunget over')], [], [judgement('DEL-04', 'opfyldt')]), 'attesteret');
  assert.equal(cellState('DEL-04', [], [], [judgement('DEL-04', 'ikke opfyldt')]), 'fejlet');
  assert.equal(cellState('DEL-04', [], [], [judgement('DEL-04', 'kommentar')]), 'ikke startet');
});

test('a judgement never overrules a scenario that ran, and the newest judgement counts', () => {
  assert.equal(cellState('DEL-01', [scenario(['DEL-01'], 'fejlet')], [], [judgement('DEL-01', 'opfyldt')]), 'fejlet');
  assert.equal(cellState('DEL-04', [], [], [judgement('DEL-04', 'opfyldt'), judgement('DEL-04', 'ikke opfyldt')]), 'attesteret');
});

test('"kør det fejlede igen" takes the rules of failed and interrupted scenarios', () => {
  assert.deepEqual(failedRules([scenario(['DEL-01'], 'bestået'), scenario(['DEL-03', 'LABA-02'], 'fejlet'), scenario(['MON-01'], 'afbrudt')]), ['DEL-03', 'LABA-02', 'MON-01']);
});
