/** MON-01: what each LPS system shared and what the hub forwarded to each databank, in Prometheus format. */
import { Counter, Registry } from 'prom-client';

export class HubMetrics {
  readonly registry = new Registry();
  private readonly received = new Counter({
    name: 'plsp_messages_received_total',
    help: 'Messages received from LPS systems, by system and outcome (accepted or refused)',
    labelNames: ['lps_system', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly shared = new Counter({
    name: 'plsp_results_shared_total',
    help: 'Local lab results shared by each LPS system, by letter type',
    labelNames: ['lps_system', 'letter_type'] as const,
    registers: [this.registry],
  });
  private readonly forwarded = new Counter({
    name: 'plsp_results_forwarded_total',
    help: 'Local lab results forwarded by PLSP to each databank, by the LPS system they came from',
    labelNames: ['databank', 'lps_system'] as const,
    registers: [this.registry],
  });

  private readonly resent = new Counter({
    name: 'plsp_results_resent_total',
    help: 'Results an LPS system sent again with the same content as before (a resend; not counted as shared or forwarded again), by databank',
    labelNames: ['lps_system', 'databank'] as const,
    registers: [this.registry],
  });

  private readonly cancelled = new Counter({
    name: 'plsp_results_cancelled_total',
    help: 'Results cancelled in the databanks at the request of each LPS system (LABA-05)',
    labelNames: ['lps_system'] as const,
    registers: [this.registry],
  });

  accepted(system: string): void {
    this.received.inc({ lps_system: system, outcome: 'accepted' });
  }

  refused(system: string): void {
    this.received.inc({ lps_system: system, outcome: 'refused' });
  }

  resultsShared(system: string, letterType: string, count: number): void {
    this.shared.inc({ lps_system: system, letter_type: letterType }, count);
  }

  resultsForwarded(system: string, databank: string, count: number): void {
    this.forwarded.inc({ databank, lps_system: system }, count);
  }

  resultsResent(system: string, databank: string, count: number): void {
    this.resent.inc({ lps_system: system, databank }, count);
  }

  resultsCancelled(system: string, count: number): void {
    this.cancelled.inc({ lps_system: system }, count);
  }
}
