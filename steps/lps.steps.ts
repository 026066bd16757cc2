/** What the doctor does in the clinic's LPS that every LPS can do: register and share, correct, resend. */
import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { lpsStepTimeoutMs } from '../run/lps-mode';
import type { ReferenceInterval } from '../medcom/model';
import type { RegistrationOption } from './parameter-types';
import { registerAndShare } from './support/registration';
import type { LokalsvarWorld } from './world';

When(
  'lægen i {string} registrerer {analysis} {decimal} {word} og deler svaret',
  { timeout: lpsStepTimeoutMs() },
  async function (this: LokalsvarWorld, clinic: string, name: string, value: string, unit: string) {
    await registerAndShare(this, { clinic, analysis: name, value, unit });
  },
);

When(
  'lægen i {string} registrerer {analysis} {decimal} {word} {reference-interval} og deler svaret',
  { timeout: lpsStepTimeoutMs() },
  async function (this: LokalsvarWorld, clinic: string, name: string, value: string, unit: string, referenceInterval: ReferenceInterval | undefined) {
    await registerAndShare(this, { clinic, analysis: name, value, unit, referenceInterval });
  },
);

When(
  'lægen i {string} registrerer {analysis} {decimal} {word} {registration-option} og deler svaret',
  { timeout: lpsStepTimeoutMs() },
  async function (this: LokalsvarWorld, clinic: string, name: string, value: string, unit: string, option: RegistrationOption) {
    await registerAndShare(this, { clinic, analysis: name, value, unit, ...option });
  },
);

When(
  'lægen i {string} registrerer en {analysis}-test med resultatet {string} og deler svaret',
  { timeout: lpsStepTimeoutMs() },
  async function (this: LokalsvarWorld, clinic: string, name: string, value: string) {
    await registerAndShare(this, { clinic, analysis: name, value });
  },
);

Given(
  'lægen i {string} har registreret og delt {analysis} {decimal} {word}',
  { timeout: lpsStepTimeoutMs() },
  async function (this: LokalsvarWorld, clinic: string, name: string, value: string, unit: string) {
    await registerAndShare(this, { clinic, analysis: name, value, unit });
    assert.equal(this.shared().receipt.kind, 'XCTL03', `sharing ${name} failed: ${JSON.stringify(this.shared().receipt)}`);
  },
);

When('lægen deler {analysis}-svaret igen', { timeout: lpsStepTimeoutMs() }, async function (this: LokalsvarWorld, name: string) {
  const result = this.result(name);
  result.shared = await this.lps.shareAgain(result.spec, result.registered);
  this.recordShared(result.shared);
});

When('lægen retter {analysis}-svaret til {decimal} {word}', { timeout: lpsStepTimeoutMs() }, async function (this: LokalsvarWorld, name: string, value: string, unit: string) {
  const result = this.result(name);
  result.correction = { value, unit };
  result.shared = await this.lps.correct(result.spec, result.registered, result.correction);
  this.recordShared(result.shared);
});

Then("modtager LPS'et en positiv kvittering fra PLSP", function (this: LokalsvarWorld) {
  const { httpStatus, receipt, envelopeIdentifier } = this.shared();
  const refusals = [receipt.refuseText, ...receipt.originalLetters.map((letter) => letter.refuseText)].filter(Boolean).join('; ');
  assert.equal(receipt.kind, 'XCTL03', `${this.rulePrefix()}PLSP skulle svare med en positiv kvittering (XCTL03), men svarede med ${receipt.kind} (HTTP ${httpStatus}): ${refusals}`);
  assert.equal(httpStatus, 200, `${this.rulePrefix()}PLSP skulle svare med HTTP 200, men svarede ${httpStatus}`);
  assert.equal(receipt.originalEnvelopeIdentifier, envelopeIdentifier, `${this.rulePrefix()}kvitteringen nævner en anden besked end den, der blev sendt`);
  this.receiptChecked();
});
