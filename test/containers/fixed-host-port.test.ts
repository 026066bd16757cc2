/** A fixed host port for PLSP in containers mode, so a vendor's LPS can be set up before the run. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startContainersEnvironment } from '../../environments/containers';
import { freePort } from '../support/cucumber-child';
import { dockerOrSkip } from './docker-gate';

test('PLSP publishes on the host port asked for; the others on free ports', { timeout: 300_000 }, async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const port = await freePort();
  const environment = await startContainersEnvironment({}, { hostPorts: { plsp: port } });
  try {
    assert.equal(new URL(environment.urls.plsp).port, String(port));
    assert.notEqual(new URL(environment.urls.laba).port, String(port));
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    assert.deepEqual(await response.json(), { status: 'ok', system: 'plsp' });
  } finally {
    await environment.stop();
  }
});
