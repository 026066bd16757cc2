/**
 * The camp's memory: one SQLite file (DATA/testcamp.sqlite) with the vendor sessions, their runs, the latest
 * result of every scenario per session, the instructions and questions a run gave (with the answers), and the
 * test leader's judgements. Every write is committed at once, so a restart of `lokalsvar testcamp` keeps all of it.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

export interface VendorSession {
  id: string;
  system: string;
  producerCode: string;
  ean: string;
  contact: string;
  createdAt: string;
}

export type RunState = 'kører' | 'færdig' | 'afbrudt';

export interface Run {
  id: number;
  sessionId: string;
  /** What the tester asked for, in Danish: "alle scenarier", "DEL-02", "det fejlede igen". */
  scope: string;
  tags: string;
  state: RunState;
  exitCode?: number;
  startedAt: string;
  finishedAt?: string;
  reportsDir: string;
  /** The platform version (git commit or package version) the run was started on, when known. */
  platformVersion?: string;
}

/** A scenario's latest state for a session: afventer (queued in a run), kører, bestået, fejlet, sprunget over. */
export type ScenarioOutcome = 'afventer' | 'kører' | 'bestået' | 'fejlet' | 'sprunget over' | 'afbrudt';

export interface StepResult {
  text: string;
  status?: string;
  message?: string;
}

export interface ScenarioResult {
  key: string;
  name: string;
  uri: string;
  rules: string[];
  outcome: ScenarioOutcome;
  error?: string;
  steps: StepResult[];
  runId: number;
  updatedAt: string;
}

export type PromptKind = 'instruktion' | 'spørgsmål';

export interface Prompt {
  id: string;
  runId: number;
  sessionId: string;
  kind: PromptKind;
  text: string;
  data: Record<string, unknown>;
  createdAt: string;
  deadline?: string;
  closedAt?: string;
  answer?: { svar: 'ja' | 'nej'; note: string; bilag?: string; at: string; relayStatus?: number };
}

export type JudgementVerdict = 'opfyldt' | 'ikke opfyldt' | 'kommentar';

export interface Judgement {
  id: number;
  sessionId: string;
  rule: string;
  verdict: JudgementVerdict;
  comment: string;
  at: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, system TEXT NOT NULL UNIQUE, producer_code TEXT NOT NULL, ean TEXT NOT NULL,
  contact TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, scope TEXT NOT NULL, tags TEXT NOT NULL,
  state TEXT NOT NULL, exit_code INTEGER, started_at TEXT NOT NULL, finished_at TEXT, reports_dir TEXT NOT NULL, platform_version TEXT);
CREATE TABLE IF NOT EXISTS scenarios (session_id TEXT NOT NULL, scenario_key TEXT NOT NULL, name TEXT NOT NULL, uri TEXT NOT NULL,
  rules TEXT NOT NULL, outcome TEXT NOT NULL, error TEXT, steps TEXT NOT NULL, run_id INTEGER NOT NULL, updated_at TEXT NOT NULL,
  PRIMARY KEY (session_id, scenario_key));
CREATE TABLE IF NOT EXISTS prompts (id TEXT PRIMARY KEY, run_id INTEGER NOT NULL, session_id TEXT NOT NULL, kind TEXT NOT NULL,
  text TEXT NOT NULL, data TEXT NOT NULL, created_at TEXT NOT NULL, deadline TEXT, closed_at TEXT, answer TEXT);
CREATE TABLE IF NOT EXISTS judgements (id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, rule TEXT NOT NULL,
  verdict TEXT NOT NULL, comment TEXT NOT NULL, at TEXT NOT NULL);
`;

type Row = Record<string, unknown>;

const now = (): string => new Date().toISOString();

function sessionOf(row: Row): VendorSession {
  return {
    id: String(row.id),
    system: String(row.system),
    producerCode: String(row.producer_code),
    ean: String(row.ean),
    contact: String(row.contact),
    createdAt: String(row.created_at),
  };
}

function runOf(row: Row): Run {
  return {
    id: Number(row.id),
    sessionId: String(row.session_id),
    scope: String(row.scope),
    tags: String(row.tags),
    state: row.state as RunState,
    ...(row.exit_code === null ? {} : { exitCode: Number(row.exit_code) }),
    startedAt: String(row.started_at),
    ...(row.finished_at === null ? {} : { finishedAt: String(row.finished_at) }),
    reportsDir: String(row.reports_dir),
    ...(typeof row.platform_version === 'string' ? { platformVersion: row.platform_version } : {}),
  };
}

function scenarioOf(row: Row): ScenarioResult {
  return {
    key: String(row.scenario_key),
    name: String(row.name),
    uri: String(row.uri),
    rules: JSON.parse(String(row.rules)) as string[],
    outcome: row.outcome as ScenarioOutcome,
    ...(row.error === null ? {} : { error: String(row.error) }),
    steps: JSON.parse(String(row.steps)) as StepResult[],
    runId: Number(row.run_id),
    updatedAt: String(row.updated_at),
  };
}

function promptOf(row: Row): Prompt {
  return {
    id: String(row.id),
    runId: Number(row.run_id),
    sessionId: String(row.session_id),
    kind: row.kind as PromptKind,
    text: String(row.text),
    data: JSON.parse(String(row.data)) as Record<string, unknown>,
    createdAt: String(row.created_at),
    ...(row.deadline === null ? {} : { deadline: String(row.deadline) }),
    ...(row.closed_at === null ? {} : { closedAt: String(row.closed_at) }),
    ...(row.answer === null ? {} : { answer: JSON.parse(String(row.answer)) as Prompt['answer'] }),
  };
}

export class CampStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
    // A camp file from before runs recorded their platform version.
    const columns = this.db.prepare('PRAGMA table_info(runs)').all() as Row[];
    if (!columns.some((column) => column.name === 'platform_version')) this.db.exec('ALTER TABLE runs ADD COLUMN platform_version TEXT');
  }

  close(): void {
    this.db.close();
  }

  setting(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as Row | undefined;
    return row ? String(row.value) : undefined;
  }

  setSetting(key: string, value: string): void {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  createSession(fields: Omit<VendorSession, 'id' | 'createdAt'>, tokenHash: string): VendorSession {
    const session = { ...fields, id: randomUUID(), createdAt: now() };
    this.db
      .prepare('INSERT INTO sessions (id, system, producer_code, ean, contact, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(session.id, session.system, session.producerCode, session.ean, session.contact, tokenHash, session.createdAt);
    return session;
  }

  setSessionToken(id: string, tokenHash: string): void {
    this.db.prepare('UPDATE sessions SET token_hash = ? WHERE id = ?').run(tokenHash, id);
  }

  sessions(): VendorSession[] {
    return (this.db.prepare('SELECT * FROM sessions ORDER BY created_at').all() as Row[]).map(sessionOf);
  }

  session(id: string): VendorSession | undefined {
    const row = this.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as Row | undefined;
    return row ? sessionOf(row) : undefined;
  }

  sessionBySystem(system: string): VendorSession | undefined {
    const row = this.db.prepare('SELECT * FROM sessions WHERE system = ?').get(system) as Row | undefined;
    return row ? sessionOf(row) : undefined;
  }

  sessionByTokenHash(tokenHash: string): VendorSession | undefined {
    const row = this.db.prepare('SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash) as Row | undefined;
    return row ? sessionOf(row) : undefined;
  }

  createRun(sessionId: string, scope: string, tags: string, reportsDirOf: (id: number) => string, platformVersion?: string): Run {
    const insert = this.db.transaction(() => {
      const info = this.db
        .prepare("INSERT INTO runs (session_id, scope, tags, state, started_at, reports_dir, platform_version) VALUES (?, ?, ?, 'kører', ?, '', ?)")
        .run(sessionId, scope, tags, now(), platformVersion ?? null);
      const id = Number(info.lastInsertRowid);
      this.db.prepare('UPDATE runs SET reports_dir = ? WHERE id = ?').run(reportsDirOf(id), id);
      return id;
    });
    return this.run(insert()) as Run;
  }

  finishRun(id: number, state: RunState, exitCode: number | undefined): void {
    this.db.prepare('UPDATE runs SET state = ?, exit_code = ?, finished_at = ? WHERE id = ?').run(state, exitCode ?? null, now(), id);
  }

  run(id: number): Run | undefined {
    const row = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as Row | undefined;
    return row ? runOf(row) : undefined;
  }

  runs(sessionId: string): Run[] {
    return (this.db.prepare('SELECT * FROM runs WHERE session_id = ? ORDER BY id DESC').all(sessionId) as Row[]).map(runOf);
  }

  /** Runs left 'kører' by a camp that stopped: their processes are gone. */
  interruptUnfinishedRuns(): void {
    const at = now();
    this.db.transaction(() => {
      this.db.prepare("UPDATE runs SET state = 'afbrudt', finished_at = ? WHERE state = 'kører'").run(at);
      this.db.prepare("UPDATE scenarios SET outcome = 'afbrudt', updated_at = ? WHERE outcome IN ('afventer', 'kører')").run(at);
      this.db.prepare('UPDATE prompts SET closed_at = ? WHERE closed_at IS NULL').run(at);
    })();
  }

  saveScenario(sessionId: string, scenario: ScenarioResult): void {
    this.db
      .prepare(
        `INSERT INTO scenarios (session_id, scenario_key, name, uri, rules, outcome, error, steps, run_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (session_id, scenario_key) DO UPDATE SET name = excluded.name, uri = excluded.uri, rules = excluded.rules,
           outcome = excluded.outcome, error = excluded.error, steps = excluded.steps, run_id = excluded.run_id, updated_at = excluded.updated_at`,
      )
      .run(sessionId, scenario.key, scenario.name, scenario.uri, JSON.stringify(scenario.rules), scenario.outcome, scenario.error ?? null,
        JSON.stringify(scenario.steps), scenario.runId, scenario.updatedAt);
  }

  scenarios(sessionId: string): ScenarioResult[] {
    return (this.db.prepare('SELECT * FROM scenarios WHERE session_id = ? ORDER BY uri, scenario_key').all(sessionId) as Row[]).map(scenarioOf);
  }

  addPrompt(prompt: Omit<Prompt, 'createdAt' | 'closedAt' | 'answer'>): Prompt {
    const createdAt = now();
    this.db
      .prepare('INSERT INTO prompts (id, run_id, session_id, kind, text, data, created_at, deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(prompt.id, prompt.runId, prompt.sessionId, prompt.kind, prompt.text, JSON.stringify(prompt.data), createdAt, prompt.deadline ?? null);
    return { ...prompt, createdAt };
  }

  closePrompts(runId: number, kind?: PromptKind): void {
    if (kind) this.db.prepare('UPDATE prompts SET closed_at = ? WHERE run_id = ? AND kind = ? AND closed_at IS NULL').run(now(), runId, kind);
    else this.db.prepare('UPDATE prompts SET closed_at = ? WHERE run_id = ? AND closed_at IS NULL').run(now(), runId);
  }

  answerPrompt(id: string, answer: NonNullable<Prompt['answer']>): void {
    this.db.prepare('UPDATE prompts SET answer = ?, closed_at = ? WHERE id = ?').run(JSON.stringify(answer), answer.at, id);
  }

  prompt(id: string): Prompt | undefined {
    const row = this.db.prepare('SELECT * FROM prompts WHERE id = ?').get(id) as Row | undefined;
    return row ? promptOf(row) : undefined;
  }

  openPrompts(sessionId: string): Prompt[] {
    return (this.db.prepare('SELECT * FROM prompts WHERE session_id = ? AND closed_at IS NULL ORDER BY created_at').all(sessionId) as Row[]).map(promptOf);
  }

  answeredQuestions(sessionId: string): Prompt[] {
    return (
      this.db.prepare("SELECT * FROM prompts WHERE session_id = ? AND kind = 'spørgsmål' AND answer IS NOT NULL ORDER BY created_at DESC").all(sessionId) as Row[]
    ).map(promptOf);
  }

  addJudgement(sessionId: string, rule: string, verdict: JudgementVerdict, comment: string): void {
    this.db.prepare('INSERT INTO judgements (session_id, rule, verdict, comment, at) VALUES (?, ?, ?, ?, ?)').run(sessionId, rule, verdict, comment, now());
  }

  judgements(sessionId: string): Judgement[] {
    return (this.db.prepare('SELECT * FROM judgements WHERE session_id = ? ORDER BY id DESC').all(sessionId) as Row[]).map((row) => ({
      id: Number(row.id),
      sessionId: String(row.session_id),
      rule: String(row.rule),
      verdict: row.verdict as JudgementVerdict,
      comment: String(row.comment),
      at: String(row.at),
    }));
  }
}
