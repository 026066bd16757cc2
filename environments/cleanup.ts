/**
 * One process-wide registry of cleanups (containers, browsers, servers). It is the process's single handler of
 * SIGINT, SIGTERM and SIGHUP while anything is registered: on a signal it runs every cleanup once, newest first,
 * then exits with 128 + the signal number (130, 143, 129). A second signal exits at once. When the event loop
 * drains with cleanups still registered they run too; if the process exits without running them (someone called
 * process.exit), each cleanup's synchronous `onExit` fallback runs instead.
 *
 * Register everything that must not outlive the run here, rather than adding signal handlers of your own.
 */

export interface CleanupOptions {
  /** Best-effort synchronous fallback for process 'exit', where async work cannot run. */
  onExit?: () => void;
}

interface Entry {
  name: string;
  run: () => Promise<void>;
  onExit?: () => void;
}

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type HandledSignal = keyof typeof SIGNAL_EXIT_CODES;
/** How long cleanups may take after a signal before the process exits anyway. */
const SIGNAL_CLEANUP_TIMEOUT_MS = 30_000;

const entries: Entry[] = [];
/** Cleanups taken from the registry and still running: their onExit fallback still applies. */
const running = new Set<Entry>();
let handlersInstalled = false;
let signalled: HandledSignal | undefined;

/** Registers a cleanup; returns a function that unregisters it (call it once the thing is stopped). */
export function registerCleanup(name: string, run: () => Promise<void>, options: CleanupOptions = {}): () => void {
  const entry: Entry = { name, run, onExit: options.onExit };
  entries.push(entry);
  installHandlers();
  return () => {
    remove(entry);
  };
}

/** Names of the cleanups running or still registered. */
export function pendingCleanups(): string[] {
  return [...running, ...entries].map((entry) => entry.name);
}

/**
 * Runs (and unregisters) every registered cleanup, newest first, one at a time. Every cleanup runs even when an
 * earlier one fails; the failures are thrown together afterwards.
 */
export async function runCleanups(): Promise<void> {
  const errors: unknown[] = [];
  for (let entry = entries.at(-1); entry; entry = entries.at(-1)) {
    running.add(entry);
    remove(entry);
    try {
      await entry.run();
    } catch (error) {
      errors.push(new Error(`cleanup "${entry.name}" failed: ${(error as Error)?.message ?? String(error)}`));
    } finally {
      running.delete(entry);
    }
  }
  uninstallWhenIdle();
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, errors.map((error) => (error as Error).message).join('; '));
}

function remove(entry: Entry): void {
  const index = entries.indexOf(entry);
  if (index >= 0) entries.splice(index, 1);
  uninstallWhenIdle();
}

function uninstallWhenIdle(): void {
  if (entries.length === 0 && running.size === 0 && signalled === undefined) uninstallHandlers();
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of Object.keys(SIGNAL_EXIT_CODES) as HandledSignal[]) process.on(signal, onSignal);
  process.on('beforeExit', onBeforeExit);
  process.on('exit', onExit);
}

function uninstallHandlers(): void {
  if (!handlersInstalled) return;
  handlersInstalled = false;
  for (const signal of Object.keys(SIGNAL_EXIT_CODES) as HandledSignal[]) process.off(signal, onSignal);
  process.off('beforeExit', onBeforeExit);
  process.off('exit', onExit);
}

function onSignal(signal: HandledSignal): void {
  const exitCode = SIGNAL_EXIT_CODES[signal];
  if (signalled !== undefined) {
    process.stderr.write(`lokalsvar-e2e: ${signal} again: exiting without finishing cleanup (${pendingCleanups().join(', ')})\n`);
    process.exit(exitCode);
  }
  signalled = signal;
  process.stderr.write(`lokalsvar-e2e: ${signal}: cleaning up ${pendingCleanups().join(', ')}\n`);
  const deadline = setTimeout(() => {
    process.stderr.write(`lokalsvar-e2e: cleanup still running after ${SIGNAL_CLEANUP_TIMEOUT_MS} ms; exiting\n`);
    process.exit(exitCode);
  }, SIGNAL_CLEANUP_TIMEOUT_MS);
  runCleanups()
    .catch((error: unknown) => process.stderr.write(`lokalsvar-e2e: ${(error as Error).message}\n`))
    .finally(() => {
      clearTimeout(deadline);
      process.exit(exitCode);
    });
}

function onBeforeExit(): void {
  if (entries.length === 0 || signalled !== undefined) return;
  runCleanups().catch((error: unknown) => {
    process.stderr.write(`lokalsvar-e2e: ${(error as Error).message}\n`);
    process.exitCode ||= 1;
  });
}

function onExit(): void {
  for (const entry of [...running, ...[...entries].reverse()]) {
    try {
      entry.onExit?.();
    } catch {
      // Best effort: the next run removes what is left (see the containers environment's leftover sweep).
    }
  }
}
