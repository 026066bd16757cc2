/** Talking to PLSP directly, as an LPS would, and what PLSP answers and records. */
import { Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { readEmessage } from '../medcom';
import type { Receipt } from '../medcom/model';
import { brokenXml, laboratoryReportXml } from './support/sample-messages';
import type { LokalsvarWorld } from './world';

function refuseCodes(receipt: Receipt): string[] {
  return [receipt.refuseCode, ...receipt.originalLetters.map((letter) => letter.refuseCode)].filter((code): code is NonNullable<typeof code> => code !== undefined);
}

function refuseText(receipt: Receipt): string {
  return [receipt.refuseText, ...receipt.originalLetters.map((letter) => letter.refuseText)].filter(Boolean).join(' ');
}

When('et LPS sender en besked til PLSP, der ikke er velformet XML', async function (this: LokalsvarWorld) {
  const message = laboratoryReportXml(this.testPerson());
  this.lastSentEnvelope = message.envelopeIdentifier;
  this.lastHubAnswer = await this.plsp.send(brokenXml(message.xml), this.lps.systemName);
});

When('systemet {lps-system}, som ikke er godkendt af MedCom, sender et CRP-svar til PLSP', async function (this: LokalsvarWorld, system: string) {
  const message = laboratoryReportXml(this.testPerson());
  this.lastSentEnvelope = message.envelopeIdentifier;
  this.lastHubAnswer = await this.plsp.send(message.xml, system);
});

When("LPS'et ved en fejl sender den samme svarfil igen", async function (this: LokalsvarWorld) {
  const first = this.shared();
  const answer = await this.plsp.send(first.sentXml, this.lps.systemName);
  this.recordShared({ ...first, httpStatus: answer.httpStatus, receipt: answer.receipt, receiptXml: answer.receiptXml });
});

Then(
  'svarer PLSP med HTTP {int} og en negativ kvittering med afvisningskoden {string}',
  function (this: LokalsvarWorld, status: number, refuseCode: string) {
    const answer = this.lastHubAnswer;
    assert.ok(answer, 'nothing was sent to PLSP in this scenario');
    assert.equal(answer.httpStatus, status);
    assert.equal(answer.receipt.kind, 'XCTL02', `expected a negative receipt, got ${answer.receipt.kind}`);
    assert.ok(refuseCodes(answer.receipt).includes(refuseCode), `refuse codes in the receipt: ${refuseCodes(answer.receipt).join(', ')}`);
    assert.equal(answer.receipt.originalEnvelopeIdentifier, this.lastSentEnvelope, 'the receipt names another envelope than the one sent');
  },
);

Then('kvitteringen angiver, hvor i beskeden fejlen er', function (this: LokalsvarWorld) {
  const receipt = this.lastHubAnswer?.receipt;
  assert.ok(receipt, 'nothing was sent to PLSP in this scenario');
  assert.match(refuseText(receipt), /line \d+/i, `the receipt does not say where parsing failed: "${refuseText(receipt)}"`);
});

Then('kvitteringen siger, at {lps-system} ikke er godkendt af MedCom', function (this: LokalsvarWorld, system: string) {
  const receipt = this.lastHubAnswer?.receipt;
  assert.ok(receipt, 'nothing was sent to PLSP in this scenario');
  const text = refuseText(receipt);
  assert.ok(text.includes(`"${system}"`) && /not approved by MedCom/.test(text), `the receipt says: "${text}"`);
});

Then('beskeden er en {letter-type} \\({word})', function (this: LokalsvarWorld, kind: 'XRPT01' | 'XRPT05', root: string) {
  const sent = readEmessage(this.shared().sentXml);
  assert.deepEqual(sent.message?.letters.map((letter) => letter.kind), [kind]);
  assert.ok(this.shared().sentXml.includes(`<${root}>`), `the message has no ${root} element`);
});

Then('PLSP har noteret en advarsel om det manglende nationale prøvenummer ved beskeden', async function (this: LokalsvarWorld) {
  const [entry] = await this.plsp.journal({ envelope: this.shared().envelopeIdentifier });
  assert.ok(entry, "PLSP's journal has no entry for the message");
  const warnings = entry.findings.filter((finding) => finding.severity === 'warning' && finding.path.includes('RequesterSampleIdentifier'));
  assert.equal(warnings.length, 1, `findings: ${JSON.stringify(entry.findings)}`);
  assert.deepEqual(entry.findings.filter((finding) => finding.severity === 'error'), []);
});

Then('bekræfter PLSP, at {int} svar er annulleret', function (this: LokalsvarWorld, count: number) {
  const outcome = this.lastCancellation;
  assert.ok(outcome, 'nothing was cancelled in this scenario');
  assert.equal(outcome.httpStatus, 200, `PLSP answered ${outcome.httpStatus}: ${JSON.stringify(outcome.body)}`);
  const cancelled = typeof outcome.body === 'string' ? undefined : outcome.body.cancelled;
  assert.ok(cancelled, `PLSP did not say what it cancelled: ${JSON.stringify(outcome.body)}`);
  assert.equal(cancelled.LABA + cancelled.MiBa, count);
});

Then('rettelsen er sendt med resultatstatus {string}', function (this: LokalsvarWorld, status: string) {
  const letters = readEmessage(this.shared().sentXml).message?.letters ?? [];
  const statuses = letters.flatMap((letter) =>
    letter.kind === 'XRPT01' ? letter.results.map((result) => result.resultStatusCode) : [letter.generalResultInformation.resultStatusCode],
  );
  assert.deepEqual(statuses, [status]);
});
