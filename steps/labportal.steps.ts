/** What Laboratoriesvarportalen hands out as the national view. */
import { Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { PortalResult } from '../contracts/labportal';
import { requisitionOf } from './drivers/lps';
import type { LokalsvarWorld } from './world';

function viewedFor(world: LokalsvarWorld, viewed: PortalResult[], name: string): PortalResult[] {
  const result = world.result(name);
  const requisition = requisitionOf(result.registered);
  return viewed.filter((entry) => entry.requisitionId === requisition && entry.analysisCode === result.analysis.code);
}

async function assertNotHandedOut(world: LokalsvarWorld, names: string[]): Promise<void> {
  const viewed = await world.labportal.results(world.testPerson().cpr);
  for (const name of names) assert.deepEqual(viewedFor(world, viewed, name), [], `the portal hands out the ${name} result`);
}

Then('Laboratoriesvarportalen udleverer ikke {analysis}-svaret', async function (this: LokalsvarWorld, name: string) {
  await assertNotHandedOut(this, [name]);
});

Then('Laboratoriesvarportalen udleverer hverken {analysis}-svaret eller {analysis}-svaret', async function (this: LokalsvarWorld, first: string, second: string) {
  await assertNotHandedOut(this, [first, second]);
});

Then('Laboratoriesvarportalen udleverer stadig {analysis} {decimal} {word}', async function (this: LokalsvarWorld, name: string, value: string, unit: string) {
  const viewed = viewedFor(this, await this.labportal.results(this.testPerson().cpr), name);
  assert.deepEqual(viewed.map((entry) => [entry.value, entry.unit]), [[value, unit]]);
});

Then(/^Laboratoriesvarportalen udleverer (\S+)-svaret med producenten "([^"]+)"$/, async function (this: LokalsvarWorld, name: string, producer: string) {
  const viewed = viewedFor(this, await this.labportal.results(this.testPerson().cpr), name);
  assert.deepEqual(viewed.map((entry) => entry.producer.name), [producer]);
});
