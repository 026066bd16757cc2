/** MON-01: PLSP's counters, read before and after. */
import { Given, Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { DatabankName } from '../contracts/databank';
import { PLSP_METRICS } from '../contracts/plsp';
import { sumOf } from './support/prometheus-text';
import { requireRunningAlone } from '../run/parallel-rules';
import type { LokalsvarWorld } from './world';

async function increase(world: LokalsvarWorld, metric: string, labels: Record<string, string>): Promise<number> {
  assert.ok(world.metricsBefore !== undefined, "PLSP's counters were not read at the start of the scenario");
  return sumOf(await world.plsp.metricsText(), metric, labels) - sumOf(world.metricsBefore, metric, labels);
}

Given("PLSP's tællere er aflæst", async function (this: LokalsvarWorld) {
  requireRunningAlone(this.tags, "reads PLSP's counters of the run's LPS system");
  this.metricsBefore = await this.plsp.metricsText();
});

Then("er tælleren for svar delt af LPS'et steget med {int}", async function (this: LokalsvarWorld, count: number) {
  const found = await increase(this, PLSP_METRICS.shared, { lps_system: this.lps.systemName });
  assert.equal(found, count, `${this.rulePrefix()}tælleren for svar delt af ${this.lps.systemName} skulle være steget med ${count}, men steg med ${found}`);
});

Then('er tælleren for svar sendt til {databank} steget med {int}', async function (this: LokalsvarWorld, databank: DatabankName, count: number) {
  // Only this run's LPS system: other LPS systems may share a remote hub (a test camp) at the same time.
  const found = await increase(this, PLSP_METRICS.forwarded, { databank, lps_system: this.lps.systemName });
  assert.equal(found, count, `${this.rulePrefix()}tælleren for svar fra ${this.lps.systemName} sendt til ${databank} skulle være steget med ${count}, men steg med ${found}`);
});
