/** A fixed host port for PLSP in containers mode, so a vendor's LPS can be set up before the run. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startContainersEnvironment } from '../../environments/containers';
import { POD_PORTS } from '../../environments/containers/pod';
import { docker } from '../../docker/testcontainers';
import { freePort } from '../support/cucumber-child';
import { dockerOrSkip } from './docker-gate';

test('PLSP publishes on the host port asked for, on every address; the others on free ports, on IPv4 alone', { timeout: 300_000 }, async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const port = await freePort();
  const environment = await startContainersEnvironment({}, { hostPorts: { plsp: port } });
  try {
    assert.equal(new URL(environment.urls.plsp).port, String(port));
    assert.notEqual(new URL(environment.urls.laba).port, String(port));
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    assert.deepEqual(await response.json(), { status: 'ok', system: 'plsp' });
    // What the pod asked the engine for: a vendor's LPS may reach the hub's fixed port over IPv6 too; the free ports
    // only the test process uses, at 127.0.0.1.
    const pod = await (await docker()).getContainer(`lokalsvar-e2e-${environment.runId}-pod`).inspect();
    const addresses = Object.fromEntries(Object.entries(pod.HostConfig.PortBindings ?? {}).map(([inPod, bindings]) => [inPod, (bindings as { HostIp?: string }[]).map((binding) => binding.HostIp ?? '')]));
    assert.deepEqual(addresses[`${POD_PORTS.plsp}/tcp`], [''], "the hub's fixed port is bound on every address");
    const others = Object.entries(addresses).filter(([inPod]) => inPod !== `${POD_PORTS.plsp}/tcp`);
    assert.equal(others.length, 6, `the other systems' and the gate's ports: ${JSON.stringify(addresses)}`);
    for (const [inPod, ips] of others) assert.deepEqual(ips, ['0.0.0.0'], `port ${inPod} in the pod is published on IPv4 alone`);
  } finally {
    await environment.stop();
  }
});
