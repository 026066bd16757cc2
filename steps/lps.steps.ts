/** What the doctor does in the clinic's LPS that every LPS can do: register and share, correct, resend. */
import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { lpsStepTimeoutMs } from '../run/lps-mode';
import { intervalFromWords, registerAndShare } from './support/registration';
import type { LokalsvarWorld } from './world';

const REGISTER_AND_SHARE =
  /^lægen i "([^"]+)" registrerer (\S+) (\S+) (\S+?)( med referenceinterval under \S+| med referenceinterval \S+-\S+| med behandlingsmål under \S+| uden referenceinterval)?( med nægtet samtykke)?( uden nationalt prøvenummer)? og deler svaret$/;

When(
  REGISTER_AND_SHARE,
  { timeout: lpsStepTimeoutMs() },
  async function (this: LokalsvarWorld, clinic: string, name: string, value: string, unit: string, interval?: string, denied?: string, noSample?: string) {
    const referenceInterval = intervalFromWords(interval);
    await registerAndShare(this, { clinic, analysis: name, value, unit, referenceInterval, consentDenied: Boolean(denied), withoutSampleNumber: Boolean(noSample) });
  },
);

When(
  /^lægen i "([^"]+)" registrerer en (.+)-test med resultatet "([^"]+)" og deler svaret$/,
  { timeout: lpsStepTimeoutMs() },
  async function (this: LokalsvarWorld, clinic: string, name: string, value: string) {
    await registerAndShare(this, { clinic, analysis: name, value });
  },
);

Given(
  /^lægen i "([^"]+)" har registreret og delt (\S+) (\S+) (\S+)$/,
  { timeout: lpsStepTimeoutMs() },
  async function (this: LokalsvarWorld, clinic: string, name: string, value: string, unit: string) {
    await registerAndShare(this, { clinic, analysis: name, value, unit });
    assert.equal(this.shared().receipt.kind, 'XCTL03', `sharing ${name} failed: ${JSON.stringify(this.shared().receipt)}`);
  },
);

When(/^lægen deler (\S+)-svaret igen$/, { timeout: lpsStepTimeoutMs() }, async function (this: LokalsvarWorld, name: string) {
  const result = this.result(name);
  result.shared = await this.lps.shareAgain(result.spec, result.registered);
  this.recordShared(result.shared);
});

When(/^lægen retter (\S+)-svaret til (\S+) (\S+)$/, { timeout: lpsStepTimeoutMs() }, async function (this: LokalsvarWorld, name: string, value: string, unit: string) {
  const result = this.result(name);
  result.shared = await this.lps.correct(result.spec, result.registered, { value, unit });
  this.recordShared(result.shared);
});

Then("modtager LPS'et en positiv kvittering fra PLSP", function (this: LokalsvarWorld) {
  const { httpStatus, receipt, envelopeIdentifier } = this.shared();
  const refusals = [receipt.refuseText, ...receipt.originalLetters.map((letter) => letter.refuseText)].filter(Boolean).join('; ');
  assert.equal(receipt.kind, 'XCTL03', `PLSP answered with ${receipt.kind} (HTTP ${httpStatus}): ${refusals}`);
  assert.equal(httpStatus, 200);
  assert.equal(receipt.originalEnvelopeIdentifier, envelopeIdentifier, 'the receipt names another envelope than the one sent');
  this.receiptChecked();
});
