/**
 * The hub's journal of what it received: one entry per message, with its outcome and every finding (warnings too,
 * such as a missing national sample number, LABA-03). Vendors and scenarios read it to see what the hub made of a
 * message. Bounded: the oldest entries go first.
 */
import type { Emessage, Finding } from '../../medcom/model';

export interface JournalEntry {
  envelopeIdentifier?: string;
  lpsSystem?: string;
  receivedAt: string;
  httpStatus: number;
  receipt: 'XCTL03' | 'XCTL02';
  refuseCode?: string;
  findings: Finding[];
  /** Letter types, patient ids and analysis codes the message carried (for correlating a vendor's message). */
  letterTypes: string[];
  patientIds: string[];
  analysisCodes: string[];
}

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

  /** Newest first; optionally only those of one envelope or one patient. */
  list(filter: { envelope?: string; patient?: string } = {}): JournalEntry[] {
    return this.entries
      .filter((entry) => filter.envelope === undefined || entry.envelopeIdentifier === filter.envelope)
      .filter((entry) => filter.patient === undefined || entry.patientIds.includes(filter.patient))
      .reverse();
  }
}
