/** Remote mode against tokened stubs (contracts/access.ts): the token comes from the preset or LOKALSVAR_TOKEN. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Environment } from '../../environments/environment';
import { startLocalEnvironment } from '../../environments/local';
import { readPreset, startRemoteEnvironment } from '../../environments/remote';

const TOKEN = 'remote-token-test-0123456789abcdef';
const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-preset-token-'));
let camp: Environment;

function writePreset(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

before(async () => {
  camp = await startLocalEnvironment({ approvedSystems: ['Pilot-LPS'], accessToken: TOKEN });
});
after(async () => {
  await camp.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('with the token in the preset every health check passes (WireMock behind its gate too) and the run carries it', async () => {
  const remote = await startRemoteEnvironment(writePreset('with-token.json', { urls: camp.urls, token: TOKEN }));
  assert.equal(remote.accessToken, TOKEN);
});

test('without the token the start says which system wants it and how to give it', async () => {
  const saved = process.env.LOKALSVAR_TOKEN;
  delete process.env.LOKALSVAR_TOKEN;
  try {
    await assert.rejects(startRemoteEnvironment(writePreset('no-token.json', { urls: camp.urls })), /wiremock demands the access token .*set LOKALSVAR_TOKEN, or "token" in the preset/);
  } finally {
    if (saved !== undefined) process.env.LOKALSVAR_TOKEN = saved;
  }
});

test('a preset token that is not a non-empty string is refused', () => {
  assert.throws(() => readPreset(writePreset('bad-token.json', { urls: camp.urls, token: 42 })), /"token" is not a non-empty string/);
});
