/** The sweep of WireMocks left behind: it stops only what a dead owner left, and never a process that merely got its pid. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { isAlive, ROOT_DIR_PREFIX, sweepOrphanedWireMocks, writeOwnerFile } from '../../environments/wiremock/leftovers';

const directory = mkdtempSync(path.join(tmpdir(), 'lokalsvar-leftovers-test-'));
after(() => rmSync(directory, { recursive: true, force: true }));

/** A stand-in for WireMock: a process in its own group whose command line names `rootDir` (or not). */
function standIn(rootDir: string | undefined) {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '--', ...(rootDir ? ['--root-dir', rootDir] : [])], {
    detached: true,
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { pid: child.pid!, exited, kill: () => child.kill('SIGKILL') };
}

/** A pid no process has now: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

test('a WireMock whose owner is gone is stopped and its folder removed', async () => {
  const rootDir = path.join(directory, `${ROOT_DIR_PREFIX}orphan`);
  mkdirSync(rootDir);
  const orphan = standIn(rootDir);
  writeOwnerFile(rootDir, { pid: orphan.pid, ownerPid: await deadPid() });
  assert.ok(isAlive(orphan.pid), 'the stand-in did not start');
  assert.deepEqual(await sweepOrphanedWireMocks(directory), [rootDir]);
  await orphan.exited;
  assert.equal(existsSync(rootDir), false);
});

test('a live owner keeps its WireMock, and a pid now used by another process is never signalled', async () => {
  const owned = path.join(directory, `${ROOT_DIR_PREFIX}owned`);
  const reused = path.join(directory, `${ROOT_DIR_PREFIX}reused`);
  mkdirSync(owned);
  mkdirSync(reused);
  const live = standIn(owned);
  const stranger = standIn(undefined);
  try {
    writeOwnerFile(owned, { pid: live.pid, ownerPid: process.pid });
    writeOwnerFile(reused, { pid: stranger.pid, ownerPid: await deadPid() });
    assert.deepEqual(await sweepOrphanedWireMocks(directory), [reused]);
    assert.ok(isAlive(live.pid), "the sweep stopped a live owner's WireMock");
    assert.ok(isAlive(stranger.pid), 'the sweep signalled a process that only reuses the recorded pid');
    assert.ok(existsSync(owned));
  } finally {
    live.kill();
    stranger.kill();
  }
});
