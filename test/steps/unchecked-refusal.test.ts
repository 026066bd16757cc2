/** The suite's own guard: a scenario in which PLSP refused a message that no step looked at fails, whatever it asserted. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCucumberChild } from '../support/cucumber-child';

function featureFile(text: string): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-feature-'));
  const file = path.join(dir, 'vagt.feature');
  writeFileSync(file, text);
  return { dir, file };
}

test('a refusal that no step checked fails the scenario, naming the refusal', async () => {
  const { dir, file } = featureFile(`# language: da
Egenskab: Vagt
  @krav:DEL-01 @alene
  Scenarie: Et afvist svar, som intet trin ser på
    Givet testpersonen Einer Test Lauridsen (0201609995)
    Og LABA er nede
    Når lægen i "Lægerne Testgade" registrerer CRP 21 mg/L og deler svaret
`);
  try {
    const run = await runCucumberChild('not @ingen', { E2E_ENV: 'local' }, { paths: [file] });
    assert.notEqual(run.exitCode, 0, run.output);
    assert.match(run.output, /PLSP refused a message in this scenario and no step checked it: envelope \S+: HTTP 502 .*LABA could not be reached/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
