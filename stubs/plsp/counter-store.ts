/**
 * The monitoring counters' values in the hub's SQLite database (state-database.ts), so that a restart with a
 * database file (PLSP_DB, `lokalsvar stubs --data DIR`) goes on counting from where it was. Each increment is
 * committed before the hub answers.
 */
import type { HubDatabase } from './state-database';

export type CounterLabels = Record<string, string>;

export interface SavedCount {
  metric: string;
  labels: CounterLabels;
  value: number;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS counters (
    metric TEXT NOT NULL,
    labels TEXT NOT NULL,
    value REAL NOT NULL,
    PRIMARY KEY (metric, labels)
  );
`;

/** Labels as a key that does not depend on the order they were written in. */
function labelKey(labels: CounterLabels): string {
  return JSON.stringify(Object.fromEntries(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b))));
}

export class CounterStore {
  private readonly add: (metric: string, labels: string, value: number) => unknown;

  constructor(private readonly db: HubDatabase) {
    db.exec(SCHEMA);
    const upsert = db.prepare('INSERT INTO counters (metric, labels, value) VALUES (?, ?, ?) ON CONFLICT (metric, labels) DO UPDATE SET value = value + excluded.value');
    this.add = (metric, labels, value) => upsert.run(metric, labels, value);
  }

  increment(metric: string, labels: CounterLabels, value: number): void {
    this.add(metric, labelKey(labels), value);
  }

  all(): SavedCount[] {
    return this.db
      .prepare<[], { metric: string; labels: string; value: number }>('SELECT metric, labels, value FROM counters ORDER BY metric, labels')
      .all()
      .map((row) => ({ metric: row.metric, labels: JSON.parse(row.labels) as CounterLabels, value: row.value }));
  }
}
