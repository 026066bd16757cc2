/**
 * Runs the steps of a script one after another, each in a process group of its own, and passes the first SIGINT,
 * SIGTERM or SIGHUP this process gets on to the running step's group, once; after a stop no further step starts.
 * The one home of that logic for scripts/run-suite.ts (ensure-browser, cucumber) and scripts/test-all.ts (`npm test`).
 *
 * Once: the same stop often arrives more than once (the terminal's group, npm and tsx each pass it on), and a second
 * signal would make cucumber exit without cleaning up.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
export type ForwardedSignal = keyof typeof SIGNAL_EXIT_CODES;

/** The step running now, and the signal that asked this process to stop (passed on once). */
let current: ChildProcess | undefined;
let stopSignal: ForwardedSignal | undefined;
let listening = false;

function passOn(child: ChildProcess, signal: ForwardedSignal): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

function onStopSignal(signal: ForwardedSignal): void {
  if (stopSignal !== undefined) return;
  stopSignal = signal;
  if (current) passOn(current, signal);
}

/** From now on this process passes stop signals on to the running step instead of dying of them. */
export function forwardStopSignals(): void {
  if (listening) return;
  listening = true;
  for (const signal of Object.keys(SIGNAL_EXIT_CODES) as ForwardedSignal[]) process.on(signal, onStopSignal);
}

/** The signal that asked this process to stop, if one did. */
export function stopRequested(): ForwardedSignal | undefined {
  return stopSignal;
}

/**
 * Runs one step to its end; resolves with its exit code (a signal's conventional code when it died of one). After a
 * stop signal it starts nothing and resolves with that signal's code.
 */
export function runStep(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (stopSignal) return Promise.resolve(SIGNAL_EXIT_CODES[stopSignal]);
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { stdio: ['ignore', 'inherit', 'inherit'], env, detached: true });
    current = child;
    child.on('error', (error) => {
      current = undefined;
      reject(new Error(`${command} ${args.join(' ')} could not start: ${error.message}`));
    });
    child.on('exit', (code, signal) => {
      current = undefined;
      resolve(code ?? (signal && signal in SIGNAL_EXIT_CODES ? SIGNAL_EXIT_CODES[signal as ForwardedSignal] : 1));
    });
  });
}
