/** A full vendor run with a correct LPS (the robot): every rule met, none untried. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { certifyAsVendor } from './certify';
import { correctLps } from './robot-tester';

const ROOT = path.resolve(__dirname, '../..');

test('a correct LPS gets every rule "opfyldt" (15 of 15, nothing untried or partly tried), and DEL-04 is asked of the tester', async () => {
  const run = await certifyAsVendor('not @ikke-eksisterende', 'Robot-LPS', correctLps('Robot-LPS'));
  // Only scenarios tagged @kun-pilot may be skipped in vendor mode (they are "ikke relevant" for a vendor's LPS).
  const skipped = new Set(run.verdicts.flatMap((verdict) => verdict.scenarios).filter((scenario) => scenario.outcome === 'skipped').map((scenario) => scenario.uri));
  for (const uri of skipped) assert.match(readFileSync(path.join(ROOT, uri), 'utf8'), /@kun-pilot/, `${uri} was skipped in vendor mode but is not tagged @kun-pilot`);
  const notMet = run.verdicts.filter((verdict) => verdict.verdict !== 'opfyldt');
  assert.deepEqual(notMet.map((verdict) => [verdict.requirement.id, verdict.verdict]), [], run.output);
  assert.ok(run.questions.some((question) => question.rule === 'DEL-04'), 'DEL-04 is asked of the tester');
});
