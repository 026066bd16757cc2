/**
 * Runs the Danish suite as a child process, for the platform's own tests of modes (vendor, remote): its own
 * cucumber config (progress only), so these runs never overwrite the reports of the real run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TYPESCRIPT_LOADER } from '../../run/suite-command';

const ROOT = path.resolve(__dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ChildRun {
  exitCode: number;
  output: string;
}

export interface ChildOptions {
  /** Feature files or folders; default the project's features. */
  paths?: string[];
  /** Sees each line the run prints on stdout. */
  onLine?: (line: string) => void;
  /** Formatters besides progress, e.g. `message:/tmp/x/messages.ndjson`. */
  formats?: string[];
}

/**
 * Writes a cucumber config of its own into dir and returns its path relative to the project root (cucumber-js
 * resolves --config against its working directory, even for an absolute path).
 */
export function suiteConfig(dir: string, format: string[], paths = [path.join(ROOT, 'features/**/*.feature')]): string {
  const config = path.join(dir, 'cucumber.cjs');
  const profile = { paths, requireModule: [TYPESCRIPT_LOADER], require: [path.join(ROOT, 'steps/**/*.ts')], format, strict: true };
  writeFileSync(config, `module.exports = { default: ${JSON.stringify(profile)} };`);
  return path.relative(ROOT, config);
}

/** Runs the scenarios matching the tag expression with these environment variables. */
export async function runCucumberChild(tags: string, env: Record<string, string>, options: ChildOptions = {}): Promise<ChildRun> {
  const onLine = options.onLine ?? (() => undefined);
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-suite-'));
  const config = suiteConfig(dir, ['progress', ...(options.formats ?? [])], options.paths);
  try {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/cucumber-js'), ['--config', config, '--tags', tags], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exitCode = await new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
    return { exitCode, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
