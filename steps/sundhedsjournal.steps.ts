/** What the citizen sees in Sundhedsjournalen, checked in a real browser: whole rows, as the citizen reads them. */
import { DataTable, Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { requisitionOf } from './drivers/lps';
import { ResultNotShown, SundhedsjournalPage } from './drivers/sundhedsjournal-page';
import { AS_SHARED, sharedFacts, type SharedFacts } from './support/as-shared';
import { databankNamed, databankNameFor, storedVersions } from './support/stored-results';
import { waitFor } from '../run/wait-for';
import { citizenRow, compareRows, expectedRow, rowInWords, type CitizenRow } from './support/shown-rows';
import { sameDecimal } from './drivers/expected-message';
import { analysis, type LokalsvarWorld } from './world';

const SHOWN_WITHIN_MS = 10_000;
const STORED_WITHIN_MS = 10_000;

async function journalPage(world: LokalsvarWorld): Promise<SundhedsjournalPage> {
  const journal = new SundhedsjournalPage(await world.page());
  await journal.logIn(world.environment.urls.sundhedsjournal, world.testPerson().cpr);
  await journal.openLabResults();
  return journal;
}

/**
 * "Not shown" means something only for a result that is there to show: each result must first be stored in the
 * databank that takes it (LABA for XRPT01, MiBa for XRPT05), cancelled or not, else the check cannot be made. And
 * only a page that works can show absence: no error shown, and the results list (or its empty state) is there.
 */
async function assertNotShown(world: LokalsvarWorld, names: string[]): Promise<void> {
  for (const name of names) await assertStored(world, name);
  const journal = await journalPage(world);
  const error = await journal.errorMessage();
  assert.equal(error, undefined, `${world.rulePrefix()}Sundhedsjournalen viser en fejl i stedet for laboratoriesvarene: "${error}"`);
  const listed = (await journal.shownResults()).length > 0 || (await journal.emptyMessage()) !== undefined;
  assert.ok(listed, `${world.rulePrefix()}Sundhedsjournalen viser hverken laboratoriesvar eller "ingen laboratoriesvar": siden virker ikke, så den kan ikke vise, at et svar er skjult`);
  for (const name of names) {
    const result = world.result(name);
    assert.equal(await journal.isShown(result.analysis.code, requisitionOf(result.registered)), false, `${world.rulePrefix()}Sundhedsjournalen viser ${name}-svaret, som ikke må vises`);
  }
}

/** Waits until the databank that takes the result has stored it; fails, in Danish, when it never does. */
async function assertStored(world: LokalsvarWorld, name: string): Promise<void> {
  const result = world.result(name);
  const bankName = databankNameFor(result.analysis.letterType);
  const requisition = requisitionOf(result.registered);
  try {
    await waitFor(async () => ((await storedVersions(world, databankNamed(world, bankName), name)).length > 0 ? true : undefined), {
      what: `${bankName} to store the ${name} result`,
      timeoutMs: STORED_WITHIN_MS,
    });
  } catch (error) {
    assert.fail(
      `${world.rulePrefix()}${bankName} har ikke ${name}-svaret på prøve ${requisition} (ventede ${STORED_WITHIN_MS / 1000} s), så det kan ikke afgøres, om Sundhedsjournalen skjuler det: ` +
        `et svar, der ikke er nået frem, vises heller ikke. Se, om svaret blev delt og nåede ${bankName} (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** The scenario's message for an analysis: the last one shared for its result, else the scenario's last share. */
function sharedXmlOf(world: LokalsvarWorld, name: string): string {
  const result = world.result(name);
  const shared = result.shared ?? world.lastShared;
  if (!shared) throw new Error(`"${AS_SHARED}" i tabellen: scenariet har ikke delt ${name}-svaret`);
  return shared.sentXml;
}

/** "som delt" for an analysis: its facts in the message the scenario's LPS shared. */
function asSharedIn(world: LokalsvarWorld): (name: string) => SharedFacts {
  return (name) => sharedFacts(sharedXmlOf(world, name), analysis(name).code, name);
}

/** The rows under the requisition on the page as it is now, and how they differ from the expected ones. */
async function compareShown(journal: SundhedsjournalPage, requisition: string, expected: CitizenRow[]): Promise<{ differences: string[]; seen: CitizenRow[] }> {
  const seen = (await journal.shownResults()).filter((shown) => shown.requisition === requisition).map(citizenRow);
  return { differences: compareRows(expected, seen), seen };
}

/**
 * The rows under the requisition, reloaded until they are the expected ones or the time is up; no differences when
 * they are. The page the login landed on is read first: the results are usually there already. A row that never
 * appears is a difference like any other ("vises ikke"), not an error of its own.
 */
async function differencesUnder(journal: SundhedsjournalPage, requisition: string, expected: CitizenRow[]): Promise<{ differences: string[]; seen: CitizenRow[] }> {
  const deadline = Date.now() + SHOWN_WITHIN_MS;
  const first = await compareShown(journal, requisition, expected);
  if (first.differences.length === 0) return first;
  await journal.openLabResults();
  try {
    for (const code of new Set(expected.map((row) => analysis(row.analysis).code))) {
      await journal.waitForResult(code, { timeoutMs: Math.max(1, deadline - Date.now()), requisition });
    }
  } catch (error) {
    if (!(error instanceof ResultNotShown)) throw error;
  }
  for (;;) {
    const now = await compareShown(journal, requisition, expected);
    // A correction reaches the page a moment after the original: look again until the time is up.
    if (now.differences.length === 0 || Date.now() >= deadline) return now;
    await journal.openLabResults();
  }
}

Then('Sundhedsjournalen viser rækkerne for prøven:', { timeout: 60_000 }, async function (this: LokalsvarWorld, table: DataTable) {
  const expected = table.hashes().map((row) => expectedRow(row, asSharedIn(this)));
  const [first] = expected;
  assert.ok(first, 'Tabellen har ingen rækker: skriv de rækker, borgeren skal se');
  const requisition = requisitionOf(this.result(first.analysis).registered);
  const journal = await journalPage(this);
  const { differences, seen } = await differencesUnder(journal, requisition, expected);
  if (differences.length === 0) return;
  const pageSays = (await journal.errorMessage()) ?? (seen.length === 0 ? await journal.emptyMessage() : undefined);
  assert.fail(
    `${this.rulePrefix()}Sundhedsjournalen viser ikke prøvens svar, som de blev delt (prøve ${requisition}):\n  ${differences.join('\n  ')}\n` +
      `Vist for prøven:\n  ${seen.map(rowInWords).join('\n  ') || '(ingen rækker)'}${pageSays ? `\nSiden siger: "${pageSays}"` : ''}`,
  );
});

Then('Sundhedsjournalen viser ikke længere den oprindelige værdi {analysis} {decimal} {word}', { timeout: 60_000 }, async function (this: LokalsvarWorld, name: string, value: string, unit: string) {
  const result = this.result(name);
  assert.ok(
    sameDecimal(result.spec.value, value) && (result.spec.unit === undefined || result.spec.unit === unit),
    `Trinnet nævner ${name} ${value} ${unit}, men scenariet registrerede oprindeligt ${name} ${result.spec.value} ${result.spec.unit ?? ''}: ret trinnet`,
  );
  const requisition = requisitionOf(result.registered);
  const journal = await journalPage(this);
  // Only a page that shows the analysis on the sample can show that the old value is gone from it.
  await journal.waitForResult(result.analysis.code, { timeoutMs: SHOWN_WITHIN_MS, requisition }).catch((error: unknown) => {
    if (!(error instanceof ResultNotShown)) throw error;
    assert.fail(`${this.rulePrefix()}Sundhedsjournalen viser slet ikke ${name}-svaret på prøve ${requisition}, så den kan ikke vise, at den oprindelige værdi er væk (${error.message})`);
  });
  const old = (await journal.shownResults())
    .filter((shown) => shown.requisition === requisition && shown.analysisCode === result.analysis.code && sameDecimal(shown.value, value))
    .map(citizenRow);
  assert.deepEqual(
    old.map(rowInWords),
    [],
    `${this.rulePrefix()}Sundhedsjournalen viser stadig den oprindelige værdi af ${name}-svaret på prøve ${requisition}, som er rettet`,
  );
});

Then('Sundhedsjournalen viser ikke {analysis}-svaret', { timeout: 60_000 }, async function (this: LokalsvarWorld, name: string) {
  await assertNotShown(this, [name]);
});

Then('Sundhedsjournalen viser hverken {analysis}-svaret eller {analysis}-svaret', { timeout: 60_000 }, async function (this: LokalsvarWorld, first: string, second: string) {
  await assertNotShown(this, [first, second]);
});
