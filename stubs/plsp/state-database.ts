/**
 * The hub's own SQLite database: its journal (journal.ts) and its monitoring counters (counter-store.ts).
 * ':memory:' (the default) starts empty every run; a file (PLSP_DB, `lokalsvar stubs --data DIR`) keeps both across
 * restarts. Every write is committed before the hub answers, so a `kill -9` loses nothing that got a receipt.
 */
import Database from 'better-sqlite3';

export type HubDatabase = Database.Database;

export function openHubDatabase(path = ':memory:'): HubDatabase {
  const db = new Database(path);
  // A file writes ahead (WAL); SQLite keeps an in-memory database's own 'memory' journal and ignores the request there.
  db.pragma('journal_mode = WAL');
  return db;
}
