/**
 * The hub's journal of what it received: one entry per message, with its outcome and every finding (warnings too,
 * such as a missing national sample number, LABA-03). Vendors and scenarios read it to see what the hub made of a
 * message. Bounded: the oldest entries go first.
 */
import type { HubJournalEntry as JournalEntry, JournalFilter } from '../../contracts/plsp';
import type { Emessage } from '../../medcom/model';

/** Larger messages are journalled without their text. */
export const MAX_KEPT_BYTES = 256 * 1024;

export function contentsOf(message: Emessage | undefined): Pick<JournalEntry, 'letterTypes' | 'patientIds' | 'analysisCodes'> {
  const letters = message?.letters ?? [];
  return {
    letterTypes: letters.map((letter) => letter.kind),
    patientIds: letters.map((letter) => letter.patient.civilRegistrationNumber ?? letter.patient.alternativeIdentifier ?? ''),
    analysisCodes: letters.flatMap((letter) =>
      letter.kind === 'XRPT01'
        ? letter.results.map((result) => result.analysis.analysisCode)
        : letter.investigations.map((investigation) => investigation.examination.micAnalysisCode),
    ),
  };
}

export class MessageJournal {
  private readonly entries: JournalEntry[] = [];

  constructor(private readonly capacity = 10_000) {}

  record(entry: JournalEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** Newest first; optionally only those of one envelope, one patient, one LPS system, or received since a time. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    return this.entries
      .filter((entry) => filter.envelope === undefined || entry.envelopeIdentifier === filter.envelope)
      .filter((entry) => filter.patient === undefined || entry.patientIds.includes(filter.patient))
      .filter((entry) => filter.system === undefined || entry.lpsSystem === filter.system)
      .filter((entry) => filter.since === undefined || entry.receivedAt >= filter.since)
      .reverse();
  }
}
