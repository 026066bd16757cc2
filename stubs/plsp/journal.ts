/**
 * The hub's journal of what it received: one entry per message, with its outcome and every finding (warnings too,
 * such as a missing national sample number, LABA-03). Vendors and scenarios read it to see what the hub made of a
 * message.
 *
 * Kept in the hub's SQLite database (state-database.ts): in memory by default, on disk with PLSP_DB. Bounded in
 * entries and in bytes (JournalLimits; an entry's size is the size of its JSON): when a new entry takes the journal
 * over either bound, the oldest entries go first, so the journal keeps answering at its bound. A single entry larger
 * than the byte bound is kept alone (a message's text is kept only up to MAX_KEPT_BYTES). The listing is paged:
 * newest first, `limit` entries a page, `before` an entry id to go on from.
 */
import type { HubJournalEntry as JournalEntry, JournalFilter, JournalPage, JournalPageRequest, ListedJournalEntry } from '../../contracts/plsp';
import type { Emessage } from '../../medcom/model';
import { openHubDatabase, type HubDatabase } from './state-database';

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

export interface JournalLimits {
  maxEntries: number;
  /** The most bytes of entries (their JSON, UTF-8) the journal keeps. */
  maxBytes: number;
}

/** 10,000 entries or 64 MB, whichever is reached first (PLSP_JOURNAL_MAX_ENTRIES, PLSP_JOURNAL_MAX_BYTES). */
export const DEFAULT_JOURNAL_LIMITS: JournalLimits = { maxEntries: 10_000, maxBytes: 64 * 1024 * 1024 };

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** An entry as listed: with its id, the cursor for paging. */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS journal (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    envelope_identifier TEXT,
    lps_system TEXT,
    received_at TEXT NOT NULL,
    patient_ids TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    entry TEXT NOT NULL
  );
`;

export class MessageJournal {
  private readonly db: HubDatabase;
  private readonly ownsDatabase: boolean;
  private entryCount: number;
  private byteCount: number;
  private readonly append: (entry: JournalEntry) => void;

  constructor(db?: HubDatabase, readonly limits: JournalLimits = DEFAULT_JOURNAL_LIMITS) {
    this.ownsDatabase = db === undefined;
    this.db = db ?? openHubDatabase();
    this.db.exec(SCHEMA);
    // An aggregate query answers one row, also on an empty table (whose SUM is NULL).
    const totals = this.db.prepare<[], { entries: number; bytes: number | null }>('SELECT COUNT(*) AS entries, SUM(bytes) AS bytes FROM journal').get()!;
    this.entryCount = totals.entries;
    this.byteCount = totals.bytes ?? 0;
    const insert = this.db.prepare(
      'INSERT INTO journal (envelope_identifier, lps_system, received_at, patient_ids, bytes, entry) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const oldest = this.db.prepare<[], { id: number; bytes: number }>('SELECT id, bytes FROM journal ORDER BY id LIMIT 1');
    const remove = this.db.prepare('DELETE FROM journal WHERE id = ?');
    this.append = this.db.transaction((entry: JournalEntry) => {
      const json = JSON.stringify(entry);
      const bytes = Buffer.byteLength(json);
      insert.run(entry.envelopeIdentifier ?? null, entry.lpsSystem ?? null, entry.receivedAt, JSON.stringify(entry.patientIds), bytes, json);
      this.entryCount += 1;
      this.byteCount += bytes;
      while (this.entryCount > 1 && (this.entryCount > this.limits.maxEntries || this.byteCount > this.limits.maxBytes)) {
        const row = oldest.get();
        if (!row) break;
        remove.run(row.id);
        this.entryCount -= 1;
        this.byteCount -= row.bytes;
      }
    });
  }

  /** Committed before it returns: once the hub has answered, its entry survives a crash (with a database file). */
  record(entry: JournalEntry): void {
    this.append(entry);
  }

  /** How many entries and bytes the journal holds now. */
  size(): { entries: number; bytes: number } {
    return { entries: this.entryCount, bytes: this.byteCount };
  }

  /** Newest first, a page at a time; optionally only those of one envelope, one patient, one LPS system, or received since a time. */
  page(filter: JournalFilter = {}, request: JournalPageRequest = {}): JournalPage {
    const limit = Math.min(Math.max(request.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
    const where: string[] = [];
    const params: (string | number)[] = [];
    const condition = (sql: string, value: string | number | undefined): void => {
      if (value === undefined) return;
      where.push(sql);
      params.push(value);
    };
    condition('envelope_identifier = ?', filter.envelope);
    condition('EXISTS (SELECT 1 FROM json_each(journal.patient_ids) WHERE value = ?)', filter.patient);
    condition('lps_system = ?', filter.system);
    condition('received_at >= ?', filter.since);
    condition('id < ?', request.before);
    const rows = this.db
      .prepare<(string | number)[], { id: number; entry: string }>(
        `SELECT id, entry FROM journal ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
      )
      .all(...params, limit + 1);
    const messages = rows.slice(0, limit).map((row) => ({ ...(JSON.parse(row.entry) as JournalEntry), id: row.id }));
    return rows.length > limit ? { messages, next: messages.at(-1)!.id } : { messages };
  }

  /** Newest first, the first page (see page()). */
  list(filter: JournalFilter = {}): ListedJournalEntry[] {
    return this.page(filter).messages;
  }

  close(): void {
    if (this.ownsDatabase) this.db.close();
  }
}
