/**
 * The hub's journal of cancellations (LABA-05): who asked to cancel what, when, and what the databanks cancelled.
 * A vendor-mode run reads it to see that a vendor's LPS cancelled the results it sent for a wrong patient id.
 * Bounded: the oldest entries go first.
 */
import type { Cancellation } from '../../contracts/databank';

export interface CancellationEntry extends Cancellation {
  lpsSystem?: string;
  receivedAt: string;
  httpStatus: number;
  cancelled?: { LABA: number; MiBa: number };
  error?: string;
}

export class CancellationJournal {
  private readonly entries: CancellationEntry[] = [];

  constructor(private readonly capacity = 10_000) {}

  record(entry: CancellationEntry): void {
    this.entries.push(entry);
    while (this.entries.length > this.capacity) this.entries.shift();
  }

  /** Oldest first; optionally only one patient id, one LPS system, or received since a time. */
  list(filter: { patient?: string; system?: string; since?: string } = {}): CancellationEntry[] {
    return this.entries
      .filter((entry) => filter.patient === undefined || entry.patientId === filter.patient)
      .filter((entry) => filter.system === undefined || entry.lpsSystem === filter.system)
      .filter((entry) => filter.since === undefined || entry.receivedAt >= filter.since);
  }
}
