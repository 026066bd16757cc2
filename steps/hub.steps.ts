import { When, Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { brokenXml, laboratoryReportXml } from './support/sample-messages';
import type { LokalsvarWorld } from './world';

When('et LPS sender en besked til PLSP, der ikke er velformet XML', async function (this: LokalsvarWorld) {
  const message = laboratoryReportXml(this.testPerson());
  this.lastSentEnvelope = message.envelopeIdentifier;
  this.lastHubAnswer = await this.plsp.send(brokenXml(message.xml), 'Pilot-LPS');
});

Then(
  /^svarer PLSP med HTTP (\d+) og en negativ kvittering med afvisningskoden "([^"]+)"$/,
  function (this: LokalsvarWorld, status: string, refuseCode: string) {
    const answer = this.lastHubAnswer;
    assert.ok(answer, 'nothing was sent to PLSP in this scenario');
    assert.equal(answer.httpStatus, Number(status));
    assert.equal(answer.receipt.kind, 'XCTL02', `expected a negative receipt, got ${answer.receipt.kind}`);
    const codes = [answer.receipt.refuseCode, ...answer.receipt.originalLetters.map((letter) => letter.refuseCode)];
    assert.ok(codes.includes(refuseCode as never), `refuse codes in the receipt: ${codes.filter(Boolean).join(', ')}`);
  },
);

Then('kvitteringen angiver, hvor i beskeden fejlen er', function (this: LokalsvarWorld) {
  const receipt = this.lastHubAnswer?.receipt;
  assert.ok(receipt, 'nothing was sent to PLSP in this scenario');
  const text = [receipt.refuseText, ...receipt.originalLetters.map((letter) => letter.refuseText)].filter(Boolean).join(' ');
  assert.match(text, /line \d+/i, `the receipt does not say where parsing failed: "${text}"`);
});
