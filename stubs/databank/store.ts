/**
 * The databank's storage: SQLite (better-sqlite3). Every upload is kept as received (messages) and every
 * result as a versioned record (results). A result's identity is its key (LABA-06): patient id, requisition id,
 * analysis code and producer code. The same content under the same key again is a duplicate and stored once;
 * other content under the same key (a correction) becomes the next version, the old one kept as history.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { ResultRecord } from './records';

export interface StoredResult {
  id: number;
  key: string;
  version: number;
  cancelled: boolean;
  receivedAt: string;
  record: ResultRecord;
}

export interface StoreOutcome {
  stored: number;
  duplicates: number;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    envelope_identifier TEXT NOT NULL,
    received_at TEXT NOT NULL,
    xml TEXT NOT NULL
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
    UNIQUE (result_key, version)
  );
  CREATE INDEX IF NOT EXISTS results_patient ON results (patient_id);
  CREATE TABLE IF NOT EXISTS practices (
    ydernummer TEXT PRIMARY KEY,
    name TEXT NOT NULL
  );
`;

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

  private readonly storeTransaction: (envelopeIdentifier: string, xml: string, records: ResultRecord[], receivedAt: string) => StoreOutcome;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
    const latest = this.db.prepare<[string], { version: number; content_hash: string }>(
      'SELECT version, content_hash FROM results WHERE result_key = ? ORDER BY version DESC LIMIT 1',
    );
    const insertMessage = this.db.prepare('INSERT INTO messages (envelope_identifier, received_at, xml) VALUES (?, ?, ?)');
    const insertResult = this.db.prepare(
      `INSERT INTO results (result_key, version, content_hash, patient_id, producer_code, envelope_identifier, received_at, record)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.storeTransaction = this.db.transaction((envelopeIdentifier: string, xml: string, records: ResultRecord[], receivedAt: string): StoreOutcome => {
      insertMessage.run(envelopeIdentifier, receivedAt, xml);
      let stored = 0;
      let duplicates = 0;
      for (const record of records) {
        const key = resultKey(record);
        const hash = contentHash(record);
        const previous = latest.get(key);
        if (previous?.content_hash === hash) {
          duplicates += 1;
          continue;
        }
        const version = (previous?.version ?? 0) + 1;
        insertResult.run(key, version, hash, record.patientId, record.producerCode, envelopeIdentifier, receivedAt, JSON.stringify(record));
        stored += 1;
      }
      return { stored, duplicates };
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
  storeMessage(envelopeIdentifier: string, xml: string, records: ResultRecord[]): StoreOutcome {
    return this.storeTransaction(envelopeIdentifier, xml, records, new Date().toISOString());
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

  /** The message exactly as it was received, or undefined. */
  messageXml(envelopeIdentifier: string): string | undefined {
    const row = this.db
      .prepare<[string], { xml: string }>('SELECT xml FROM messages WHERE envelope_identifier = ? ORDER BY id LIMIT 1')
      .get(envelopeIdentifier);
    return row?.xml;
  }

  close(): void {
    this.db.close();
  }
}
