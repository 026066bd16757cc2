/** A full vendor run with a correct LPS (the robot): every rule met, none untried, resends or not. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { certifyAsVendor } from './certify';
import { correctLps } from './robot-tester';

test('a correct LPS gets every rule "opfyldt", with nothing untried, and every question attested', async () => {
  const run = await certifyAsVendor('not @ikke-eksisterende', 'Robot-LPS', correctLps('Robot-LPS'));
  const notMet = Object.entries(run.byRule).filter(([, verdict]) => verdict !== 'opfyldt');
  assert.deepEqual(notMet, [], run.output);
  assert.ok(run.questions.some((question) => question.rule === 'DEL-04'), 'DEL-04 is asked of the tester');
});
