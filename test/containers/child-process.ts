/** Runs a TypeScript fixture in a child process (through tsx) and waits for lines and its exit. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface RunningChild {
  child: ChildProcess;
  /** Resolves with the first stdout line that matches, rejects when the child exits or the time is up. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (or signal) and everything printed. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** detached: the child leads a process group of its own, which a test may kill whole (process.kill(-pid)). */
export function runFixture(fixture: string, args: string[], env: NodeJS.ProcessEnv = process.env, options: { detached?: boolean } = {}): RunningChild {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fixtures', fixture), ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  const waitForLine = (pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${stdout}\n${stderr}`)), timeoutMs);
      const check = (): void => {
        const match = stdout.match(pattern);
        if (match) finish(undefined, match);
      };
      const onClose = (): void => finish(new Error(`child exited before printing ${pattern}:\n${stdout}\n${stderr}`));
      const finish = (error?: Error, match?: RegExpMatchArray): void => {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        child.off('close', onClose);
        if (error) reject(error);
        else resolve(match as RegExpMatchArray);
      };
      child.stdout?.on('data', check);
      child.on('close', onClose);
      check();
    });
  return { child, waitForLine, exited };
}
