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
    assert.ok(answer, 'Scenariet har ikke sendt noget til PLSP');
    assert.equal(answer.httpStatus, status, `${this.rulePrefix()}PLSP skulle svare med HTTP ${status}, men svarede ${answer.httpStatus}`);
    assert.equal(answer.receipt.kind, 'XCTL02', `${this.rulePrefix()}PLSP skulle svare med en negativ kvittering (XCTL02), men svarede med ${answer.receipt.kind}`);
    assert.ok(
      refuseCodes(answer.receipt).includes(refuseCode),
      `${this.rulePrefix()}kvitteringen skulle have afvisningskoden "${refuseCode}", men har: ${refuseCodes(answer.receipt).join(', ') || '(ingen)'}`,
    );
    assert.equal(answer.receipt.originalEnvelopeIdentifier, this.lastSentEnvelope, `${this.rulePrefix()}kvitteringen nævner en anden besked end den, der blev sendt`);
  },
);

Then('kvitteringen angiver, hvor i beskeden fejlen er', function (this: LokalsvarWorld) {
  const receipt = this.lastHubAnswer?.receipt;
  assert.ok(receipt, 'Scenariet har ikke sendt noget til PLSP');
  assert.match(refuseText(receipt), /line \d+/i, `${this.rulePrefix()}kvitteringen siger ikke, hvor i beskeden (hvilken linje) fejlen er: "${refuseText(receipt)}"`);
});

Then('kvitteringen siger, at {lps-system} ikke er godkendt af MedCom', function (this: LokalsvarWorld, system: string) {
  const receipt = this.lastHubAnswer?.receipt;
  assert.ok(receipt, 'Scenariet har ikke sendt noget til PLSP');
  const text = refuseText(receipt);
  assert.ok(text.includes(`"${system}"`) && /not approved by MedCom/.test(text), `${this.rulePrefix()}kvitteringen skulle sige, at "${system}" ikke er godkendt af MedCom, men siger: "${text}"`);
});

Then('beskeden er en {letter-type} \\({word})', function (this: LokalsvarWorld, kind: 'XRPT01' | 'XRPT05', root: string) {
  const sent = readEmessage(this.shared().sentXml);
  assert.deepEqual(sent.message?.letters.map((letter) => letter.kind), [kind], `${this.rulePrefix()}beskeden skulle være én ${kind}`);
  assert.ok(this.shared().sentXml.includes(`<${root}>`), `${this.rulePrefix()}beskeden har intet ${root}-element`);
});

Then('PLSP har noteret en advarsel om det manglende nationale prøvenummer ved beskeden', async function (this: LokalsvarWorld) {
  const [entry] = await this.plsp.journal({ envelope: this.shared().envelopeIdentifier });
  assert.ok(entry, `${this.rulePrefix()}PLSP's journal har ikke beskeden`);
  const warnings = entry.findings.filter((finding) => finding.severity === 'warning' && finding.path.includes('RequesterSampleIdentifier'));
  const findings = entry.findings.map((finding) => `${finding.severity} ${finding.path}: ${finding.message}`).join('; ') || '(ingen)';
  assert.equal(warnings.length, 1, `${this.rulePrefix()}PLSP skulle notere én advarsel om det manglende prøvenummer; PLSP noterede: ${findings}`);
  assert.deepEqual(entry.findings.filter((finding) => finding.severity === 'error'), [], `${this.rulePrefix()}det manglende prøvenummer er en advarsel, ikke en fejl; PLSP noterede: ${findings}`);
});

Then('bekræfter PLSP, at {int} svar er annulleret', function (this: LokalsvarWorld, count: number) {
  const outcome = this.lastCancellation;
  assert.ok(outcome, 'Scenariet har ikke annulleret noget');
  assert.equal(outcome.httpStatus, 200, `${this.rulePrefix()}PLSP afviste annulleringen med HTTP ${outcome.httpStatus}: ${JSON.stringify(outcome.body)}`);
  const cancelled = typeof outcome.body === 'string' ? undefined : outcome.body.cancelled;
  assert.ok(cancelled, `${this.rulePrefix()}PLSP sagde ikke, hvad det annullerede: ${JSON.stringify(outcome.body)}`);
  assert.equal(cancelled.LABA + cancelled.MiBa, count, `${this.rulePrefix()}PLSP skulle bekræfte ${count} annullerede svar, men bekræftede ${cancelled.LABA} i LABA og ${cancelled.MiBa} i MiBa`);
});

Then('rettelsen er sendt med resultatstatus {string}', function (this: LokalsvarWorld, status: string) {
  const letters = readEmessage(this.shared().sentXml).message?.letters ?? [];
  const statuses = letters.flatMap((letter) =>
    letter.kind === 'XRPT01' ? letter.results.map((result) => result.resultStatusCode) : [letter.generalResultInformation.resultStatusCode],
  );
  assert.deepEqual(statuses, [status], `${this.rulePrefix()}rettelsen skulle sendes med resultatstatus "${status}", men blev sendt med ${statuses.map((found) => `"${found}"`).join(', ') || '(ingen)'}`);
});
