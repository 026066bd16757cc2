/** Remote mode: the suite against systems someone else started (here: a local environment standing in for a test camp). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Environment } from '../../environments/environment';
import { startLocalEnvironment } from '../../environments/local';
import { readPreset, startRemoteEnvironment } from '../../environments/remote';
import { freePort, runCucumberChild } from '../support/cucumber-child';

const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-preset-'));
let camp: Environment;
let presetFile: string;

function writePreset(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

before(async () => {
  camp = await startLocalEnvironment({ approvedSystems: ['Pilot-LPS'] });
  presetFile = writePreset('camp.json', { description: 'test camp', urls: { ...camp.urls, plsp: `${camp.urls.plsp}/` } });
});

after(async () => {
  await camp.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a preset gives every system its URL, without trailing slashes', () => {
  assert.deepEqual(readPreset(presetFile).urls, camp.urls);
});

test('a preset that misses a system or has a bad URL is refused with what and where', () => {
  const { wiremock: _left, ...missing } = camp.urls;
  const file = writePreset('bad.json', { urls: { ...missing, laba: 'laba:8702' } });
  assert.throws(() => readPreset(file), new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: urls\\.laba "laba:8702" is not an http\\(s\\) URL; urls\\.wiremock is missing`));
  assert.throws(() => readPreset(writePreset('broken.json', '{ urls: ')), /cannot be read as JSON/);
});

test('systems that do not answer are named before anything runs', async () => {
  const closed = `http://127.0.0.1:${await freePort()}`;
  const file = writePreset('down.json', { urls: { ...camp.urls, labportal: closed } });
  await assert.rejects(startRemoteEnvironment(file), /labportal does not answer at http:\/\/127\.0\.0\.1:\d+\/health/);
});

test('the suite runs against the remote systems, faults through their WireMock included', async () => {
  const run = await runCucumberChild('@krav:DEL-02 or @krav:LABA-01 or @krav:LABA-06', { E2E_ENV: 'remote', E2E_PRESET: presetFile });
  assert.equal(run.exitCode, 0, run.output);
  // Every scenario of the three rules ran and passed (their number grows with the feature files), the robustness
  // scenario with its WireMock fault among them.
  const ran = /(\d+) scenarios? \((\d+) passed\)/.exec(run.output);
  assert.ok(ran && Number(ran[1]) >= 4 && ran[1] === ran[2], run.output);
});
