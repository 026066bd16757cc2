/** What the doctor does in the clinic's LPS: register, share, correct, delete, move, cancel. */
import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { ResultToRegister } from './drivers/lps';
import { isRefusal } from './drivers/pilot-lps';
import { lpsStepTimeoutMs } from './support/lps-mode';
import { testPerson } from './support/test-persons';
import { analysis, type LokalsvarWorld } from './world';

interface Registration {
  clinic: string;
  analysis: string;
  value: string;
  unit?: string;
  upperLimit?: string;
  consentDenied?: boolean;
  withoutSampleNumber?: boolean;
  origin?: ResultToRegister['origin'];
  producer?: { name: string; code: string };
}

function specOf(world: LokalsvarWorld, input: Registration): ResultToRegister {
  world.clinic = input.clinic;
  return {
    clinic: input.clinic,
    patient: world.testPerson(),
    consentGiven: !input.consentDenied,
    analysis: analysis(input.analysis).shortName,
    value: input.value,
    ...(input.unit ? { unit: input.unit } : {}),
    ...(input.upperLimit ? { referenceInterval: { typeOfInterval: 'fysiologisk', upperLimit: input.upperLimit } } : {}),
    ...(input.withoutSampleNumber ? { withoutSampleNumber: true } : {}),
    ...(input.origin ? { origin: input.origin, producer: input.producer } : {}),
  };
}

/** Registers in the pilot LPS only, without sharing (pilot-only steps). */
async function register(world: LokalsvarWorld, input: Registration): Promise<void> {
  const spec = specOf(world, input);
  const registered = await world.pilot().register(spec);
  world.results.set(spec.analysis, { analysis: analysis(spec.analysis), spec, registered });
}

/** Registers and shares in whichever LPS sends in this run. */
async function registerAndShare(world: LokalsvarWorld, input: Registration): Promise<void> {
  const spec = specOf(world, input);
  const { registered, shared } = await world.lps.registerAndShare(spec);
  world.results.set(spec.analysis, { analysis: analysis(spec.analysis), spec, registered, shared });
  world.recordShared(shared);
}

const REGISTER_AND_SHARE =
  /^lægen i "([^"]+)" registrerer (\S+) (\S+) (\S+?)(?: med referenceinterval under (\S+))?( med nægtet samtykke)?( uden nationalt prøvenummer)? og deler svaret$/;

When(
  REGISTER_AND_SHARE,
  { timeout: lpsStepTimeoutMs() },
  async function (this: LokalsvarWorld, clinic: string, name: string, value: string, unit: string, upper?: string, denied?: string, noSample?: string) {
    await registerAndShare(this, { clinic, analysis: name, value, unit, upperLimit: upper, consentDenied: Boolean(denied), withoutSampleNumber: Boolean(noSample) });
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

Given(/^lægen i "([^"]+)" har registreret (\S+) (\S+) (\S+)$/, async function (this: LokalsvarWorld, clinic: string, name: string, value: string, unit: string) {
  await register(this, { clinic, analysis: name, value, unit });
});

Given(
  /^LPS'et i "([^"]+)" har modtaget et (\S+)-svar fra laboratoriet "([^"]+)" med producentkoden "([^"]+)"$/,
  async function (this: LokalsvarWorld, clinic: string, name: string, lab: string, code: string) {
    await register(this, { clinic, analysis: name, value: '8.1', origin: 'laboratorium', producer: { name: lab, code } });
  },
);

Given(
  /^LPS'et i "([^"]+)" har modtaget et kopisvar på (\S+) fra praksis "([^"]+)" med producentkoden "([^"]+)"$/,
  async function (this: LokalsvarWorld, clinic: string, name: string, practice: string, code: string) {
    await register(this, { clinic, analysis: name, value: '2.4', origin: 'anden_praksis', producer: { name: practice, code } });
  },
);

When(/^lægen deler (\S+)-svaret igen$/, { timeout: lpsStepTimeoutMs() }, async function (this: LokalsvarWorld, name: string) {
  const result = this.result(name);
  result.shared = await this.lps.shareAgain(result.spec, result.registered);
  this.recordShared(result.shared);
});

When('lægen deler alle nye svar', async function (this: LokalsvarWorld) {
  this.lastShareAll = await this.pilot().shareAll();
});

When(/^lægen forsøger at dele (\S+)-svaret$/, async function (this: LokalsvarWorld, name: string) {
  const outcome = await this.pilot().tryShare(this.result(name).registered.id);
  if (isRefusal(outcome)) this.lastRefusal = outcome;
  else this.recordShared(outcome);
});

When(/^lægen forsøger at slette (\S+)-svaret$/, async function (this: LokalsvarWorld, name: string) {
  this.lastRefusal = await this.pilot().tryDelete(this.result(name).registered.id);
});

When(/^lægen retter (\S+)-svaret til (\S+) (\S+)$/, { timeout: lpsStepTimeoutMs() }, async function (this: LokalsvarWorld, name: string, value: string, unit: string) {
  const result = this.result(name);
  result.shared = await this.lps.correct(result.spec, result.registered, { value, unit });
  this.recordShared(result.shared);
});

When(/^lægen forsøger at flytte (\S+)-svaret til testpersonen (.+) \(([0-9-]+)\)$/, async function (this: LokalsvarWorld, name: string, other: string, cpr: string) {
  this.lastRefusal = await this.pilot().tryChangePatient(this.result(name).registered.id, testPerson(other, cpr));
});

When("lægen annullerer alle svar, der er sendt for testpersonen, fordi patient-ID'et var forkert", async function (this: LokalsvarWorld) {
  assert.ok(this.clinic, 'the scenario names no practice');
  this.lastCancellation = await this.pilot().cancelPatient(this.testPerson().cpr, this.clinic);
});

Then(/^afviser LPS'et det med henvisning til reglen "([^"]+)"$/, function (this: LokalsvarWorld, rule: string) {
  const refusal = this.refusal();
  assert.equal(refusal.httpStatus, 409);
  assert.equal(refusal.rule, rule, `the LPS refused with rule ${refusal.rule}: ${refusal.error}`);
});

Then(/^sender LPS'et kun (\S+)-svaret$/, function (this: LokalsvarWorld, name: string) {
  const outcome = this.lastShareAll;
  assert.ok(outcome, 'the doctor did not share all new results');
  assert.deepEqual(outcome.shared.map((shared) => shared.id), [this.result(name).registered.id]);
  const [only] = outcome.shared;
  assert.equal(only?.receipt.kind, 'XCTL03');
  this.recordShared(only);
});

Then(/^LPS'et springer (\S+)-svaret over med henvisning til reglen "([^"]+)"$/, function (this: LokalsvarWorld, name: string, rule: string) {
  const skipped = this.lastShareAll?.skipped.find((entry) => entry.id === this.result(name).registered.id);
  assert.ok(skipped, `the ${name} result was not skipped`);
  assert.equal(skipped.rule, rule, skipped.reason);
});

Then("modtager LPS'et en positiv kvittering fra PLSP", function (this: LokalsvarWorld) {
  const { httpStatus, receipt, envelopeIdentifier } = this.shared();
  const refusals = [receipt.refuseText, ...receipt.originalLetters.map((letter) => letter.refuseText)].filter(Boolean).join('; ');
  assert.equal(receipt.kind, 'XCTL03', `PLSP answered with ${receipt.kind} (HTTP ${httpStatus}): ${refusals}`);
  assert.equal(httpStatus, 200);
  assert.equal(receipt.originalEnvelopeIdentifier, envelopeIdentifier, 'the receipt names another envelope than the one sent');
  this.receiptChecked();
});
