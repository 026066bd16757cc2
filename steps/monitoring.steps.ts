/** MON-01: PLSP's counters, read before and after. */
import { Given, Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { sumOf } from './support/prometheus-text';
import type { LokalsvarWorld } from './world';

async function increase(world: LokalsvarWorld, metric: string, labels: Record<string, string>): Promise<number> {
  assert.ok(world.metricsBefore !== undefined, "PLSP's counters were not read at the start of the scenario");
  return sumOf(await world.plsp.metricsText(), metric, labels) - sumOf(world.metricsBefore, metric, labels);
}

Given("PLSP's tællere er aflæst", async function (this: LokalsvarWorld) {
  this.metricsBefore = await this.plsp.metricsText();
});

Then(/^er tælleren for svar delt af LPS'et steget med (\d+)$/, async function (this: LokalsvarWorld, count: string) {
  assert.equal(await increase(this, 'plsp_results_shared_total', { lps_system: this.lps.systemName }), Number(count));
});

Then(/^er tælleren for svar sendt til (LABA|MiBa) steget med (\d+)$/, async function (this: LokalsvarWorld, databank: string, count: string) {
  // Only this run's LPS system: other LPS systems may share a remote hub (a test camp) at the same time.
  assert.equal(await increase(this, 'plsp_results_forwarded_total', { databank, lps_system: this.lps.systemName }), Number(count));
});
