/**
 * The embedded environment takes a WireMock that is already starting (LocalListenOptions.wiremock): the suite starts
 * WireMock's JVM before it loads the stubs' code (run/run-environment.ts). That WireMock is the one PLSP sends
 * through, and it is stopped with the environment, also when the environment fails to start.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { startLocalEnvironment } from '../../environments/local';
import { startWireMockProcess } from '../../environments/wiremock/process';

/** Whether anything still answers at url. */
async function answers(url: string): Promise<boolean> {
  return fetch(`${url}/__admin/health`).then(
    () => true,
    () => false,
  );
}

test('the environment uses the WireMock it is given, passes the databanks through it, and stops it', { timeout: 120_000 }, async () => {
  const wiremock = startWireMockProcess({ host: '127.0.0.1', port: 0 });
  const environment = await startLocalEnvironment({}, { wiremock });
  const given = await wiremock;
  try {
    assert.equal(environment.urls.wiremock, given.url, "the environment's WireMock is the one given");
    const proxied = await fetch(`${given.url}/laba/health`);
    assert.deepEqual(await proxied.json(), { status: 'ok', system: 'laba' }, 'the pass-through to LABA is installed in the given WireMock');
  } finally {
    await environment.stop();
  }
  assert.equal(await answers(given.url), false, 'the given WireMock is stopped with the environment');
});

test('an environment that fails to start stops the WireMock it was given', { timeout: 120_000 }, async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const port = (taken.address() as { port: number }).port;
  const wiremock = startWireMockProcess({ host: '127.0.0.1', port: 0 });
  try {
    // LABA's port is taken: the start fails after WireMock was handed over.
    await assert.rejects(startLocalEnvironment({}, { wiremock, ports: { laba: port } }), /EADDRINUSE|in use/);
    assert.equal(await answers((await wiremock).url), false, 'the given WireMock is stopped');
  } finally {
    taken.close();
    await (await wiremock.catch(() => undefined))?.stop();
  }
});
