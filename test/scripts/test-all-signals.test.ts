/**
 * `npm test` (scripts/test-all.ts) passes SIGTERM and SIGINT sent to the npm process alone (what `timeout`, CI
 * runners and process managers send) on to the running step, which stops, and starts no further step. The steps are
 * stand-ins (LOKALSVAR_TEST_STEPS): a quick one, one that waits until it is stopped, one that must never run.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { isAlive } from '../../environments/wiremock/leftovers';
import { waitFor } from '../../run/wait-for';

const ROOT = path.resolve(__dirname, '../..');

const STEPS = [
  ['node', '-e', 'console.log("STEP-ONE-DONE")'],
  // Waits until stopped; says which signal stopped it.
  ['node', '-e', 'for (const s of ["SIGTERM","SIGINT"]) process.on(s, () => { console.log("STEP-TWO-GOT-" + s); process.exit(99); }); console.log("STEP-TWO-PID=" + process.pid); setInterval(() => undefined, 1000);'],
  ['node', '-e', 'console.log("STEP-THREE-RAN")'],
];

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`${signal} to npm test stops the running step and runs no further one`, { timeout: 120_000 }, async () => {
    const npm = spawn('npm', ['test'], {
      cwd: ROOT,
      env: { ...process.env, LOKALSVAR_TEST_STEPS: JSON.stringify(STEPS), FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    let stepPid: number | undefined;
    try {
      stepPid = await waitFor(async () => {
        const match = /STEP-TWO-PID=(\d+)/.exec(output);
        return match ? Number(match[1]) : undefined;
      }, { what: 'the second step to start', timeoutMs: 60_000 });
      assert.match(output, /^STEP-ONE-DONE$/m);
      npm.kill(signal);
      await waitFor(async () => (isAlive(stepPid!) ? undefined : true), { what: `the running step to exit after ${signal}`, timeoutMs: 30_000 });
      await waitFor(async () => (npm.exitCode !== null || npm.signalCode !== null ? true : undefined), { what: `npm test to exit after ${signal}`, timeoutMs: 30_000 });
      const code = await exited;
      assert.match(output, new RegExp(`^STEP-TWO-GOT-${signal}$`, 'm'), `the step got ${signal}; output:\n${output}`);
      assert.equal((output.match(/^STEP-TWO-GOT-/gm) ?? []).length, 1, `the signal reached the step once; output:\n${output}`);
      assert.doesNotMatch(output, /^STEP-THREE-RAN/m, 'a step after the stop ran');
      assert.notEqual(code, 0, 'an interrupted npm test reports success');
    } finally {
      if (npm.exitCode === null && npm.signalCode === null) npm.kill('SIGKILL');
      if (stepPid !== undefined && isAlive(stepPid)) process.kill(stepPid, 'SIGKILL');
    }
  });
}

test('npm test ends with the exit code of the first step that fails, and runs none after it', { timeout: 60_000 }, async () => {
  const steps = [['node', '-e', 'process.exit(0)'], ['node', '-e', 'process.exit(7)'], ['node', '-e', 'console.log("STEP-THREE-RAN")']];
  const npm = spawn('npm', ['test'], { cwd: ROOT, env: { ...process.env, LOKALSVAR_TEST_STEPS: JSON.stringify(steps), FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => npm.once('exit', (exitCode) => resolve(exitCode)));
  assert.equal(code, 7, output);
  assert.doesNotMatch(output, /^STEP-THREE-RAN/m);
});
