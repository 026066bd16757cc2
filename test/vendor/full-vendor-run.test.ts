/** A full vendor run with a correct LPS (the robot): every rule met, none untried. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { certifyAsVendor } from './certify';
import { correctLps } from './robot-tester';

const ROOT = path.resolve(__dirname, '../..');

test('a correct LPS gets every rule "opfyldt", with nothing untried but the pilot-only scenarios, and every question attested', async () => {
  const run = await certifyAsVendor('not @ikke-eksisterende', 'Robot-LPS', correctLps('Robot-LPS'));
  // Scenarios still tagged @kun-pilot (skipped in vendor mode) leave their rule "delvist afprøvet"; anything else is a failure.
  const skipped = new Set(run.verdicts.flatMap((verdict) => verdict.scenarios).filter((scenario) => scenario.outcome === 'skipped').map((scenario) => scenario.uri));
  for (const uri of skipped) assert.match(readFileSync(path.join(ROOT, uri), 'utf8'), /@kun-pilot/, `${uri} was skipped in vendor mode but is not tagged @kun-pilot`);
  const notMet = run.verdicts.filter(
    (verdict) => verdict.verdict !== 'opfyldt' && !(verdict.verdict === 'delvist afprøvet' && verdict.scenarios.every((scenario) => scenario.outcome === 'passed' || skipped.has(scenario.uri))),
  );
  assert.deepEqual(notMet.map((verdict) => [verdict.requirement.id, verdict.verdict]), [], run.output);
  assert.ok(run.questions.some((question) => question.rule === 'DEL-04'), 'DEL-04 is asked of the tester');
});
