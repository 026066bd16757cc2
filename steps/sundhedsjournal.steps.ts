/** What the citizen sees in Sundhedsjournalen, checked in a real browser. */
import { Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { requisitionOf } from './drivers/lps';
import { SundhedsjournalPage, type ShownResult } from './drivers/sundhedsjournal-page';
import type { LokalsvarWorld } from './world';

const SHOWN_WITHIN_MS = 10_000;

async function journalPage(world: LokalsvarWorld): Promise<SundhedsjournalPage> {
  const journal = new SundhedsjournalPage(await world.page());
  await journal.logIn(world.environment.urls.sundhedsjournal, world.testPerson().cpr);
  await journal.openLabResults();
  return journal;
}

async function shownResult(world: LokalsvarWorld, journal: SundhedsjournalPage, name: string): Promise<ShownResult> {
  const result = world.result(name);
  return journal.waitForResult(result.analysis.code, { timeoutMs: SHOWN_WITHIN_MS, requisition: requisitionOf(result.registered) });
}

/** Absence means something only on a page that works: no error shown, and the results list (or its empty state) is there. */
async function assertNotShown(world: LokalsvarWorld, journal: SundhedsjournalPage, names: string[]): Promise<void> {
  assert.equal(await journal.errorMessage(), undefined, 'Sundhedsjournalen shows an error instead of the results');
  for (const name of names) {
    const result = world.result(name);
    assert.equal(await journal.isShown(result.analysis.code, requisitionOf(result.registered)), false, `Sundhedsjournalen shows the ${name} result`);
  }
}

Then(
  'Sundhedsjournalen viser {analysis} {decimal} {word}, referenceinterval {string} og producenten {string}',
  async function (this: LokalsvarWorld, name: string, value: string, unit: string, interval: string, producer: string) {
    const shown = await shownResult(this, await journalPage(this), name);
    assert.deepEqual(
      { analysis: shown.analysis, value: shown.value, unit: shown.unit, referenceInterval: shown.referenceInterval, producer: shown.producer },
      { analysis: this.result(name).analysis.shortName, value, unit, referenceInterval: interval, producer },
      'Sundhedsjournalen shows the result otherwise than shared',
    );
  },
);

Then('Sundhedsjournalen viser {analysis} {decimal} {word} med referenceintervallet {string}', async function (this: LokalsvarWorld, name: string, value: string, unit: string, interval: string) {
  const shown = await shownResult(this, await journalPage(this), name);
  assert.deepEqual({ value: shown.value, unit: shown.unit, referenceInterval: shown.referenceInterval }, { value, unit, referenceInterval: interval });
});

Then('Sundhedsjournalen viser {analysis} {decimal} {word} markeret som {string}', async function (this: LokalsvarWorld, name: string, value: string, unit: string, status: string) {
  const shown = await shownResult(this, await journalPage(this), name);
  assert.deepEqual({ value: shown.value, unit: shown.unit, status: shown.status }, { value, unit, status });
});

Then('Sundhedsjournalen viser {analysis} med resultatet {string} og producenten {string}', async function (this: LokalsvarWorld, name: string, value: string, producer: string) {
  const shown = await shownResult(this, await journalPage(this), name);
  assert.deepEqual({ value: shown.value, producer: shown.producer }, { value, producer });
});

Then('Sundhedsjournalen viser {analysis}-svaret, men ikke {analysis}-svaret', async function (this: LokalsvarWorld, shownName: string, hiddenName: string) {
  const journal = await journalPage(this);
  await shownResult(this, journal, shownName);
  await assertNotShown(this, journal, [hiddenName]);
});

Then('Sundhedsjournalen viser hverken {analysis}-svaret eller {analysis}-svaret', async function (this: LokalsvarWorld, first: string, second: string) {
  await assertNotShown(this, await journalPage(this), [first, second]);
});
