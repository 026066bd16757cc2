/** The process-wide cleanup registry (environments/cleanup.ts), exercised in child processes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runFixture } from './child-process';

const TIMEOUT_MS = 15_000;

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  test(`on ${signal} every cleanup runs once, newest first, then the process exits with ${code}`, async () => {
    const child = runFixture('cleanup-child.ts', ['signal']);
    await child.waitForLine(/READY/, TIMEOUT_MS);
    child.child.kill(signal);
    const result = await child.exited;
    assert.equal(result.code, code, result.stderr);
    assert.deepEqual(lines(result.stdout), ['READY', 'cleaned second', 'cleaned first']);
    assert.match(result.stderr, new RegExp(`${signal}: cleaning up first, second`));
  });
}

test('cleanups still registered when the event loop drains run before the process ends', async () => {
  const result = await runFixture('cleanup-child.ts', ['drain']).exited;
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(lines(result.stdout), ['READY', 'cleaned second', 'cleaned first']);
});

test('process.exit() with cleanups pending runs their synchronous fallbacks', async () => {
  const result = await runFixture('cleanup-child.ts', ['exit']).exited;
  assert.equal(result.code, 3, result.stderr);
  assert.deepEqual(lines(result.stdout), ['READY', 'exit fallback second']);
});

test('unregistered cleanups do not run', async () => {
  const child = runFixture('cleanup-child.ts', ['unregister']);
  await child.waitForLine(/READY/, TIMEOUT_MS);
  child.child.kill('SIGTERM');
  const result = await child.exited;
  assert.equal(result.code, 143, result.stderr);
  assert.deepEqual(lines(result.stdout), ['READY', 'cleaned first']);
});

test('with nothing registered the registry leaves signals alone', async () => {
  const child = runFixture('cleanup-child.ts', ['idle']);
  await child.waitForLine(/READY/, TIMEOUT_MS);
  child.child.kill('SIGTERM');
  const result = await child.exited;
  assert.equal(result.signal, 'SIGTERM', `exited with ${result.code}: ${result.stderr}`);
  assert.deepEqual(lines(result.stdout), ['READY']);
});

function lines(text: string): string[] {
  return text.split('\n').filter(Boolean);
}
