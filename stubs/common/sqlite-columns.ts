/**
 * Opening a `--data` folder written by an earlier version: SQLite's `CREATE TABLE IF NOT EXISTS` leaves an existing
 * table as it was, so the columns added since are added here, with their defaults, before anything uses them.
 */
import type Database from 'better-sqlite3';

/** Adds each column (name → SQL definition) the table lacks; a column already there is left alone. */
export function addMissingColumns(db: Database.Database, table: string, columns: Readonly<Record<string, string>>): void {
  const present = new Set(db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all().map((column) => column.name));
  for (const [name, definition] of Object.entries(columns)) {
    if (!present.has(name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${definition}`);
  }
}
