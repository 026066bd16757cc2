/** Faults between PLSP and the databanks (WireMock), and what PLSP sent through it. */
import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { DatabankName } from '../contracts/databank';
import type { LokalsvarWorld } from './world';

Given(/^(LABA|MiBa) svarer med HTTP (\d+) på den næste upload$/, async function (this: LokalsvarWorld, databank: DatabankName, status: string) {
  this.faultsInjected = true;
  await this.databankProxy.failNextUploads(databank, 1, Number(status));
});

Given(/^(LABA|MiBa) er nede$/, async function (this: LokalsvarWorld, databank: DatabankName) {
  this.faultsInjected = true;
  await this.databankProxy.dropConnections(databank);
});

Given(/^(LABA|MiBa) svarer først efter (\d+) sekund(?:er)?$/, async function (this: LokalsvarWorld, databank: DatabankName, seconds: string) {
  this.faultsInjected = true;
  await this.databankProxy.slowUploads(databank, Number(seconds) * 1000);
});

When(/^(LABA|MiBa) er oppe igen$/, async function (this: LokalsvarWorld, _databank: DatabankName) {
  await this.databankProxy.removeFaults();
});

Then(/^PLSP har sendt beskeden til (LABA|MiBa) (\d+) gange$/, async function (this: LokalsvarWorld, databank: DatabankName, times: string) {
  const statuses = await this.databankProxy.uploadsOf(databank, this.shared().envelopeIdentifier);
  assert.equal(statuses.length, Number(times), `PLSP's uploads of the message to ${databank} got: ${statuses.join(', ') || 'none'}`);
});

Then(/^modtager LPS'et en negativ kvittering fra PLSP, der siger, at (LABA|MiBa) ikke kan nås$/, function (this: LokalsvarWorld, databank: string) {
  const { receipt, httpStatus } = this.shared();
  assert.equal(receipt.kind, 'XCTL02', `PLSP answered ${receipt.kind} (HTTP ${httpStatus})`);
  const text = [receipt.refuseText, ...receipt.originalLetters.map((letter) => letter.refuseText)].filter(Boolean).join(' ');
  assert.match(text, new RegExp(`${databank} could not be reached`), text);
  assert.match(text, /send the message again/, text);
  this.receiptChecked();
});
