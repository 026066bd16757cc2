/**
 * SIGTERM to the `npm` process of `npm run e2e` (what `timeout`, CI runners and process managers send, to npm alone)
 * stops the suite: cucumber gets it once, its cleanup stops the environment, and everything has exited long before
 * the suite would have finished. Local mode (containers mode takes the same path: its containers are cleanups in the
 * same registry).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { isAlive, ROOT_DIR_PREFIX } from '../../environments/wiremock/leftovers';
import { waitFor } from '../../run/wait-for';

const ROOT = path.resolve(__dirname, '../..');

/** Waits for a condition; on time-out the error carries what the run printed so far. */
async function waitUntil<T>(what: string, probe: () => T | undefined, timeoutMs: number, output: () => string): Promise<T> {
  return waitFor(async () => probe(), { what, timeoutMs }).catch((error: Error) => {
    throw new Error(`${error.message}. Output so far:\n${output()}`);
  });
}

test('SIGTERM to npm run e2e stops the suite and its environment', { timeout: 240_000 }, async (t) => {
  // A temporary folder of its own: the WireMock this run starts is the one folder in it.
  const privateTmp = mkdtempSync(path.join(tmpdir(), 'lokalsvar-sigterm-'));
  const npm = spawn('npm', ['run', 'e2e'], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: privateTmp, E2E_ENV: 'local', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let cucumberPid: number | undefined;
  npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    npm.once('exit', (code, signal) => resolve({ code, signal })),
  );
  try {
    const wiremock = await waitUntil(
      'the suite started WireMock',
      () => {
        const name = readdirSync(privateTmp).find((entry) => entry.startsWith(ROOT_DIR_PREFIX));
        if (!name) return undefined;
        try {
          const owner = JSON.parse(readFileSync(path.join(privateTmp, name, 'owner.json'), 'utf8')) as { pid: number; ownerPid: number };
          return { rootDir: path.join(privateTmp, name), ...owner };
        } catch {
          return undefined;
        }
      },
      120_000,
      () => output,
    );
    cucumberPid = wiremock.ownerPid;
    // Scenarios are running once the progress formatter has printed a step.
    await waitUntil('a scenario ran', () => (/^[.FSU-]{3,}/m.test(output) ? true : undefined), 120_000, () => output);
    npm.kill('SIGTERM');
    const signalledAt = Date.now();
    await waitUntil('npm run e2e to exit after SIGTERM', () => (npm.exitCode !== null || npm.signalCode !== null ? true : undefined), 60_000, () => output);
    const exit = await exited;
    assert.notEqual(exit.code, 0, 'an interrupted run reports success');
    await waitUntil('cucumber exited', () => (isAlive(wiremock.ownerPid) ? undefined : true), 30_000, () => output);
    assert.equal(isAlive(wiremock.pid), false, 'WireMock outlived the suite');
    assert.equal(existsSync(wiremock.rootDir), false, "WireMock's temporary folder was left behind: the cleanup did not run");
    assert.match(output, /SIGTERM: cleaning up/);
    t.diagnostic(`stopped ${Date.now() - signalledAt} ms after SIGTERM`);
  } finally {
    if (npm.exitCode === null && npm.signalCode === null) npm.kill('SIGKILL');
    // cucumber runs in a process group of its own: when this test failed, it may still run.
    if (cucumberPid !== undefined && isAlive(cucumberPid)) process.kill(-cucumberPid, 'SIGKILL');
    // tsx's IPC pipes in the folder go as their processes exit; what is left then is removed.
    await waitUntil('the processes of the run left their temporary folder', () => (readdirSync(privateTmp).length === 0 ? true : undefined), 30_000, () =>
      readdirSync(privateTmp).join(', '),
    ).catch(() => undefined);
    rmSync(privateTmp, { recursive: true, force: true, maxRetries: 3 });
  }
});
