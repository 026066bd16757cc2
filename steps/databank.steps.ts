/** What the databanks (LABA, MiBa) hold. */
import { Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { DatabankName, StoredResult } from '../contracts/databank';
import type { DatabankDriver } from './drivers/databank';
import { requisitionOf } from './drivers/lps';
import { differencesFromSent } from './support/stored-unchanged';
import { waitFor } from '../run/wait-for';
import type { LokalsvarWorld } from './world';

function databank(world: LokalsvarWorld, name: DatabankName): DatabankDriver {
  return name === 'LABA' ? world.laba : world.miba;
}

/** The stored versions of one of the scenario's results, oldest first. */
async function versionsOf(world: LokalsvarWorld, bank: DatabankDriver, analysisName: string): Promise<StoredResult[]> {
  const result = world.result(analysisName);
  const requisition = requisitionOf(result.registered);
  return (await bank.results(world.testPerson().cpr))
    .filter((stored) => stored.record.requisitionId === requisition && stored.record.analysisCode === result.analysis.code)
    .sort((a, b) => a.version - b.version);
}

Then('{databank} har svaret gemt uændret', async function (this: LokalsvarWorld, name: DatabankName) {
  const bank = databank(this, name);
  const shared = this.shared();
  const storedBytes = await waitFor(() => bank.message(shared.envelopeIdentifier), { what: `${name} to store envelope ${shared.envelopeIdentifier}` });
  const stored = await bank.results(this.testPerson().cpr);
  assert.deepEqual(differencesFromSent(shared, storedBytes, stored), [], `${name} did not store the result as it was sent`);
});

Then('{databank} har ikke fået beskeden', async function (this: LokalsvarWorld, name: DatabankName) {
  const { envelopeIdentifier } = this.shared();
  assert.equal(await databank(this, name).message(envelopeIdentifier), undefined, `${name} received envelope ${envelopeIdentifier}`);
});

Then('LABA har intet gemt fra beskeden', async function (this: LokalsvarWorld) {
  const envelope = this.lastSentEnvelope ?? this.shared().envelopeIdentifier;
  assert.equal(await this.laba.message(envelope), undefined, `LABA stored envelope ${envelope}`);
  const stored = await this.laba.results(this.testPerson().cpr);
  assert.deepEqual(stored.filter((result) => result.record.envelopeIdentifier === envelope), []);
});

Then('LABA har {analysis}-svaret gemt med nægtet samtykke', async function (this: LokalsvarWorld, name: string) {
  const versions = await waitFor(async () => {
    const found = await versionsOf(this, this.laba, name);
    return found.length > 0 ? found : undefined;
  }, { what: `LABA to store the ${name} result` });
  assert.deepEqual(versions.map((stored) => stored.record.consentGiven), [false]);
});

Then('LABA har intet svar fra producentkoden {string} for testpersonen', async function (this: LokalsvarWorld, code: string) {
  const stored = await this.laba.results(this.testPerson().cpr);
  assert.deepEqual(stored.filter((result) => result.record.producerCode === code).map((result) => result.record.analysisCode), []);
});

Then('LABA har begge versioner af {analysis}-svaret, med den rettede som den nyeste', async function (this: LokalsvarWorld, name: string) {
  const versions = await versionsOf(this, this.laba, name);
  const corrected = this.result(name).shared;
  assert.ok(corrected, `the ${name} result was not shared`);
  assert.deepEqual(
    versions.map((stored) => [stored.version, stored.record.resultStatusCode]),
    [[1, 'svar_endeligt'], [2, 'svar_rettet']],
  );
  assert.equal(versions[1]?.record.envelopeIdentifier, corrected.envelopeIdentifier);
});

Then('LABA har kun ét {analysis}-svar på rekvisitionen', async function (this: LokalsvarWorld, name: string) {
  const versions = await versionsOf(this, this.laba, name);
  assert.equal(versions.length, 1, `LABA holds ${versions.length} ${name} results on the requisition`);
});
