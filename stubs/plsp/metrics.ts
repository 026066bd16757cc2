/**
 * MON-01: what each LPS system shared and what the hub forwarded to each databank, in Prometheus format.
 * The `lps_system` label is bounded (system-labels.ts). With a CounterStore the counts are kept in the hub's
 * database and read back at start, so a restart goes on from where it was.
 */
import { Counter, Registry } from 'prom-client';
import { PLSP_METRICS } from '../../contracts/plsp';
import type { CounterLabels, CounterStore } from './counter-store';
import { SystemLabels } from './system-labels';

export class HubMetrics {
  readonly registry = new Registry();
  /** Every counter by its metric name (the name a CounterStore keeps its counts under), and back. */
  private readonly counters = new Map<string, Counter<string>>();
  private readonly names = new Map<Counter<string>, string>();
  private readonly received = this.counter(
    PLSP_METRICS.received,
    'Messages received from LPS systems, by system and outcome (accepted or refused)',
    ['lps_system', 'outcome'],
  );
  private readonly shared = this.counter(
    PLSP_METRICS.shared,
    'Local lab results shared by each LPS system, by letter type',
    ['lps_system', 'letter_type'],
  );
  private readonly forwarded = this.counter(
    PLSP_METRICS.forwarded,
    'Local lab results forwarded by PLSP to each databank, by the LPS system they came from',
    ['databank', 'lps_system'],
  );
  private readonly resent = this.counter(
    PLSP_METRICS.resent,
    'Results an LPS system sent again with the same content as before (a resend; not counted as shared or forwarded again), by databank',
    ['lps_system', 'databank'],
  );
  private readonly cancelled = this.counter(
    PLSP_METRICS.cancelled,
    'Results cancelled in the databanks at the request of each LPS system (LABA-05)',
    ['lps_system'],
  );

  constructor(
    private readonly labels: SystemLabels = new SystemLabels(() => true),
    private readonly store?: CounterStore,
  ) {
    if (!store) return;
    for (const saved of store.all()) {
      const counter = this.counters.get(saved.metric);
      if (!counter) continue;
      if (saved.labels.lps_system !== undefined) labels.remember(saved.labels.lps_system);
      counter.inc(saved.labels, saved.value);
    }
  }

  private count(counter: Counter<string>, labels: CounterLabels, value = 1): void {
    counter.inc(labels, value);
    this.store?.increment(this.names.get(counter)!, labels, value);
  }

  private counter(name: string, help: string, labelNames: string[]): Counter<string> {
    const counter = new Counter({ name, help, labelNames, registers: [this.registry] });
    this.counters.set(name, counter);
    this.names.set(counter, name);
    return counter;
  }

  accepted(system: string): void {
    this.count(this.received, { lps_system: this.labels.label(system), outcome: 'accepted' });
  }

  refused(system: string): void {
    this.count(this.received, { lps_system: this.labels.label(system), outcome: 'refused' });
  }

  resultsShared(system: string, letterType: string, count: number): void {
    this.count(this.shared, { lps_system: this.labels.label(system), letter_type: letterType }, count);
  }

  resultsForwarded(system: string, databank: string, count: number): void {
    this.count(this.forwarded, { databank, lps_system: this.labels.label(system) }, count);
  }

  resultsResent(system: string, databank: string, count: number): void {
    this.count(this.resent, { lps_system: this.labels.label(system), databank }, count);
  }

  resultsCancelled(system: string, count: number): void {
    this.count(this.cancelled, { lps_system: this.labels.label(system) }, count);
  }
}
