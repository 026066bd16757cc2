/** The cockpit reads the tester channel from a run's standard output. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TesterChannelReader } from '../../testcamp/tester-channel';

test('an instruction pairs its text line with its JSON line; a question carries its id, text and answer URL', () => {
  const reader = new TesterChannelReader();
  assert.equal(reader.line('LOKALSVAR-INSTRUKTION: Registrér CRP 45 mg/L (venter højst 300 s)'), undefined);
  assert.deepEqual(reader.line('LOKALSVAR-INSTRUKTION-JSON: {"action":"registrer-og-del","code":"NPU19748"}'), {
    kind: 'instruktion',
    text: 'Registrér CRP 45 mg/L (venter højst 300 s)',
    data: { action: 'registrer-og-del', code: 'NPU19748' },
  });
  const question = reader.line('LOKALSVAR-SPØRGSMÅL-JSON: {"id":"del-04","rule":"DEL-04","question":"Afviste LPS\'et sletningen?","answerUrl":"http://127.0.0.1:9/svar/del-04"}');
  assert.deepEqual(question && { ...question, data: undefined }, { kind: 'spørgsmål', id: 'del-04', text: "Afviste LPS'et sletningen?", answerUrl: 'http://127.0.0.1:9/svar/del-04', data: undefined });
});

test('other lines, broken JSON and a question without an answer URL are not prompts', () => {
  const reader = new TesterChannelReader();
  assert.equal(reader.line('1 scenario (1 passed)'), undefined);
  assert.equal(reader.line('LOKALSVAR-INSTRUKTION-JSON: {broken'), undefined);
  assert.equal(reader.line('LOKALSVAR-SPØRGSMÅL-JSON: {"id":"x","question":"?"}'), undefined);
});
