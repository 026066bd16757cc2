/** What the databanks (LABA, MiBa) hold. */
import { Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { DatabankName, StoredResult } from '../contracts/databank';
import { sameDecimal } from './drivers/expected-message';
import { differencesFromSent } from './support/stored-unchanged';
import { databankNamed as databank, storedVersions as versionsOf } from './support/stored-results';
import { waitFor } from '../run/wait-for';
import type { LokalsvarWorld } from './world';

Then('{databank} har svaret gemt uændret', async function (this: LokalsvarWorld, name: DatabankName) {
  const bank = databank(this, name);
  const shared = this.shared();
  const storedBytes = await waitFor(() => bank.message(shared.envelopeIdentifier), { what: `${name} to store envelope ${shared.envelopeIdentifier}` });
  const stored = await bank.results(this.testPerson().cpr);
  assert.deepEqual(differencesFromSent(shared, storedBytes, stored), [], `${this.rulePrefix()}${name} har ikke gemt svaret, som det blev sendt`);
});

Then('{databank} har ikke fået beskeden', async function (this: LokalsvarWorld, name: DatabankName) {
  const { envelopeIdentifier } = this.shared();
  assert.equal(await databank(this, name).message(envelopeIdentifier), undefined, `${this.rulePrefix()}${name} har fået beskeden ${envelopeIdentifier}, som ikke skulle dertil`);
});

Then('LABA har intet gemt fra beskeden', async function (this: LokalsvarWorld) {
  const envelope = this.lastSentEnvelope ?? this.shared().envelopeIdentifier;
  assert.equal(await this.laba.message(envelope), undefined, `${this.rulePrefix()}LABA har gemt beskeden ${envelope}, som PLSP afviste`);
  const stored = await this.laba.results(this.testPerson().cpr);
  assert.deepEqual(
    stored.filter((result) => result.record.envelopeIdentifier === envelope).map((result) => `${result.record.analysisName} ${result.record.value}`),
    [],
    `${this.rulePrefix()}LABA har gemt svar fra beskeden ${envelope}, som PLSP afviste`,
  );
});

Then('{databank} har {analysis}-svaret gemt med nægtet samtykke', async function (this: LokalsvarWorld, name: DatabankName, analysisName: string) {
  const versions = await waitFor(async () => {
    const found = await versionsOf(this, databank(this, name), analysisName);
    return found.length > 0 ? found : undefined;
  }, { what: `${name} to store the ${analysisName} result` });
  assert.deepEqual(
    versions.map((stored) => stored.record.consentGiven),
    [false],
    `${this.rulePrefix()}${name} skulle have ${analysisName}-svaret gemt med nægtet samtykke (hverken mistet eller med samtykke)`,
  );
});

/**
 * Neither a result stamped with the producer code, nor the result that producer made (the one the scenario's LPS
 * received from it) under any other producer code: an LPS that forwards a received result as its own is caught too.
 * Only what LABA stored after the LPS received the result counts: what it held before (another scenario's, another
 * LPS system's at a test camp, an earlier run's on a --data databank) is not this LPS's doing.
 */
Then('LABA har intet svar fra producentkoden {string} for testpersonen', async function (this: LokalsvarWorld, code: string) {
  const received = [...this.results.values()].filter((result) => result.spec.producer?.code === code);
  assert.ok(received.length > 0, `Scenariet har ikke modtaget noget svar fra producentkoden "${code}": trinnet kan ikke fejle, ret scenariet`);
  const before = this.labaBeforeReceived;
  if (!before) throw new Error('LABA blev ikke aflæst, før LPS\'et modtog svaret (steps/support/registration.ts): trinnet kan ikke skelne LPS\'ets svar fra ældre');
  const stored = (await this.laba.results(this.testPerson().cpr)).filter((entry) => !before.has(entry.id));
  const fromProducer = stored.filter(
    (entry) =>
      entry.record.producerCode === code ||
      received.some((result) => entry.record.analysisCode === result.analysis.code && sameDecimal(entry.record.value, result.spec.value)),
  );
  assert.deepEqual(
    fromProducer.map((entry) => `${entry.record.analysisName} ${entry.record.value} (producentkode ${entry.record.producerCode}, prøve ${entry.record.requisitionId})`),
    [],
    `${this.rulePrefix()}LABA har svar, som producentkoden "${code}" har lavet, og som LPS'et derfor ikke måtte sende`,
  );
});

Then('LABA har begge versioner af {analysis}-svaret, med den rettede som den nyeste', async function (this: LokalsvarWorld, name: string) {
  const result = this.result(name);
  const { shared: corrected, correction } = result;
  if (!corrected || !correction) throw new Error(`Scenariet har ikke rettet ${name}-svaret: trinnet kan ikke fejle, ret scenariet`);
  const versions = await versionsOf(this, this.laba, name);
  assert.deepEqual(
    versions.map((stored) => `version ${stored.version} (${stored.record.resultStatusCode})`),
    ['version 1 (svar_endeligt)', 'version 2 (svar_rettet)'],
    `${this.rulePrefix()}LABA skulle have ${name}-svaret i to versioner, det oprindelige og det rettede som det nyeste; har: ${versions.map((stored) => `version ${stored.version}: ${stored.record.value} (${stored.record.resultStatusCode})`).join(', ') || 'ingen'}`,
  );
  const [original, newest] = versions as [StoredResult, StoredResult];
  assert.ok(
    sameDecimal(result.spec.value, original.record.value),
    `${this.rulePrefix()}LABA's første version af ${name}-svaret skulle have den oprindelige værdi ${result.spec.value}, men har ${original.record.value} (komma og punktum er samme decimaltegn)`,
  );
  assert.ok(
    sameDecimal(correction.value, newest.record.value),
    `${this.rulePrefix()}LABA's nyeste version af ${name}-svaret skulle have den rettede værdi ${correction.value}, men har ${newest.record.value} (komma og punktum er samme decimaltegn)`,
  );
  assert.equal(newest.record.envelopeIdentifier, corrected.envelopeIdentifier, `${this.rulePrefix()}LABA's nyeste version af ${name}-svaret er ikke rettelsen, LPS'et sendte`);
});

Then('LABA har kun ét {analysis}-svar på rekvisitionen', async function (this: LokalsvarWorld, name: string) {
  const versions = await versionsOf(this, this.laba, name);
  assert.equal(versions.length, 1, `${this.rulePrefix()}LABA skulle have ${name}-svaret én gang på rekvisitionen, men har det ${versions.length} gange`);
});
