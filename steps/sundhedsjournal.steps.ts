import { Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { findAnalysis } from '../medcom/npu-catalogue';
import { SundhedsjournalPage } from './drivers/sundhedsjournal-page';
import type { LokalsvarWorld } from './world';

Then(
  /^Sundhedsjournalen viser (\S+) (\S+) (\S+), referenceinterval "([^"]+)" og producenten "([^"]+)"$/,
  async function (this: LokalsvarWorld, analysis: string, value: string, unit: string, interval: string, producer: string) {
    const code = findAnalysis(analysis)?.code;
    assert.ok(code, `"${analysis}" is not an analysis the platform knows`);
    const journal = new SundhedsjournalPage(await this.page());
    await journal.logIn(this.environment.urls.sundhedsjournal, this.testPerson().cpr);
    await journal.openLabResults();
    const shown = await journal.waitForResult(code, { timeoutMs: 10_000 });
    assert.deepEqual(
      { analysis: shown.analysis, value: shown.value, unit: shown.unit, referenceInterval: shown.referenceInterval, producer: shown.producer },
      { analysis, value, unit, referenceInterval: interval, producer },
      'Sundhedsjournalen shows the result otherwise than shared',
    );
  },
);
