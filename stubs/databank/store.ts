/**
 * The databank's storage: SQLite (better-sqlite3). Every upload is kept byte for byte as received, with the HTTP
 * charset it came with (messages), and every
 * result as a versioned record (results). A result's identity is its key (LABA-06): patient id, requisition id,
 * analysis code and producer code. The same content under the same key again is a duplicate and stored once;
 * other content under the same key (a correction) becomes the next version, the old one kept as history.
 * An upload can be undone (the hub's compensation when another part of a mixed message failed): that removes
 * only what this upload newly stored and nobody has relied on since, never what an earlier upload stored.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { addMissingColumns } from '../common/sqlite-columns';
import type { ResultRecord, StoredResult, UndoResponse, UploadResponse } from '../../contracts/databank';

/** What storing one message did (the upload's answer). */
export type StoreOutcome = UploadResponse;

export type UndoOutcome = UndoResponse;

/** An uploaded message: its bytes exactly as received, and the charset its HTTP Content-Type named, if any. */
export interface StoredMessage {
  bytes: Buffer;
  charset: string | undefined;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    envelope_identifier TEXT NOT NULL,
    received_at TEXT NOT NULL,
    xml BLOB NOT NULL,
    charset TEXT
  );
  CREATE INDEX IF NOT EXISTS messages_envelope ON messages (envelope_identifier);
  CREATE TABLE IF NOT EXISTS results (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    result_key TEXT NOT NULL,
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    patient_id TEXT NOT NULL,
    producer_code TEXT NOT NULL,
    envelope_identifier TEXT NOT NULL,
    cancelled INTEGER NOT NULL DEFAULT 0,
    received_at TEXT NOT NULL,
    record TEXT NOT NULL,
    upload_id INTEGER,
    reconfirmed INTEGER NOT NULL DEFAULT 0,
    UNIQUE (result_key, version)
  );
  CREATE INDEX IF NOT EXISTS results_patient ON results (patient_id);
  CREATE TABLE IF NOT EXISTS practices (
    ydernummer TEXT PRIMARY KEY,
    name TEXT NOT NULL
  );
`;

/** Columns added after the first durable databanks (`--data`): an older file gets them on opening. */
const ADDED_COLUMNS = {
  messages: { charset: 'TEXT' },
  results: { upload_id: 'INTEGER', reconfirmed: 'INTEGER NOT NULL DEFAULT 0' },
} as const;

/** LABA-06: the fields that make two uploads the same result. */
export function resultKey(record: ResultRecord): string {
  return [record.patientId, record.requisitionId, record.analysisCode, record.producerCode].join('|');
}

/** What a result says, without where it travelled in (envelope and letter identifiers differ on a resend). */
function contentHash(record: ResultRecord): string {
  const { envelopeIdentifier: _envelope, letterIdentifier: _letter, ...content } = record;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

interface ResultRow {
  id: number;
  result_key: string;
  version: number;
  cancelled: number;
  received_at: string;
  record: string;
}

function toStoredResult(row: ResultRow): StoredResult {
  return {
    id: row.id,
    key: row.result_key,
    version: row.version,
    cancelled: row.cancelled === 1,
    receivedAt: row.received_at,
    record: JSON.parse(row.record) as ResultRecord,
  };
}

export class DatabankStore {
  private readonly db: Database.Database;

  private readonly storeTransaction: (envelopeIdentifier: string, message: StoredMessage, records: ResultRecord[], receivedAt: string) => StoreOutcome;

  private readonly undoTransaction: (upload: number) => UndoOutcome | undefined;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
    for (const [table, columns] of Object.entries(ADDED_COLUMNS)) addMissingColumns(this.db, table, columns);
    this.db.exec('CREATE INDEX IF NOT EXISTS results_upload ON results (upload_id)');
    const latest = this.db.prepare<[string], { id: number; version: number; content_hash: string }>(
      'SELECT id, version, content_hash FROM results WHERE result_key = ? ORDER BY version DESC LIMIT 1',
    );
    const insertMessage = this.db.prepare('INSERT INTO messages (envelope_identifier, received_at, xml, charset) VALUES (?, ?, ?, ?)');
    const insertResult = this.db.prepare(
      `INSERT INTO results (result_key, version, content_hash, patient_id, producer_code, envelope_identifier, received_at, record, upload_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const reconfirm = this.db.prepare('UPDATE results SET reconfirmed = 1 WHERE id = ?');
    this.storeTransaction = this.db.transaction((envelopeIdentifier: string, message: StoredMessage, records: ResultRecord[], receivedAt: string): StoreOutcome => {
      const upload = Number(insertMessage.run(envelopeIdentifier, receivedAt, message.bytes, message.charset ?? null).lastInsertRowid);
      let stored = 0;
      let duplicates = 0;
      for (const record of records) {
        const key = resultKey(record);
        const hash = contentHash(record);
        const previous = latest.get(key);
        if (previous?.content_hash === hash) {
          reconfirm.run(previous.id);
          duplicates += 1;
          continue;
        }
        const version = (previous?.version ?? 0) + 1;
        insertResult.run(key, version, hash, record.patientId, record.producerCode, envelopeIdentifier, receivedAt, JSON.stringify(record), upload);
        stored += 1;
      }
      return { upload, stored, duplicates };
    });
    const uploadExists = this.db.prepare<[number], { id: number }>('SELECT id FROM messages WHERE id = ?');
    // Removable: stored by this upload, not delivered again since (LABA-06 made that later upload rely on it),
    // and not superseded by a later version (a correction builds on it).
    const removable = this.db.prepare<[number], { id: number }>(
      `SELECT r.id FROM results r WHERE r.upload_id = ? AND r.reconfirmed = 0
         AND NOT EXISTS (SELECT 1 FROM results later WHERE later.result_key = r.result_key AND later.version > r.version)`,
    );
    const storedBy = this.db.prepare<[number], { count: number }>('SELECT COUNT(*) AS count FROM results WHERE upload_id = ?');
    const deleteResult = this.db.prepare('DELETE FROM results WHERE id = ?');
    const deleteMessage = this.db.prepare('DELETE FROM messages WHERE id = ?');
    this.undoTransaction = this.db.transaction((upload: number): UndoOutcome | undefined => {
      if (!uploadExists.get(upload)) return undefined;
      const total = storedBy.get(upload)?.count ?? 0;
      const rows = removable.all(upload);
      for (const row of rows) deleteResult.run(row.id);
      const kept = total - rows.length;
      if (kept === 0) deleteMessage.run(upload);
      return { removed: rows.length, kept };
    });
  }

  /** Learns (or updates) a practice's name from a message it sent. */
  rememberPractice(ydernummer: string, name: string): void {
    this.db.prepare('INSERT INTO practices (ydernummer, name) VALUES (?, ?) ON CONFLICT (ydernummer) DO UPDATE SET name = excluded.name').run(ydernummer, name);
  }

  /** The name of a practice by its ydernummer, as learned from the senders; undefined when unknown. */
  practiceName(ydernummer: string): string | undefined {
    return this.db.prepare<[string], { name: string }>('SELECT name FROM practices WHERE ydernummer = ?').get(ydernummer)?.name;
  }

  /** Stores one message and all its results atomically: all of it or, on any error, none of it. */
  storeMessage(envelopeIdentifier: string, message: StoredMessage, records: ResultRecord[]): StoreOutcome {
    return this.storeTransaction(envelopeIdentifier, message, records, new Date().toISOString());
  }

  /** Undoes one upload (see the header); undefined when there is no such upload (or it was undone already). */
  undoUpload(upload: number): UndoOutcome | undefined {
    return this.undoTransaction(upload);
  }

  /** LABA-05: cancels every version of every result a producer stored for a patient id; returns how many results. */
  cancelPatient(patientId: string, producerCode: string): number {
    const keys = this.db
      .prepare<[string, string], { result_key: string }>(
        'SELECT DISTINCT result_key FROM results WHERE patient_id = ? AND producer_code = ? AND cancelled = 0',
      )
      .all(patientId, producerCode);
    this.db.prepare('UPDATE results SET cancelled = 1 WHERE patient_id = ? AND producer_code = ?').run(patientId, producerCode);
    return keys.length;
  }

  /** Every version of every result for a patient, oldest first. */
  resultsForPatient(patientId: string): StoredResult[] {
    return this.db
      .prepare<[string], ResultRow>(
        'SELECT id, result_key, version, cancelled, received_at, record FROM results WHERE patient_id = ? ORDER BY id',
      )
      .all(patientId)
      .map(toStoredResult);
  }

  /** The message byte for byte as it was received, or undefined. */
  message(envelopeIdentifier: string): StoredMessage | undefined {
    const row = this.db
      .prepare<[string], { xml: Buffer | string; charset: string | null }>(
        'SELECT xml, charset FROM messages WHERE envelope_identifier = ? ORDER BY id LIMIT 1',
      )
      .get(envelopeIdentifier);
    if (!row) return undefined;
    // files written before messages were kept as bytes hold them as UTF-8 text
    return { bytes: typeof row.xml === 'string' ? Buffer.from(row.xml, 'utf8') : row.xml, charset: row.charset ?? undefined };
  }

  close(): void {
    this.db.close();
  }
}
