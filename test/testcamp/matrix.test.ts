/** The cells of the test leader's matrix, and the judgements a run takes along as attestations. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAttestations } from '../../requirements/attestations';
import { attestationsJson } from '../../testcamp/attestations';
import { cellState, failedRules, RULE_IDS } from '../../testcamp/matrix';
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

test("the leader's judgements become a run's manual attestations: the newest per rule, comments left out", () => {
  const judgements: Judgement[] = [
    { id: 3, sessionId: 's', rule: 'DEL-04', verdict: 'opfyldt', comment: 'set ved bordet', at: '2026-12-01T10:00:00.000Z' },
    { id: 2, sessionId: 's', rule: 'DEL-04', verdict: 'ikke opfyldt', comment: '', at: '2026-11-30T10:00:00.000Z' },
    { id: 1, sessionId: 's', rule: 'DEL-06', verdict: 'kommentar', comment: 'spørg igen', at: '2026-11-30T09:00:00.000Z' },
  ];
  const json = attestationsJson(judgements);
  assert.ok(json);
  assert.deepEqual(parseAttestations(json, 'attestationer.json', RULE_IDS), [
    { requirementId: 'DEL-04', result: 'opfyldt', by: 'testlederen (lokalsvar testcamp)', date: '2026-12-01', note: 'set ved bordet' },
  ]);
  assert.equal(attestationsJson([judgements[2] as Judgement]), undefined);
});
