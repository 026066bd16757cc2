/**
 * Stopping the embedded environment while a message is in flight: the hub stops accepting first and finishes
 * the message, so the databanks are still there for it (no 502 because LABA vanished under the hub).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readReceipt, writeEmessage } from '../../medcom';
import { clinicEmessage } from '../../medcom/compose-clinic-report';
import { findAnalysis } from '../../medcom/npu-catalogue';
import { startLocalEnvironment } from '../../environments/local';
import { DATABANK_PREFIXES } from '../../contracts/wiremock';
import { waitFor } from '../../run/wait-for';

async function scenarioState(wiremockUrl: string, name: string): Promise<string | undefined> {
  const body = (await (await fetch(`${wiremockUrl}/__admin/scenarios`)).json()) as { scenarios: { name: string; state: string }[] };
  return body.scenarios.find((scenario) => scenario.name === name)?.state;
}

test('a message in flight when the environment stops is still delivered and confirmed', { timeout: 120_000 }, async () => {
  const environment = await startLocalEnvironment({ approvedSystems: ['Pilot-LPS'] });
  let stopped = false;
  try {
    // LABA's first answer is a slow 503: the hub is in flight, and will try again, when the stop begins.
    const fault = {
      priority: 1,
      request: { method: 'POST', urlPattern: `${DATABANK_PREFIXES.LABA}/api/v1/upload` },
      response: { status: 503, body: 'busy', fixedDelayMilliseconds: 1000 },
      scenarioName: 'slow-first-answer',
      requiredScenarioState: 'Started',
      newScenarioState: 'answered-once',
    };
    const added = await fetch(`${environment.urls.wiremock}/__admin/mappings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
    assert.ok(added.ok, `WireMock refused the fault: ${await added.text()}`);
    const now = new Date();
    const message = clinicEmessage({
      clinic: { name: 'Lægerne Testgade', ydernummer: '012345', ean: '5790000000000', producerCode: 'LT' },
      patient: { cpr: '2512489996', givenName: 'Nancy Ann', surname: 'Test Berggren', consentGiven: true },
      analysis: findAnalysis('CRP')!,
      value: '45',
      sampledAt: now,
      resultAt: now,
    });
    const answer = fetch(`${environment.urls.plsp}/plsp/v1/xrpt`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', 'x-lps-system': 'Pilot-LPS' },
      body: writeEmessage(message),
    });
    await waitFor(async () => ((await scenarioState(environment.urls.wiremock, 'slow-first-answer')) === 'answered-once' ? true : undefined), {
      what: 'the hub to forward the message to LABA',
      intervalMs: 20,
    });
    const stopping = environment.stop();
    const response = await answer;
    const body = await response.text();
    assert.equal(response.status, 200, `the message in flight was not confirmed: ${body}`);
    assert.equal(readReceipt(body).kind, 'XCTL03');
    await stopping;
    stopped = true;
  } finally {
    if (!stopped) await environment.stop();
  }
});
