/** `lokalsvar stubs`: every system on the ports asked for, answering, and all of it gone after Ctrl-C. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ENDPOINTS, freePorts, portArgs, startStubsProcess } from '../support/stubs-process';

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

/** Whether anything still listens on the port: any HTTP answer at all counts. */
async function listening(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

test('starts every stub and WireMock on the given ports, prints them, and stops everything on SIGINT', { timeout: 120_000 }, async () => {
  const ports = await freePorts();
  const stubs = await startStubsProcess(['--approved', 'Pilot-LPS,Test-LPS', ...portArgs(ports)]);
  try {
    const output = stubs.output();
    for (const name of ENDPOINTS) {
      assert.ok(output.includes(`http://127.0.0.1:${ports[name]}`), `${name}'s URL is not printed:\n${output}`);
      const health = name === 'wiremock' ? '/__admin/health' : '/health';
      assert.ok(await answers(`http://127.0.0.1:${ports[name]}${health}`), `${name} does not answer on port ${ports[name]}`);
    }
    assert.match(output, /LPS-systemer, der må uploade \(LABA-01\): Pilot-LPS, Test-LPS/);
    assert.match(output, /Data: kun i hukommelsen/);
  } finally {
    stubs.child.kill('SIGINT');
  }
  assert.equal(await stubs.exited, 130);
  for (const name of ENDPOINTS) assert.equal(await listening(ports[name]), false, `${name} still listens on ${ports[name]} after Ctrl-C`);
});
