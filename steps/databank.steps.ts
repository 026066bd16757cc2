import { Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { differencesFromSent } from './support/stored-unchanged';
import { waitFor } from './support/wait-for';
import type { LokalsvarWorld } from './world';

Then('LABA har svaret gemt uændret', async function (this: LokalsvarWorld) {
  const { sentXml, envelopeIdentifier } = this.shared();
  const storedXml = await waitFor(() => this.laba.message(envelopeIdentifier), { what: `LABA to store envelope ${envelopeIdentifier}` });
  const stored = await this.laba.results(this.testPerson().cpr);
  assert.deepEqual(differencesFromSent(sentXml, storedXml, stored), [], 'LABA did not store the result as it was sent');
});

Then('LABA har intet gemt fra beskeden', async function (this: LokalsvarWorld) {
  const envelope = this.lastSentEnvelope;
  assert.ok(envelope, 'the scenario sent no message of its own');
  assert.equal(await this.laba.message(envelope), undefined, `LABA stored envelope ${envelope}`);
  const stored = await this.laba.results(this.testPerson().cpr);
  assert.deepEqual(stored.filter((result) => result.record.envelopeIdentifier === envelope), []);
});
