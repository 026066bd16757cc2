/**
 * `lokalsvar stubs` after a `kill -9`: the next start on the same ports succeeds, because it sweeps the WireMock
 * child (and its temporary folder) that the killed process left behind.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { isAlive, ROOT_DIR_PREFIX } from '../../environments/wiremock/leftovers';
import { waitFor } from '../../run/wait-for';
import { freePorts, portArgs, startStubsProcess } from '../support/stubs-process';

/** The temporary WireMock folders (and their WireMock pids) that the given Node process owns. */
function wiremocksOwnedBy(ownerPid: number): { rootDir: string; pid: number }[] {
  return readdirSync(tmpdir())
    .filter((name) => name.startsWith(ROOT_DIR_PREFIX))
    .flatMap((name) => {
      const rootDir = path.join(tmpdir(), name);
      try {
        const owner = JSON.parse(readFileSync(path.join(rootDir, 'owner.json'), 'utf8')) as { pid: number; ownerPid: number };
        return owner.ownerPid === ownerPid ? [{ rootDir, pid: owner.pid }] : [];
      } catch {
        return [];
      }
    });
}

test('after kill -9 of lokalsvar stubs the next start on the same ports succeeds and sweeps the orphaned WireMock', { timeout: 180_000 }, async () => {
  const ports = await freePorts();
  const args = portArgs(ports);
  const first = await startStubsProcess(args);
  const [orphan] = wiremocksOwnedBy(first.child.pid!);
  assert.ok(orphan, 'the first start wrote no WireMock owner file');
  first.child.kill('SIGKILL');
  await first.exited;
  assert.ok(isAlive(orphan.pid), 'WireMock died with its parent: this test no longer shows the orphan it is about');

  const second = await startStubsProcess(args);
  try {
    assert.equal(isAlive(orphan.pid), false, 'the orphaned WireMock still runs');
    assert.equal(existsSync(orphan.rootDir), false, "the orphaned WireMock's temporary folder is still there");
    const health = await fetch(`http://127.0.0.1:${ports.wiremock}/__admin/health`, { signal: AbortSignal.timeout(5_000) });
    assert.ok(health.ok, 'the new WireMock does not answer on its port');
  } finally {
    second.child.kill('SIGINT');
    await second.exited;
  }
  await waitFor(async () => (wiremocksOwnedBy(second.child.pid!).length === 0 ? true : undefined), { what: 'the second WireMock to stop' });
});
