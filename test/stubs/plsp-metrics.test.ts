/** The hub's counters: a bounded number of series per LPS system, and counts kept in a database file across a restart. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { CounterStore } from '../../stubs/plsp/counter-store';
import { HubMetrics } from '../../stubs/plsp/metrics';
import { openHubDatabase } from '../../stubs/plsp/state-database';
import { OTHERS_LABEL, SystemLabels, UNAPPROVED_LABEL } from '../../stubs/plsp/system-labels';

function systemLabelsIn(text: string): Set<string> {
  return new Set([...text.matchAll(/lps_system="([^"]*)"/g)].map((match) => match[1]!));
}

test('systems outside the approved list are all counted under one label', async () => {
  const metrics = new HubMetrics(new SystemLabels((system) => system === 'Pilot-LPS'));
  metrics.accepted('Pilot-LPS');
  for (let n = 0; n < 500; n += 1) metrics.refused(`Probe-${n}`);
  const text = await metrics.registry.metrics();
  assert.deepEqual(systemLabelsIn(text), new Set(['Pilot-LPS', UNAPPROVED_LABEL]));
  assert.match(text, /plsp_messages_received_total\{lps_system="\(ikke godkendt\)",outcome="refused"\} 500/);
});

test('when every system is approved, names beyond the cap are counted under one label', async () => {
  const metrics = new HubMetrics(new SystemLabels(() => true, 10));
  for (let n = 0; n < 50; n += 1) metrics.accepted(`LPS-${n}`);
  const labels = systemLabelsIn(await metrics.registry.metrics());
  assert.equal(labels.size, 11);
  assert.ok(labels.has(OTHERS_LABEL));
  assert.ok(labels.has('LPS-0') && !labels.has('LPS-10'));
});

test('with a database file the counters go on from where they were after a restart', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-counters-'));
  try {
    const file = path.join(dir, 'plsp.sqlite');
    const db = openHubDatabase(file);
    const before = new HubMetrics(new SystemLabels(() => true), new CounterStore(db));
    before.accepted('Pilot-LPS');
    before.resultsForwarded('Pilot-LPS', 'LABA', 3);
    db.close();
    const reopened = openHubDatabase(file);
    const after = new HubMetrics(new SystemLabels(() => true), new CounterStore(reopened));
    after.resultsForwarded('Pilot-LPS', 'LABA', 1);
    const text = await after.registry.metrics();
    assert.match(text, /plsp_messages_received_total\{lps_system="Pilot-LPS",outcome="accepted"\} 1\n/);
    assert.match(text, /plsp_results_forwarded_total\{databank="LABA",lps_system="Pilot-LPS"\} 4\n/);
    reopened.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
