/**
 * Runs the steps of a script one after another, each in a process group of its own, and passes the first SIGINT,
 * SIGTERM or SIGHUP this process gets on to the running step's group, once; after a stop no further step starts.
 * The one home of that logic for scripts/run-suite.ts (ensure-browser, cucumber) and scripts/test-all.ts (`npm test`).
 *
 * Once: the same stop often arrives more than once (the terminal's group, npm and tsx each pass it on), and a second
 * signal would make cucumber exit without cleaning up.
 *
 * Windows: the steps are npm's and node_modules/.bin's `.cmd` shims, which Node (since 18.20.2 / 20.12.2,
 * CVE-2024-27980) refuses to spawn without a shell (EINVAL). There a step runs through cmd.exe (`shell: true`), its
 * arguments quoted here, in the console it was started from (no process groups): a Ctrl-C in that console reaches
 * the step's own processes directly, so nothing is passed on. POSIX is unchanged: no shell, a group of its own.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import path from 'node:path';

export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
export type ForwardedSignal = keyof typeof SIGNAL_EXIT_CODES;

/** The step running now, and the signal that asked this process to stop (passed on once). */
let current: ChildProcess | undefined;
let stopSignal: ForwardedSignal | undefined;
let listening = false;

function passOn(child: ChildProcess, signal: ForwardedSignal): void {
  // Windows has no process groups, and child.kill would kill only the cmd.exe in between, at once, leaving the step.
  if (process.platform === 'win32') return;
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

/** A command node_modules/.bin holds: its `.cmd` shim on Windows, which cmd.exe runs (the extensionless file is a shell script). */
export function localBin(root: string, name: string, platform: NodeJS.Platform = process.platform): string {
  return path.join(root, 'node_modules', '.bin', platform === 'win32' ? `${name}.cmd` : name);
}

/** An argument as cmd.exe and the step's C runtime read it back unchanged: quoted when it holds anything but plain characters. */
export function quotedForCmd(arg: string): string {
  if (/^[\w@+=:,./\\-]+$/.test(arg)) return arg;
  return `"${arg.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1')}"`;
}

/** How a step is spawned on the platform: without a shell in a process group of its own (POSIX), through cmd.exe (Windows). */
export function spawnPlan(command: string, args: readonly string[], platform: NodeJS.Platform = process.platform): { command: string; args: string[]; options: SpawnOptions } {
  if (platform === 'win32') return { command: [command, ...args].map(quotedForCmd).join(' '), args: [], options: { shell: true, detached: false } };
  return { command, args: [...args], options: { shell: false, detached: true } };
}

/**
 * Runs one step to its end; resolves with its exit code (a signal's conventional code when it died of one). After a
 * stop signal it starts nothing and resolves with that signal's code.
 */
export function runStep(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (stopSignal) return Promise.resolve(SIGNAL_EXIT_CODES[stopSignal]);
  return new Promise((resolve, reject) => {
    const plan = spawnPlan(command, args);
    const child = spawn(plan.command, plan.args, { ...plan.options, stdio: ['ignore', 'inherit', 'inherit'], env });
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
