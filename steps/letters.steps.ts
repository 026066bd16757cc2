/**
 * Letters with several results and data that tells systems apart: producer other than the sender, examinator,
 * sampling time apart from result time, ResultValidation, decimal values. Pilot LPS only (@kun-pilot): the
 * vendor-mode instructions do not cover them yet.
 */
import { DataTable, Given, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { RequisitionToRegister } from './drivers/pilot-lps';
import { intervalFromWords } from './parameter-types';
import { todayAt } from './support/clinic-times';
import { analysis, type LokalsvarWorld } from './world';

type Row = Record<string, string>;

function producerOf(row: Row): RequisitionToRegister['results'][number]['producer'] {
  if (!row.producent) return undefined;
  const code = row.producentkode;
  const ydernummer = row.ydernummer;
  assert.ok(code && ydernummer, `producenten "${row.producent}" mangler producentkode eller ydernummer i tabellen`);
  return { name: row.producent, code, ydernummer };
}

/** "under 10", "4,0-6,0", "behandlingsmål under 53", "" */
function intervalOf(words: string | undefined): RequisitionToRegister['results'][number]['referenceInterval'] {
  if (!words) return undefined;
  return intervalFromWords(words.startsWith('behandlingsmål') ? `med ${words}` : `med referenceinterval ${words}`);
}

async function shareLetter(world: LokalsvarWorld, clinic: string, rows: Row[], times: { sampled: string; result: string }, extra: Partial<RequisitionToRegister> = {}): Promise<void> {
  world.clinic = clinic;
  const person = world.testPerson();
  const registered = await world.pilot().registerRequisition({
    clinic,
    patient: { ...person, consentGiven: true },
    sampledAt: todayAt(times.sampled).toISOString(),
    resultAt: todayAt(times.result).toISOString(),
    ...extra,
    results: rows.map((row) => ({
      analysis: analysis(row.analyse ?? '').shortName,
      value: row.værdi ?? '',
      ...(row.enhed ? { unit: row.enhed } : {}),
      ...(row.referenceinterval ? { referenceInterval: intervalOf(row.referenceinterval) } : {}),
      ...(producerOf(row) ? { producer: producerOf(row) } : {}),
      ...(row.undersøger ? { examinator: row.undersøger } : {}),
    })),
  });
  const [first] = registered;
  assert.ok(first, 'the pilot LPS registered no result');
  const shared = await world.pilot().share(first.id);
  world.recordShared(shared);
  registered.forEach((result, index) => {
    const name = analysis(rows[index]?.analyse ?? '').shortName;
    const key = world.results.has(name) ? `${name} fra ${rows[index]?.producent ?? clinic}` : name;
    world.results.set(key, { analysis: analysis(name), spec: { clinic, patient: person, analysis: name, value: rows[index]?.værdi ?? '' }, registered: result, shared });
  });
}

When(
  'lægen i {string} deler svarene fra én prøve, taget kl. {word} med svar kl. {word}:',
  { timeout: 60_000 },
  async function (this: LokalsvarWorld, clinic: string, sampled: string, result: string, table: DataTable) {
    await shareLetter(this, clinic, table.hashes(), { sampled, result });
  },
);

When(
  'lægen i {string} deler svarene fra én prøve med nægtet samtykke, taget kl. {word} med svar kl. {word}:',
  { timeout: 60_000 },
  async function (this: LokalsvarWorld, clinic: string, sampled: string, result: string, table: DataTable) {
    const person = this.testPerson();
    await shareLetter(this, clinic, table.hashes(), { sampled, result }, { patient: { ...person, consentGiven: false } });
  },
);

Given(
  'lægen i {string} har delt svarene fra én prøve, taget kl. {word} med svar kl. {word}:',
  { timeout: 60_000 },
  async function (this: LokalsvarWorld, clinic: string, sampled: string, result: string, table: DataTable) {
    await shareLetter(this, clinic, table.hashes(), { sampled, result });
    assert.equal(this.shared().receipt.kind, 'XCTL03', `${this.rulePrefix()}PLSP afviste brevet: ${JSON.stringify(this.shared().receipt)}`);
    this.receiptChecked();
  },
);
