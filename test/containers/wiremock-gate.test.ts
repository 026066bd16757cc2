/**
 * Containers mode lets nobody at WireMock's admin API or journal but the platform (issue 9, access): WireMock's own
 * port is published nowhere, every published port of the run refuses WireMock's admin paths without the token (the
 * gate with 401, the stubs with their not-found), and with the token the drivers still plant databank faults and
 * read WireMock's journal through the gate. Skipped where no Docker engine answers, unless E2E_REQUIRE_DOCKER=1.
 *
 *   node --import tsx --test test/containers/wiremock-gate.test.ts
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { docker } from '../../docker/testcontainers';
import { startContainersEnvironment } from '../../environments/containers';
import { LABEL_RUN } from '../../docker/run-labels';
import { POD_PORTS } from '../../environments/containers/pod';
import { SYSTEMS } from '../../environments/environment';
import { WIREMOCK_GATE_NAME } from '../../stubs/wiremock-gate/gate';
import { DatabankProxyDriver } from '../../steps/drivers/databank-proxy';
import { useAccessToken } from '../../steps/drivers/http';
import { PlspDriver } from '../../steps/drivers/plsp';
import { bearer } from '../../contracts/access';
import { crpMessage } from '../support/crp-message';
import { dockerOrSkip } from './docker-gate';

const LPS = 'E2E-LPS';
/** WireMock's admin and journal requests a stranger on the network would try. */
const ADMIN_PROBES: ReadonlyArray<{ method: string; path: string; body?: string }> = [
  { method: 'GET', path: '/__admin/requests' },
  { method: 'GET', path: '/__admin/mappings' },
  { method: 'POST', path: '/__admin/mappings', body: JSON.stringify({ request: { url: '/x' }, response: { status: 200 } }) },
  { method: 'POST', path: '/__admin/shutdown' },
];

test('containers mode: WireMock publishes no port, no published port lets anyone at its admin API without the token, and with it faults and the journal work', { timeout: 300_000 }, async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const environment = await startContainersEnvironment({ approvedSystems: [LPS] });
  try {
    assert.ok(environment.accessToken.length >= 32, 'containers mode always has a token, made for the gate when none is given');
    const engine = await docker();
    const containers = await engine.listContainers({ filters: { label: [`${LABEL_RUN}=${environment.runId}`] } });
    const wiremock = containers.find((container) => container.Names.includes(`/lokalsvar-e2e-${environment.runId}-wiremock`));
    assert.ok(wiremock, `the run has a WireMock container: ${containers.flatMap((container) => container.Names).join()}`);
    assert.deepEqual(wiremock.Ports.filter((port) => port.PublicPort), [], "WireMock's own port is published nowhere");
    const inspected = await engine.getContainer(wiremock.Id).inspect();
    assert.deepEqual(Object.values(inspected.HostConfig.PortBindings ?? {}).flat(), [], 'WireMock has no port bindings');

    // Every port the run publishes, on every address it is bound to (free ports on IPv4 alone; a port given, on 0.0.0.0
    // and on ::, sometimes to two host ports, where the engine has IPv6): none answers WireMock's admin paths without
    // the token.
    const gatePort = Number(new URL(environment.urls.wiremock).port);
    const published = containers.flatMap((container) =>
      container.Ports.filter((port) => port.PublicPort).map((port) => ({ port: port.PublicPort, inPod: port.PrivatePort, ip: port.IP ?? '0.0.0.0', owner: container.Names.join() })),
    );
    assert.ok(published.some((binding) => binding.port === gatePort), `the gate's port ${gatePort} is among the published ones`);
    assert.deepEqual([...new Set(published.map((binding) => binding.owner))].filter((owner) => !owner.endsWith('-pod')), [], "only the run's pod publishes ports");
    assert.deepEqual(
      [...new Set(published.map((binding) => binding.inPod))].sort(),
      [...SYSTEMS.map((system) => POD_PORTS[system]), POD_PORTS[WIREMOCK_GATE_NAME]].sort(),
      'the pod publishes the port of each system and of the gate, not WireMock\'s',
    );
    for (const { port, inPod, ip, owner } of published) {
      const host = ip.includes(':') ? '[::1]' : '127.0.0.1';
      for (const probe of ADMIN_PROBES) {
        for (const authorization of [undefined, bearer('not-the-token-0123456789')]) {
          const response = await fetch(`http://${host}:${port}${probe.path}`, {
            method: probe.method,
            headers: { ...(probe.body ? { 'content-type': 'application/json' } : {}), ...(authorization ? { authorization } : {}) },
            ...(probe.body ? { body: probe.body } : {}),
          });
          const body = await response.text();
          const what = `${probe.method} ${probe.path} on ${host}:${port} (${owner})${authorization ? ' with a wrong token' : ''}: ${response.status} ${body.slice(0, 200)}`;
          if (inPod === POD_PORTS[WIREMOCK_GATE_NAME]) {
            assert.equal(response.status, 401, what);
            assert.match(body, /Authorization: Bearer/, `the refusal says what to send: ${what}`);
          } else {
            assert.equal(response.status, 404, `a stub's port leads nowhere near WireMock: ${what}`);
          }
        }
      }
    }

    // With the token, the platform's own use of WireMock works through the gate (WireMock survived the shutdown probes).
    useAccessToken(environment.accessToken);
    const proxy = new DatabankProxyDriver(environment.urls.wiremock, LPS);
    const hub = new PlspDriver(environment.urls.plsp);
    await proxy.failUploads('LABA', 503);
    const failing = crpMessage();
    const refused = await hub.send(failing.xml, LPS);
    assert.equal(refused.httpStatus, 502, `with LABA failing (a fault planted through the gate) the hub refuses: ${refused.receiptXml.slice(0, 300)}`);
    assert.equal(refused.receipt.kind, 'XCTL02');
    await proxy.removeFaults();
    const accepted = await hub.send(failing.xml, LPS);
    assert.equal(accepted.httpStatus, 200, `with the fault removed the hub stores it: ${accepted.receiptXml.slice(0, 300)}`);
    const uploads = await proxy.uploadsOf('LABA', failing.envelope);
    assert.ok(uploads.length >= 2 && uploads.includes(503) && uploads.at(-1) === 200, `WireMock's journal, read through the gate, shows the failed and the passed uploads: ${uploads.join()}`);
  } finally {
    useAccessToken(undefined);
    await environment.stop();
  }
});
