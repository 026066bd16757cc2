/** `lokalsvar stubs` as a real child process on free ports, for tests that start, stop, kill and restart it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SYSTEMS, type EndpointName } from '../../environments/environment';
import { freePort } from './cucumber-child';

const ROOT = path.resolve(__dirname, '../..');
export const ENDPOINTS: readonly EndpointName[] = [...SYSTEMS, 'wiremock'];
/** The last line `lokalsvar stubs` prints once everything answers. */
export const READY_LINE = 'Stop med Ctrl-C.';

export type Ports = Record<EndpointName, number>;

export async function freePorts(): Promise<Ports> {
  return Object.fromEntries(await Promise.all(ENDPOINTS.map(async (name) => [name, await freePort()] as const))) as Ports;
}

export function portArgs(ports: Ports): string[] {
  return ENDPOINTS.flatMap((name) => [`--${name}-port`, String(ports[name])]);
}

export interface StubsProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/** Starts `node --import tsx cli/lokalsvar.ts stubs ...args` (node itself, so the pid is the stubs' process) and waits for READY_LINE. */
export function startStubsProcess(args: string[], env: NodeJS.ProcessEnv = process.env, timeoutMs = 60_000): Promise<StubsProcess> {
  return startLokalsvarProcess('stubs', args, env, timeoutMs);
}

/** The same for any long-running command that ends its start with READY_LINE (stubs, testcamp). */
export async function startLokalsvarProcess(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, timeoutMs = 60_000): Promise<StubsProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'cli/lokalsvar.ts'), command, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${READY_LINE}" within ${timeoutMs} ms:\n${output}`)), timeoutMs);
      const check = (): void => {
        if (!output.includes(READY_LINE)) return;
        clearTimeout(timer);
        resolve();
      };
      child.stdout.on('data', check);
      child.once('exit', () => {
        clearTimeout(timer);
        reject(new Error(`lokalsvar ${command} exited:\n${output}`));
      });
    });
  } catch (error) {
    if (child.exitCode === null) child.kill('SIGKILL');
    throw error;
  }
  return { child, output: () => output, exited };
}

/**
 * Ids of WireMock processes listening on the port (by their command line `--port N`): after a `kill -9` of
 * `lokalsvar stubs` its WireMock child may live on, and the test that killed it ends it by id.
 */
export function wiremockProcessesOnPort(port: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const portIndex = args.indexOf('--port');
      if (args.some((arg) => arg.includes('wiremock-standalone')) && portIndex >= 0 && args[portIndex + 1] === String(port)) pids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

/** Waits until check() holds, trying every 100 ms; fails with what() after timeoutMs. */
export async function waitUntil(check: () => Promise<boolean>, what: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
