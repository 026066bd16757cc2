/**
 * What only the pilot LPS simulator can show automatically: results registered but not shared, results received
 * from laboratories and other practices, and the LPS's own refusals (delete, move, share a foreign result) and
 * cancellations. With a vendor's LPS (vendor mode) each has a variant: files to import, questions to the tester,
 * checks at the hub (steps/support/vendor-variants.ts).
 */
import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { isRefusal } from './drivers/pilot-lps';
import { lpsStepTimeoutMs } from '../run/lps-mode';
import { requireRunningAlone } from '../run/parallel-rules';
import { register } from './support/registration';
import { assertNoForeignResultSent, assertOnlyOwnShared, attestedFact, attestedRefusal, awaitCancellation, instructAndConfirmDone, vendorTryShare } from './support/vendor-variants';
import type { TestPerson } from './drivers/lps';
import type { LokalsvarWorld } from './world';

Given('lægen i {string} har registreret {analysis} {decimal} {word}', { timeout: lpsStepTimeoutMs() }, async function (this: LokalsvarWorld, clinic: string, name: string, value: string, unit: string) {
  await register(this, { clinic, analysis: name, value, unit });
});

Given(
  "LPS'et i {string} har modtaget et {analysis}-svar fra laboratoriet {string} med producentkoden {string}",
  { timeout: lpsStepTimeoutMs() },
  async function (this: LokalsvarWorld, clinic: string, name: string, lab: string, code: string) {
    await register(this, { clinic, analysis: name, value: '8.1', origin: 'laboratorium', producer: { name: lab, code } });
  },
);

Given(
  "LPS'et i {string} har modtaget et kopisvar på {analysis} fra praksis {string} med producentkoden {string}",
  { timeout: lpsStepTimeoutMs() },
  async function (this: LokalsvarWorld, clinic: string, name: string, practice: string, code: string) {
    await register(this, { clinic, analysis: name, value: '2.4', origin: 'anden_praksis', producer: { name: practice, code } });
  },
);

When('lægen deler alle nye svar', { timeout: lpsStepTimeoutMs() }, async function (this: LokalsvarWorld) {
  requireRunningAlone(this.tags, 'shares every new result the LPS holds, those of other scenarios too');
  if (this.tester) return instructAndConfirmDone(this, "I LPS'et: del alle nye svar.", { action: 'del-alle-nye' });
  this.lastShareAll = await this.pilot().shareAll();
});

When('lægen deler {analysis}-svaret i ISO-8859-1', async function (this: LokalsvarWorld, name: string) {
  const result = this.result(name);
  result.shared = await this.pilot().share(result.registered.id, 'ISO-8859-1');
  this.recordShared(result.shared);
});

Then('beskeden blev sendt i ISO-8859-1', function (this: LokalsvarWorld) {
  const { sentXml, sentEncoding } = this.shared();
  assert.equal(sentEncoding, 'ISO-8859-1', 'the pilot LPS did not send the message in ISO-8859-1');
  assert.match(sentXml, /^<\?xml version="1\.0" encoding="ISO-8859-1"\?>/, 'the message does not declare ISO-8859-1');
});

When('lægen forsøger at dele {analysis}-svaret', { timeout: lpsStepTimeoutMs() }, async function (this: LokalsvarWorld, name: string) {
  if (this.tester) return void (this.lastRefusal = await vendorTryShare(this, name));
  const outcome = await this.pilot().tryShare(this.result(name).registered.id);
  if (isRefusal(outcome)) this.lastRefusal = outcome;
  else this.recordShared(outcome);
});

When('lægen forsøger at slette {analysis}-svaret', { timeout: lpsStepTimeoutMs() }, async function (this: LokalsvarWorld, name: string) {
  if (this.tester) return void (this.lastRefusal = await attestedRefusal(this, 'DEL-04', `Forsøg at slette det delte ${name}-svar for ${this.testPerson().cpr} i LPS'et. Afviste LPS'et det?`));
  this.lastRefusal = await this.pilot().tryDelete(this.result(name).registered.id);
});

When('lægen forsøger at flytte {analysis}-svaret til testpersonen {test-person}', { timeout: lpsStepTimeoutMs() }, async function (this: LokalsvarWorld, name: string, other: TestPerson) {
  if (this.tester) return void (this.lastRefusal = await attestedRefusal(this, 'LABA-05', `Forsøg at flytte det delte ${name}-svar fra ${this.testPerson().cpr} til testpersonen ${other.givenName} ${other.surname} (${other.cpr}) i LPS'et. Afviste LPS'et det?`));
  this.lastRefusal = await this.pilot().tryChangePatient(this.result(name).registered.id, other);
});

When("lægen annullerer alle svar, der er sendt for testpersonen, fordi patient-ID'et var forkert", { timeout: lpsStepTimeoutMs() }, async function (this: LokalsvarWorld) {
  assert.ok(this.clinic, 'the scenario names no practice');
  if (this.tester) return void (this.lastCancellation = await awaitCancellation(this, this.clinic));
  this.lastCancellation = await this.pilot().cancelPatient(this.testPerson().cpr, this.clinic);
});

Then("afviser LPS'et det med henvisning til reglen {string}", function (this: LokalsvarWorld, rule: string) {
  const refusal = this.refusal();
  assert.equal(refusal.httpStatus, 409);
  assert.equal(refusal.rule, rule, `the LPS refused with rule ${refusal.rule}: ${refusal.error}`);
});

Then("sender LPS'et kun {analysis}-svaret", async function (this: LokalsvarWorld, name: string) {
  if (this.tester) return assertOnlyOwnShared(this, name);
  const outcome = this.lastShareAll;
  assert.ok(outcome, 'the doctor did not share all new results');
  // The scenario's own results: the LPS also shares what earlier scenarios registered and never shared (a result
  // whose delivery failed), which says nothing about this one. Every result sent, letter mates too, is counted.
  const own = new Set([...this.results.values()].map((result) => result.registered.id));
  const ownShares = outcome.shared.filter((shared) => (shared.ids ?? [shared.id]).some((id) => own.has(id)));
  assert.deepEqual(
    ownShares.flatMap((shared) => shared.ids ?? [shared.id]),
    [this.result(name).registered.id],
    `${this.rulePrefix()}LPS'et skulle kun sende ${name}-svaret af scenariets svar`,
  );
  const [only] = ownShares;
  assert.equal(only?.receipt.kind, 'XCTL03');
  this.recordShared(only);
});

Then("LPS'et springer {analysis}-svaret over med henvisning til reglen {string}", async function (this: LokalsvarWorld, name: string, rule: string) {
  if (this.tester) return assertNoForeignResultSent(this);
  const skipped = this.lastShareAll?.skipped.find((entry) => entry.id === this.result(name).registered.id);
  assert.ok(skipped, `the ${name} result was not skipped`);
  assert.equal(skipped.rule, rule, skipped.reason);
});

Then("LPS'et har stadig {analysis}-svaret på {decimal} {word}, markeret som delt", { timeout: lpsStepTimeoutMs() }, async function (this: LokalsvarWorld, name: string, value: string, unit: string) {
  if (this.tester) return attestedFact(this, 'DEL-04', `Har LPS'et stadig ${name}-svaret på ${value} ${unit} for ${this.testPerson().cpr}, uændret og markeret som delt?`);
  const result = this.result(name);
  const held = await this.pilot().find(result.registered.id);
  assert.ok(held, `${this.rulePrefix()}LPS'et har slettet ${name}-svaret, selv om det var delt`);
  assert.deepEqual(
    { value: held.value, unit: (held as { unit?: string }).unit ?? result.analysis.unit, shared: held.shared },
    { value, unit, shared: true },
    `${this.rulePrefix()}LPS'et skal stadig have ${name}-svaret, uændret og markeret som delt`,
  );
});
