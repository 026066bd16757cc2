/**
 * Access control of a real `lokalsvar stubs` (issue 9 item 7, contracts/access.ts). Beyond loopback (simulated by
 * --host 0.0.0.0 and requests to 127.0.0.1, since the rule holds whatever address a request comes from) the portal,
 * the hub's journal, the databanks and WireMock's admin API refuse requests without the token and answer with it;
 * nobody, token or not, uploads to a databank past the hub; the hub's xrpt and /health stay open. On loopback no
 * token is needed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readReceipt } from '../../medcom';
import { crpMessage } from '../support/crp-message';
import { freePorts, portArgs, startStubsProcess, type Ports, type StubsProcess } from '../support/stubs-process';

const SYSTEM = 'Access-LPS';
const CPR = '0201609995';

function envWithout(...names: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of names) delete env[name];
  return env;
}

async function stop(stubs: StubsProcess | undefined): Promise<void> {
  if (stubs && stubs.child.exitCode === null && stubs.child.signalCode === null) {
    stubs.child.kill('SIGINT');
    await stubs.exited;
  }
}

function urls(ports: Ports) {
  const at = (port: number): string => `http://127.0.0.1:${port}`;
  return {
    portal: `${at(ports.labportal)}/api/v1/patients/${CPR}/results`,
    journal: `${at(ports.plsp)}/plsp/v1/messages`,
    metrics: `${at(ports.plsp)}/metrics`,
    labaResults: `${at(ports.laba)}/api/v1/results?patient=${CPR}`,
    labaUpload: `${at(ports.laba)}/api/v1/upload`,
    labaCancel: `${at(ports.laba)}/api/v1/cancellations`,
    pilotLps: `${at(ports['pilot-lps'])}/api/v1/results/unknown-id`,
    wiremockMappings: `${at(ports.wiremock)}/__admin/mappings`,
    wiremockJournal: `${at(ports.wiremock)}/__admin/requests`,
    xrpt: `${at(ports.plsp)}/plsp/v1/xrpt`,
    health: `${at(ports.plsp)}/health`,
  };
}

async function status(url: string, init: RequestInit = {}): Promise<number> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  await response.arrayBuffer();
  return response.status;
}

function upload(xml: string, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/xml; charset=utf-8', 'x-lps-system': SYSTEM, ...headers }, body: xml };
}

test('beyond loopback every read and control endpoint demands the printed token; databanks take uploads from the hub only', { timeout: 180_000 }, async () => {
  const ports = await freePorts();
  let stubs: StubsProcess | undefined;
  try {
    stubs = await startStubsProcess(['--host', '0.0.0.0', '--approved', `Pilot-LPS,${SYSTEM}`, ...portArgs(ports)], envWithout('LOKALSVAR_TOKEN'));
    const printed = /Token \(vises kun nu[^\n]*\n\s+([0-9a-f]{48})\n/.exec(stubs.output());
    assert.ok(printed, `no generated token in the start-up text:\n${stubs.output()}`);
    const token = printed[1] as string;
    assert.equal(stubs.output().split(token).length - 1, 1, 'the token is printed more than once');
    const withToken = { authorization: `Bearer ${token}` };
    const wrongToken = { authorization: `Bearer ${'0'.repeat(48)}` };
    const at = urls(ports);

    for (const url of [at.portal, at.journal, at.metrics, at.labaResults, at.pilotLps, at.wiremockMappings, at.wiremockJournal]) {
      assert.equal(await status(url), 401, `${url} answered without the token`);
      assert.equal(await status(url, { headers: wrongToken }), 401, `${url} answered a wrong token`);
      // The pilot LPS knows no result "unknown-id": 404, past the check.
      assert.equal(await status(url, { headers: withToken }), url === at.pilotLps ? 404 : 200, `${url} refused the token`);
    }
    // WireMock's admin API cannot be changed without the token (a mapping there could fake the databanks' answers).
    const mapping = JSON.stringify({ request: { urlPattern: '/laba/.*' }, response: { status: 200 } });
    assert.equal(await status(at.wiremockMappings, { method: 'POST', headers: { 'content-type': 'application/json' }, body: mapping }), 401);

    // The hub's xrpt and /health are open; the message reaches LABA through WireMock with the hub's signature.
    assert.equal(await status(at.health), 200);
    // An LPS with a wrong path gets the hub's negative receipt, not a demand for a token it never needs.
    const wrongPath = await fetch(`${at.xrpt}x`, upload('<Emessage/>'));
    assert.equal(wrongPath.status, 404);
    assert.equal(readReceipt(await wrongPath.text()).kind, 'XCTL02');
    const { xml, envelope } = crpMessage(CPR, new Date());
    const receipt = await fetch(at.xrpt, upload(xml));
    const receiptXml = await receipt.text();
    assert.equal(receipt.status, 200, receiptXml);
    assert.equal(readReceipt(receiptXml).kind, 'XCTL03', receiptXml);
    const stored = (await (await fetch(at.labaResults, { headers: withToken })).json()) as { results: { record: { envelopeIdentifier: string } }[] };
    assert.deepEqual(stored.results.map((result) => result.record.envelopeIdentifier), [envelope]);
    // The portal and the pilot LPS reach their peers with the token (the portal shows the result).
    const portal = (await (await fetch(at.portal, { headers: withToken })).json()) as { results: unknown[] };
    assert.equal(portal.results.length, 1);

    // Straight to LABA, past the hub's test-CPR guard: refused without the token and with it.
    const real = crpMessage('2512481234', new Date()).xml;
    assert.equal(await status(at.labaUpload, upload(real)), 403);
    assert.equal(await status(at.labaUpload, upload(real, withToken)), 403);
    const cancel = { method: 'POST', headers: { 'content-type': 'application/json', ...withToken }, body: JSON.stringify({ patientId: CPR, producerCode: 'X' }) };
    assert.equal(await status(at.labaCancel, cancel), 403, 'a cancellation straight to LABA was taken');
  } finally {
    await stop(stubs);
  }
});

test('on loopback nothing needs a token', { timeout: 180_000 }, async () => {
  const ports = await freePorts();
  let stubs: StubsProcess | undefined;
  try {
    stubs = await startStubsProcess(['--approved', `Pilot-LPS,${SYSTEM}`, ...portArgs(ports)], envWithout('LOKALSVAR_TOKEN'));
    assert.match(stubs.output(), /uden token/);
    const at = urls(ports);
    for (const url of [at.portal, at.journal, at.metrics, at.labaResults, at.pilotLps, at.wiremockMappings]) {
      assert.equal(await status(url), url === at.pilotLps ? 404 : 200, `${url} refused a request without a token on loopback`);
    }
    const { xml } = crpMessage(CPR, new Date());
    assert.equal(await status(at.xrpt, upload(xml)), 200);
    // Even on loopback, only the hub uploads to a databank.
    assert.equal(await status(at.labaUpload, upload(crpMessage('2512481234', new Date()).xml)), 403);
  } finally {
    await stop(stubs);
  }
});
