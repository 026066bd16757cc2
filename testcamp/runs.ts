/**
 * A vendor's runs: each is a child process of the suite in remote mode with LPS=vendor against the camp's own stubs
 * (scripts/run-suite.ts, E2E_PRESET = the camp's preset, VENDOR_LPS_SYSTEM = the session's system), with its own
 * reports folder (E2E_REPORTS_DIR = DATA/runs/<id>). The runner reads the tester channel from the child's standard
 * output and the scenario and step results from its cucumber messages as they are written, and keeps both in the
 * store. Several vendors run at once; one session has at most one run at a time. Everything the child prints goes
 * to kørsel.log in its reports folder; the leader's judgements go with the run as its manual attestations.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { platformVersion } from '../requirements/platform-version';
import { ATTESTATIONS_FILE, attestationsJson } from './attestations';
import { CucumberProgress } from './cucumber-progress';
import type { CampEvents } from './events';
import { FileTail } from './file-tail';
import type { CampStore, Run, VendorSession } from './store';
import { TesterChannelReader, type ChannelEvent } from './tester-channel';

const ROOT = path.resolve(__dirname, '..');
export const RUN_LOG = 'kørsel.log';

export interface RunnerSettings {
  dataDir: string;
  /** The preset (environments/presets format) that points the runs at the camp's stubs. */
  presetFile: string;
  /** How long a step waits for the vendor's LPS (VENDOR_TIMEOUT_S). */
  vendorTimeoutS: number;
  /** A tag expression every run is limited to (e.g. a short camp), or undefined for every scenario. */
  tags?: string;
}

interface Active {
  run: Run;
  child: ChildProcess;
  exited: Promise<void>;
}

export class RunConflictError extends Error {}

/**
 * Does a step that finished at finishedAtMs end the wait for an instruction given at givenAtMs? Only a step that
 * finished after it: the step before the waiting one can finish in the same millisecond as the instruction is
 * given (both times are whole milliseconds), and must not close it before the tester saw it.
 */
export function endsWaitFor(givenAtMs: number, finishedAtMs: number): boolean {
  return finishedAtMs > givenAtMs;
}

export class CampRunner {
  private readonly active = new Map<string, Active>();

  constructor(
    private readonly store: CampStore,
    private readonly events: CampEvents,
    private readonly settings: RunnerSettings,
  ) {}

  activeRun(sessionId: string): Run | undefined {
    return this.active.get(sessionId)?.run;
  }

  /** Starts the scenarios matching tagExpression (undefined: all) for the session; scope names it for people. */
  start(session: VendorSession, scope: string, tagExpression: string | undefined): Run {
    if (this.active.has(session.id)) throw new RunConflictError(`${session.system} har allerede en kørsel i gang; vent til den er færdig, eller stop den.`);
    const tags = [this.settings.tags, tagExpression].filter((tag): tag is string => tag !== undefined && tag !== '').map((tag) => `(${tag})`).join(' and ');
    // The child runs this checkout (ROOT): its report will name the same version; a stopped run writes none.
    const run = this.store.createRun(session.id, scope, tags, (id) => path.join(path.resolve(this.settings.dataDir), 'runs', String(id)), platformVersion(ROOT));
    mkdirSync(run.reportsDir, { recursive: true });
    const attestations = attestationsJson(this.store.judgements(session.id));
    if (attestations) writeFileSync(path.join(run.reportsDir, ATTESTATIONS_FILE), attestations);
    const log = createWriteStream(path.join(run.reportsDir, RUN_LOG));
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts', 'run-suite.ts'), 'remote', ...(tags ? ['--tags', tags] : [])], {
      cwd: ROOT,
      // Its own process group, so stopping a run stops cucumber and the browser it started too.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        E2E_ENV: 'remote',
        E2E_PRESET: this.settings.presetFile,
        E2E_REPORTS_DIR: run.reportsDir,
        LPS: 'vendor',
        VENDOR_LPS_SYSTEM: session.system,
        VENDOR_TIMEOUT_S: String(this.settings.vendorTimeoutS),
        FORCE_COLOR: '0',
        ...(attestations ? { E2E_ATTESTATIONS: path.join(run.reportsDir, ATTESTATIONS_FILE) } : {}),
      },
    });
    const changed = (): void => this.events.changed(session.id);
    const progress = new CucumberProgress(
      run.id,
      (scenario) => {
        this.store.saveScenario(session.id, scenario);
        changed();
      },
      (finishedAtMs) => this.closeInstructionsBefore(run, finishedAtMs),
    );
    const tail = new FileTail(path.join(run.reportsDir, 'messages.ndjson'), (line) => progress.line(line));
    tail.start();
    const channel = new TesterChannelReader();
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const event = channel.line(line.replace(/\r$/, ''));
        if (event) this.prompted(run, event);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => log.write(chunk));
    const exited = new Promise<void>((resolve) => {
      child.once('error', (error) => {
        log.write(`\nKørslen kunne ikke starte: ${error.message}\n`);
      });
      child.once('close', (code, signal) => {
        tail.stop();
        progress.abandon();
        this.store.closePrompts(run.id);
        const finishedNormally = code === 0 || code === 1;
        this.store.finishRun(run.id, finishedNormally ? 'færdig' : 'afbrudt', code ?? undefined);
        log.end(`\nKørslen sluttede ${signal ? `med signalet ${signal}` : `med kode ${code}`}.\n`);
        this.active.delete(session.id);
        changed();
        resolve();
      });
    });
    this.active.set(session.id, { run, child, exited });
    changed();
    return run;
  }

  /** Stops the session's run (its whole process group) and waits for it to end. */
  async stop(sessionId: string): Promise<void> {
    const active = this.active.get(sessionId);
    if (!active) return;
    if (active.child.pid !== undefined) {
      try {
        process.kill(-active.child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await active.exited;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.active.keys()].map((sessionId) => this.stop(sessionId)));
  }

  private prompted(run: Run, event: ChannelEvent): void {
    if (event.kind === 'instruktion') {
      this.store.closePrompts(run.id, 'instruktion');
      const since = typeof event.data.since === 'string' ? Date.parse(event.data.since) : Date.now();
      this.store.addPrompt({
        id: `${run.id}-i-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
        runId: run.id,
        sessionId: run.sessionId,
        kind: 'instruktion',
        text: event.text,
        data: event.data,
        deadline: new Date((Number.isNaN(since) ? Date.now() : since) + this.settings.vendorTimeoutS * 1000).toISOString(),
      });
    } else {
      this.store.addPrompt({
        id: `${run.id}-q-${event.id}`,
        runId: run.id,
        sessionId: run.sessionId,
        kind: 'spørgsmål',
        text: event.text,
        data: { ...event.data, answerUrl: event.answerUrl },
      });
    }
    this.events.changed(run.sessionId);
  }

  /** A step that finished after an instruction was given ends the wait for it (the LPS's message came, or time ran out). */
  private closeInstructionsBefore(run: Run, finishedAtMs: number): void {
    const open = this.store.openPrompts(run.sessionId).filter((prompt) => prompt.runId === run.id && prompt.kind === 'instruktion');
    const given = (prompt: (typeof open)[number]): number => (typeof prompt.data.since === 'string' ? Date.parse(prompt.data.since) : Date.parse(prompt.createdAt));
    if (open.some((prompt) => endsWaitFor(given(prompt), finishedAtMs))) {
      this.store.closePrompts(run.id, 'instruktion');
      this.events.changed(run.sessionId);
    }
  }
}
