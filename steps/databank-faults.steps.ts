/** Faults between PLSP and the databanks (WireMock), and what PLSP sent through it. */
import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { DatabankName } from '../contracts/databank';
import type { LokalsvarWorld } from './world';

Given('{databank} svarer med HTTP {int} på den næste upload', async function (this: LokalsvarWorld, databank: DatabankName, status: number) {
  this.faultsInjected = true;
  await this.databankProxy.failNextUploads(databank, 1, status);
});

Given('{databank} er nede', async function (this: LokalsvarWorld, databank: DatabankName) {
  this.faultsInjected = true;
  await this.databankProxy.dropConnections(databank);
});

Given('{databank} svarer først efter {int} sekund(er)', async function (this: LokalsvarWorld, databank: DatabankName, seconds: number) {
  this.faultsInjected = true;
  await this.databankProxy.slowUploads(databank, seconds * 1000);
});

When('{databank} er oppe igen', async function (this: LokalsvarWorld, _databank: DatabankName) {
  await this.databankProxy.removeFaults();
});

Then('PLSP har sendt beskeden til {databank} {int} gange', async function (this: LokalsvarWorld, databank: DatabankName, times: number) {
  const statuses = await this.databankProxy.uploadsOf(databank, this.shared().envelopeIdentifier);
  assert.equal(statuses.length, times, `PLSP's uploads of the message to ${databank} got: ${statuses.join(', ') || 'none'}`);
});

Then("modtager LPS'et en negativ kvittering fra PLSP, der siger, at {databank} ikke kan nås", function (this: LokalsvarWorld, databank: DatabankName) {
  const { receipt, httpStatus } = this.shared();
  assert.equal(receipt.kind, 'XCTL02', `PLSP answered ${receipt.kind} (HTTP ${httpStatus})`);
  const text = [receipt.refuseText, ...receipt.originalLetters.map((letter) => letter.refuseText)].filter(Boolean).join(' ');
  assert.match(text, new RegExp(`${databank} could not be reached`), text);
  assert.match(text, /send the message again/, text);
  this.receiptChecked();
});
