/**
 * Checks read from the databanks themselves, never from a stub's own reply: consent and cancellation as LABA and
 * MiBa hold them, results per producer, and PLSP's monitoring counters against what the databanks stored (MON-01).
 * Failure messages are Danish and name the rule the scenario checks.
 */
import { DataTable, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { writeEmessage } from '../medcom';
import { clinicEmessage } from '../medcom/compose-clinic-report';
import { sumOf } from './support/prometheus-text';
import { registerAndShare } from './support/registration';
import { databankNamed as bank, storedVersions as versionsOf } from './support/stored-results';
import { waitFor } from '../run/wait-for';
import { analysis, type LokalsvarWorld } from './world';

When(
  'lægen i {string} registrerer en Strep A-test med resultatet {string} med nægtet samtykke og deler svaret',
  { timeout: 60_000 },
  async function (this: LokalsvarWorld, clinic: string, value: string) {
    await registerAndShare(this, { clinic, analysis: 'Strep A', value, consentDenied: true });
  },
);

async function assertCancelled(this: LokalsvarWorld, name: string, databank: string): Promise<void> {
  const versions = await versionsOf(this, bank(this, databank), name);
  assert.ok(versions.length > 0, `${this.rulePrefix()}${databank} har slet ikke ${name}-svaret, så det kan ikke være annulleret`);
  const open = versions.filter((stored) => !stored.cancelled);
  assert.equal(open.length, 0, `${this.rulePrefix()}${databank} skulle have annulleret ${name}-svaret; ${open.length} af ${versions.length} versioner er ikke annulleret`);
}

Then('er {analysis}-svaret annulleret i {databank}', assertCancelled);
Then('{analysis}-svaret er annulleret i {databank}', assertCancelled);

Then('{analysis}-svaret er stadig gyldigt i {databank}', async function (this: LokalsvarWorld, name: string, databank: string) {
  const versions = await versionsOf(this, bank(this, databank), name);
  assert.ok(versions.length > 0, `${this.rulePrefix()}${databank} har ikke ${name}-svaret`);
  const cancelled = versions.filter((stored) => stored.cancelled);
  assert.equal(cancelled.length, 0, `${this.rulePrefix()}${databank} har annulleret ${name}-svaret, som en anden producent sendte; kun den annullerende praksis' egne svar må annulleres`);
});

Then('LABA har {int} {analysis}-svar på prøven, ét fra hver producent', async function (this: LokalsvarWorld, count: number, name: string) {
  const stored = await versionsOf(this, this.laba, name);
  const seen = stored.map((result) => `${result.record.producerCode}=${result.record.value} (version ${result.version})`).sort();
  const separate = new Set(stored.map((result) => result.key));
  const producers = new Set(stored.map((result) => result.record.producerCode));
  assert.ok(
    separate.size === count && producers.size === count && stored.length === count,
    `${this.rulePrefix()}LABA skulle have ${count} særskilte ${name}-svar, ét fra hver producent (samme analyse fra en anden producent er et andet svar, ikke en ny version); fandt ${separate.size} svar: ${seen.join(', ')}`,
  );
});

When('et andet godkendt LPS-system, {string}, deler et HbA1c-svar for testpersonen', async function (this: LokalsvarWorld, system: string) {
  const now = new Date();
  const message = clinicEmessage({
    clinic: { name: 'Lægerne Andetsteds', ydernummer: '054321', ean: '5790000000003', producerCode: 'LAS' },
    patient: { ...this.testPerson(), consentGiven: true },
    analysis: analysis('HbA1c'),
    value: '50',
    sampleNumber: String(now.getTime()).slice(-10),
    sampledAt: now,
    resultAt: now,
  });
  const answer = await this.plsp.send(writeEmessage(message), system);
  assert.equal(answer.receipt.kind, 'XCTL03', `${this.rulePrefix()}PLSP afviste ${system}s HbA1c-svar (HTTP ${answer.httpStatus}): ${answer.receipt.originalLetters.map((letter) => letter.refuseText).join('; ')}`);
  this.otherSystemEnvelopes.push({ system, envelope: message.envelope.identifier });
});

interface CountRow {
  system: string;
  shared: number;
  LABA: number;
  MiBa: number;
}

Then("PLSP's tællere er steget således:", async function (this: LokalsvarWorld, table: DataTable) {
  assert.ok(this.metricsBefore !== undefined, "PLSP's tællere blev ikke aflæst i starten af scenariet");
  const before = this.metricsBefore;
  const after = await this.plsp.metricsText();
  const increase = (metric: string, labels: Record<string, string>): number => sumOf(after, metric, labels) - sumOf(before, metric, labels);
  const expected: CountRow[] = table.hashes().map((row) => ({
    system: row['LPS-system'] === 'dette LPS' ? this.lps.systemName : (row['LPS-system'] ?? ''),
    shared: Number(row.delt),
    LABA: Number(row['sendt til LABA']),
    MiBa: Number(row['sendt til MiBa']),
  }));
  const problems: string[] = [];
  for (const row of expected) {
    const found = {
      shared: increase('plsp_results_shared_total', { lps_system: row.system }),
      LABA: increase('plsp_results_forwarded_total', { lps_system: row.system, databank: 'LABA' }),
      MiBa: increase('plsp_results_forwarded_total', { lps_system: row.system, databank: 'MiBa' }),
    };
    if (found.shared !== row.shared) problems.push(`${row.system}: delte svar forventet ${row.shared}, tælleren steg med ${found.shared}`);
    for (const databank of ['LABA', 'MiBa'] as const) {
      if (found[databank] !== row[databank]) problems.push(`${row.system}: svar sendt til ${databank} forventet ${row[databank]}, tælleren steg med ${found[databank]}`);
    }
  }
  assert.deepEqual(problems, [], `${this.rulePrefix()}PLSP's tællere passer ikke:\n  ${problems.join('\n  ')}`);
});

Then("PLSP's tællere for sendte svar passer med det, LABA og MiBa har gemt fra scenariets beskeder", async function (this: LokalsvarWorld) {
  assert.ok(this.metricsBefore !== undefined, "PLSP's tællere blev ikke aflæst i starten af scenariet");
  const before = this.metricsBefore;
  const after = await this.plsp.metricsText();
  const envelopes = new Map<string, string>([
    ...this.sharedLog.map((shared) => [shared.envelopeIdentifier, this.lps.systemName] as [string, string]),
    ...this.otherSystemEnvelopes.map(({ system, envelope }) => [envelope, system] as [string, string]),
  ]);
  const systems = [...new Set(envelopes.values())];
  const problems: string[] = [];
  for (const databank of [this.laba, this.miba]) {
    const stored = (await databank.results(this.testPerson().cpr)).filter((result) => envelopes.has(result.record.envelopeIdentifier));
    for (const system of systems) {
      const inBank = stored.filter((result) => envelopes.get(result.record.envelopeIdentifier) === system).length;
      const counted = sumOf(after, 'plsp_results_forwarded_total', { lps_system: system, databank: databank.name }) -
        sumOf(before, 'plsp_results_forwarded_total', { lps_system: system, databank: databank.name });
      if (inBank !== counted) problems.push(`${system} → ${databank.name}: PLSP talte ${counted} sendte svar, ${databank.name} har gemt ${inBank}`);
    }
  }
  assert.deepEqual(problems, [], `${this.rulePrefix()}tællerne siger noget andet end databankerne:\n  ${problems.join('\n  ')}`);
});

Then('er {int} af scenariets svar annulleret i databankerne', async function (this: LokalsvarWorld, count: number) {
  const envelopes = new Set(this.sharedLog.map((shared) => shared.envelopeIdentifier));
  const found: string[] = [];
  for (const databank of [this.laba, this.miba]) {
    const cancelled = (await databank.results(this.testPerson().cpr)).filter((stored) => envelopes.has(stored.record.envelopeIdentifier) && stored.cancelled);
    found.push(...new Set(cancelled.map((stored) => `${databank.name} ${stored.record.analysisCode}`)));
  }
  assert.equal(found.length, count, `${this.rulePrefix()}${count} af scenariets svar skulle være annulleret i LABA og MiBa; databankerne har annulleret ${found.length}: ${found.join(', ') || 'ingen'}`);
});
