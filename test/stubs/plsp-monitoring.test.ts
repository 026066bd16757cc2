/**
 * The hub's monitoring counters (MON-01) beyond plsp-metrics.test.ts: every counter with its labels, the fixed
 * labels that never take a system's place, the label cap across a restart, counts a database keeps that this
 * version does not know, and the hub database itself (in memory, or a file written ahead).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { CounterStore } from '../../stubs/plsp/counter-store';
import { HubMetrics } from '../../stubs/plsp/metrics';
import { openHubDatabase } from '../../stubs/plsp/state-database';
import { SystemLabels } from '../../stubs/plsp/system-labels';

/** The counter lines of the Prometheus text, without HELP and TYPE. */
async function counts(metrics: HubMetrics): Promise<string[]> {
  return (await metrics.registry.metrics()).split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

test('by default every system is counted under its own name, in each counter with its own labels', async () => {
  const metrics = new HubMetrics();
  metrics.accepted('Nyt-LPS');
  metrics.refused('Nyt-LPS');
  metrics.resultsShared('Nyt-LPS', 'XRPT05', 2);
  metrics.resultsForwarded('Nyt-LPS', 'MiBa', 2);
  metrics.resultsResent('Nyt-LPS', 'LABA', 3);
  metrics.resultsCancelled('Nyt-LPS', 4);
  assert.deepEqual(await counts(metrics), [
    'plsp_messages_received_total{lps_system="Nyt-LPS",outcome="accepted"} 1',
    'plsp_messages_received_total{lps_system="Nyt-LPS",outcome="refused"} 1',
    'plsp_results_shared_total{lps_system="Nyt-LPS",letter_type="XRPT05"} 2',
    'plsp_results_forwarded_total{databank="MiBa",lps_system="Nyt-LPS"} 2',
    'plsp_results_resent_total{lps_system="Nyt-LPS",databank="LABA"} 3',
    'plsp_results_cancelled_total{lps_system="Nyt-LPS"} 4',
  ]);
});

test('the fixed labels stand for themselves, whatever is approved, and never take the place of a system', () => {
  const none = new SystemLabels(() => false);
  assert.deepEqual(['(unnamed)', '(øvrige)', '(ikke godkendt)', 'Ukendt-LPS'].map((system) => none.label(system)), [
    '(unnamed)',
    '(øvrige)',
    '(ikke godkendt)',
    '(ikke godkendt)',
  ]);
  const one = new SystemLabels(() => true, 1);
  one.remember('(unnamed)');
  one.remember('(øvrige)');
  assert.deepEqual(['(unnamed)', '(ikke godkendt)', 'Pilot-LPS', 'Andet-LPS', 'Pilot-LPS'].map((system) => one.label(system)), [
    '(unnamed)',
    '(ikke godkendt)',
    'Pilot-LPS',
    '(øvrige)',
    'Pilot-LPS',
  ]);
});

function inDatabaseFile(run: (file: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-monitoring-'));
  try {
    run(path.join(dir, 'plsp.sqlite'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('after a restart the systems counted before keep their series within the cap, and a new one goes under (øvrige)', async () => {
  const db = openHubDatabase();
  const store = new CounterStore(db);
  new HubMetrics(new SystemLabels(() => true, 1), store).accepted('Pilot-LPS');
  const metrics = new HubMetrics(new SystemLabels(() => true, 1), store);
  metrics.accepted('Andet-LPS');
  metrics.accepted('Pilot-LPS');
  assert.deepEqual(await counts(metrics), [
    'plsp_messages_received_total{lps_system="Pilot-LPS",outcome="accepted"} 2',
    'plsp_messages_received_total{lps_system="(øvrige)",outcome="accepted"} 1',
  ]);
  db.close();
});

test('counts the database keeps that this version does not know (another counter, no system label) are left alone', async () => {
  const db = openHubDatabase();
  const store = new CounterStore(db);
  store.increment('plsp_retired_total', { lps_system: 'Gammelt-LPS' }, 5);
  store.increment('plsp_messages_received_total', { outcome: 'refused' }, 2);
  const metrics = new HubMetrics(new SystemLabels(() => true, 1), store);
  metrics.accepted('Pilot-LPS');
  assert.deepEqual(await counts(metrics), [
    'plsp_messages_received_total{outcome="refused"} 2',
    'plsp_messages_received_total{lps_system="Pilot-LPS",outcome="accepted"} 1',
  ]);
  db.close();
});

test('the counter store adds up counts whatever order their labels were given in', () => {
  const db = openHubDatabase();
  const store = new CounterStore(db);
  store.increment('plsp_results_forwarded_total', { lps_system: 'Pilot-LPS', databank: 'LABA' }, 1);
  store.increment('plsp_results_forwarded_total', { databank: 'LABA', lps_system: 'Pilot-LPS' }, 2);
  assert.deepEqual(store.all(), [{ metric: 'plsp_results_forwarded_total', labels: { databank: 'LABA', lps_system: 'Pilot-LPS' }, value: 3 }]);
  db.close();
});

test('the hub database is in memory by default, and a file is written ahead (WAL) so a kill loses no commit', () => {
  const memory = openHubDatabase();
  assert.equal(memory.pragma('journal_mode', { simple: true }), 'memory');
  memory.close();
  inDatabaseFile((file) => {
    const db = openHubDatabase(file);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    new CounterStore(db).increment('plsp_results_cancelled_total', { lps_system: 'Pilot-LPS' }, 1);
    assert.ok(existsSync(`${file}-wal`), 'no write-ahead log beside the database file');
    db.close();
  });
});
