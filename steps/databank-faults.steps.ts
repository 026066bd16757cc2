/** Faults between PLSP and the databanks (WireMock), and what PLSP sent through it. */
import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { DatabankName } from '../contracts/databank';
import type { FaultScope } from './drivers/databank-proxy';
import type { LokalsvarWorld } from './world';

/**
 * A databank's fault, as the scenario's test person meets it: it hits the uploads about that person, from the run's
 * LPS system (steps/drivers/databank-proxy.ts). Scenarios about other persons, which may run at the same time
 * (run/parallel-rules.ts), reach the databank as usual.
 */
function scenarioScope(world: LokalsvarWorld): FaultScope {
  world.faultsInjected = true;
  return { patient: world.testPerson().cpr };
}

Given('{databank} svarer med HTTP {int} på den næste upload', async function (this: LokalsvarWorld, databank: DatabankName, status: number) {
  await this.databankProxy.failNextUploads(databank, 1, status, scenarioScope(this));
});

Given('{databank} er nede', async function (this: LokalsvarWorld, databank: DatabankName) {
  await this.databankProxy.dropConnections(databank, scenarioScope(this));
});

Given('{databank} svarer først efter {int} sekund(er)', async function (this: LokalsvarWorld, databank: DatabankName, seconds: number) {
  await this.databankProxy.slowUploads(databank, seconds * 1000, scenarioScope(this));
});

When('{databank} er oppe igen', async function (this: LokalsvarWorld, _databank: DatabankName) {
  await this.databankProxy.removeFaults();
});

// Counts the uploads up to the first one the databank took: a later resend by the LPS (allowed, LABA-06) adds uploads
// of the same envelope, but not to this count.
Then('PLSP har sendt beskeden til {databank} {int} gange, før databanken tog imod den', async function (this: LokalsvarWorld, databank: DatabankName, times: number) {
  const statuses = await this.databankProxy.uploadsOf(databank, this.shared().envelopeIdentifier);
  const taken = statuses.findIndex((status) => status >= 200 && status < 300);
  assert.equal(
    taken + 1,
    times,
    `${this.rulePrefix()}PLSP skulle have sendt beskeden til ${databank} ${times} gange, før ${databank} tog imod den; uploads (HTTP-status i rækkefølge): ${statuses.join(', ') || 'ingen'}${taken < 0 ? `; ${databank} tog aldrig imod den` : ''}`,
  );
});

Then("modtager LPS'et en negativ kvittering fra PLSP, der siger, at {databank} ikke kan nås", function (this: LokalsvarWorld, databank: DatabankName) {
  const { receipt, httpStatus } = this.shared();
  assert.equal(receipt.kind, 'XCTL02', `PLSP answered ${receipt.kind} (HTTP ${httpStatus})`);
  const text = [receipt.refuseText, ...receipt.originalLetters.map((letter) => letter.refuseText)].filter(Boolean).join(' ');
  assert.match(text, new RegExp(`${databank} could not be reached`), text);
  assert.match(text, /send the message again/, text);
  this.receiptChecked();
});
