/** When the cockpit's port is taken, lokalsvar testcamp says so, stops the stubs it started and exits 1. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { freePorts, portArgs, startLokalsvarProcess } from '../support/stubs-process';

test('a taken --port: a message naming it, exit 1, nothing left running', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-testcamp-port-'));
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const address = taken.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const stubPorts = await freePorts();
  try {
    await assert.rejects(
      startLokalsvarProcess('testcamp', ['--data', dir, '--port', String(port), ...portArgs(stubPorts)], process.env, 120_000),
      new RegExp(`lokalsvar testcamp exited:[\\s\\S]*cockpittet kan ikke lytte på 127\\.0\\.0\\.1:${port} \\([^)]*EADDRINUSE[^)]*\\); vælg en anden --port`),
    );
    const hub = await fetch(`http://127.0.0.1:${stubPorts.plsp}/health`).then(
      () => 'answers',
      () => 'gone',
    );
    assert.equal(hub, 'gone', 'the stubs it started are stopped');
  } finally {
    await new Promise((resolve) => taken.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
});
