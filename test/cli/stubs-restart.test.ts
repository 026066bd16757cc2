/**
 * `lokalsvar stubs --data DIR` loses nothing that got a positive receipt: a message through the hub, `kill -9`,
 * a start with the same DIR, and the result is still in LABA, in the hub's journal and in its counters. The hub
 * settings from the environment apply too (PLSP_TEST_CPRS_ONLY=false lets a non-test CPR through).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readReceipt } from '../../medcom';
import { crpMessage } from '../support/crp-message';
import { freePort } from '../support/cucumber-child';
import { freePorts, portArgs, startStubsProcess, waitUntil, wiremockProcessesOnPort, type StubsProcess } from '../support/stubs-process';

const SYSTEM = 'Restart-LPS';

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  assert.equal(response.status, 200, `${url} answered ${response.status}`);
  return (await response.json()) as T;
}

function counter(metrics: string, pattern: RegExp): number {
  const match = pattern.exec(metrics);
  return match ? Number(match[1]) : 0;
}

test('with --data nothing that got a positive receipt is lost to kill -9: LABA, the journal and the counters', { timeout: 240_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-data-'));
  const ports = await freePorts();
  const env = { ...process.env, PLSP_TEST_CPRS_ONLY: 'false' };
  const args = ['--data', dir, '--approved', `Pilot-LPS,${SYSTEM}`];
  const wiremockPorts = [ports.wiremock];
  let stubs: StubsProcess | undefined;
  try {
    stubs = await startStubsProcess([...args, ...portArgs(ports)], env);
    assert.match(stubs.output(), new RegExp(`Data gemmes i ${dir}`));
    const hub = `http://127.0.0.1:${ports.plsp}`;
    // Not one of MedCom's test persons: accepted only because PLSP_TEST_CPRS_ONLY=false reached the hub.
    const cpr = '2512481234';
    const { xml, envelope } = crpMessage(cpr, new Date());
    const receipt = await fetch(`${hub}/plsp/v1/xrpt`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml; charset=utf-8', 'x-lps-system': SYSTEM },
      body: xml,
    });
    const receiptXml = await receipt.text();
    assert.equal(receipt.status, 200, receiptXml);
    assert.equal(readReceipt(receiptXml).kind, 'XCTL03', receiptXml);

    stubs.child.kill('SIGKILL');
    await stubs.exited;
    // The WireMock child of the killed process may live on and keep its port (issue 9 item 5, another change):
    // the restart gets a WireMock port of its own, and the orphan is ended by its id below.
    const restartPorts = { ...ports, wiremock: await freePort() };
    wiremockPorts.push(restartPorts.wiremock);
    stubs = await startStubsProcess([...args, ...portArgs(restartPorts)], env);

    const laba = await json<{ results: { record: { patientId: string; envelopeIdentifier: string } }[] }>(
      `http://127.0.0.1:${ports.laba}/api/v1/results?patient=${cpr}`,
    );
    assert.deepEqual(laba.results.map((result) => result.record.envelopeIdentifier), [envelope], 'the result is not in LABA after the restart');
    const journal = await json<{ messages: { envelopeIdentifier?: string; receipt: string }[] }>(`${hub}/plsp/v1/messages?envelope=${envelope}`);
    assert.deepEqual(journal.messages.map((entry) => entry.receipt), ['XCTL03'], "the message is not in the hub's journal after the restart");
    const metrics = await (await fetch(`${hub}/metrics`)).text();
    assert.equal(counter(metrics, new RegExp(`plsp_messages_received_total\\{lps_system="${SYSTEM}",outcome="accepted"\\} (\\d+)`)), 1, metrics);
    assert.equal(counter(metrics, new RegExp(`plsp_results_forwarded_total\\{databank="LABA",lps_system="${SYSTEM}"\\} (\\d+)`)), 1, metrics);
  } finally {
    if (stubs && stubs.child.exitCode === null && stubs.child.signalCode === null) {
      stubs.child.kill('SIGINT');
      await stubs.exited;
    }
    for (const port of wiremockPorts) for (const pid of wiremockProcessesOnPort(port)) process.kill(pid, 'SIGKILL');
    await waitUntil(async () => wiremockPorts.every((port) => wiremockProcessesOnPort(port).length === 0), () => 'WireMock processes of this test still run');
    rmSync(dir, { recursive: true, force: true });
  }
});
