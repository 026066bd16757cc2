/**
 * What only the pilot LPS simulator can show automatically: results registered but not shared, results received
 * from laboratories and other practices, and the LPS's own refusals (delete, move, share a foreign result) and
 * cancellations. Scenarios using these steps are tagged @kun-pilot; vendor mode skips them.
 */
import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { isRefusal } from './drivers/pilot-lps';
import { register } from './support/registration';
import type { TestPerson } from './drivers/lps';
import type { LokalsvarWorld } from './world';

Given('lægen i {string} har registreret {analysis} {decimal} {word}', async function (this: LokalsvarWorld, clinic: string, name: string, value: string, unit: string) {
  await register(this, { clinic, analysis: name, value, unit });
});

Given(
  "LPS'et i {string} har modtaget et {analysis}-svar fra laboratoriet {string} med producentkoden {string}",
  async function (this: LokalsvarWorld, clinic: string, name: string, lab: string, code: string) {
    await register(this, { clinic, analysis: name, value: '8.1', origin: 'laboratorium', producer: { name: lab, code } });
  },
);

Given(
  "LPS'et i {string} har modtaget et kopisvar på {analysis} fra praksis {string} med producentkoden {string}",
  async function (this: LokalsvarWorld, clinic: string, name: string, practice: string, code: string) {
    await register(this, { clinic, analysis: name, value: '2.4', origin: 'anden_praksis', producer: { name: practice, code } });
  },
);

When('lægen deler alle nye svar', async function (this: LokalsvarWorld) {
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

When('lægen forsøger at dele {analysis}-svaret', async function (this: LokalsvarWorld, name: string) {
  const outcome = await this.pilot().tryShare(this.result(name).registered.id);
  if (isRefusal(outcome)) this.lastRefusal = outcome;
  else this.recordShared(outcome);
});

When('lægen forsøger at slette {analysis}-svaret', async function (this: LokalsvarWorld, name: string) {
  this.lastRefusal = await this.pilot().tryDelete(this.result(name).registered.id);
});

When('lægen forsøger at flytte {analysis}-svaret til testpersonen {test-person}', async function (this: LokalsvarWorld, name: string, other: TestPerson) {
  this.lastRefusal = await this.pilot().tryChangePatient(this.result(name).registered.id, other);
});

When("lægen annullerer alle svar, der er sendt for testpersonen, fordi patient-ID'et var forkert", async function (this: LokalsvarWorld) {
  assert.ok(this.clinic, 'the scenario names no practice');
  this.lastCancellation = await this.pilot().cancelPatient(this.testPerson().cpr, this.clinic);
});

Then("afviser LPS'et det med henvisning til reglen {string}", function (this: LokalsvarWorld, rule: string) {
  const refusal = this.refusal();
  assert.equal(refusal.httpStatus, 409);
  assert.equal(refusal.rule, rule, `the LPS refused with rule ${refusal.rule}: ${refusal.error}`);
});

Then("sender LPS'et kun {analysis}-svaret", function (this: LokalsvarWorld, name: string) {
  const outcome = this.lastShareAll;
  assert.ok(outcome, 'the doctor did not share all new results');
  assert.deepEqual(outcome.shared.map((shared) => shared.id), [this.result(name).registered.id]);
  const [only] = outcome.shared;
  assert.equal(only?.receipt.kind, 'XCTL03');
  this.recordShared(only);
});

Then("LPS'et springer {analysis}-svaret over med henvisning til reglen {string}", function (this: LokalsvarWorld, name: string, rule: string) {
  const skipped = this.lastShareAll?.skipped.find((entry) => entry.id === this.result(name).registered.id);
  assert.ok(skipped, `the ${name} result was not skipped`);
  assert.equal(skipped.rule, rule, skipped.reason);
});
