/**
 * How cucumber's workers find the environment run-suite starts (run/run-environment.ts): the announcement file, waited
 * for; the starter's own reason when the environment did not start; and no endless wait for a starter that died.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Environment } from '../../environments/environment';
import { awaitSharedEnvironment, EnvironmentAnnouncement } from '../../run/run-environment';

const URLS = {
  'pilot-lps': 'http://127.0.0.1:8701',
  plsp: 'http://127.0.0.1:8702',
  laba: 'http://127.0.0.1:8703',
  miba: 'http://127.0.0.1:8704',
  labportal: 'http://127.0.0.1:8705',
  sundhedsjournal: 'http://127.0.0.1:8706',
  wiremock: 'http://127.0.0.1:8707',
};

describe("the run's environment, announced to cucumber's workers", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-announce-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is waited for, then attached to: URLs and access token as started, and stopping it is left to the starter', async () => {
    const announcement = new EnvironmentAnnouncement(path.join(dir, 'started.json'));
    const waiting = awaitSharedEnvironment(announcement.envValue());
    let stopped = false;
    const environment = { kind: 'containers', urls: URLS, accessToken: 'hemmelig', stop: async () => void (stopped = true) } as unknown as Environment;
    announcement.announce(environment);
    const attached = await waiting;
    assert.deepEqual({ kind: attached.kind, urls: attached.urls, accessToken: attached.accessToken }, { kind: 'containers', urls: URLS, accessToken: 'hemmelig' });
    await attached.stop();
    assert.equal(stopped, false, "a worker's stop must not stop the starter's environment");
  });

  it("fails with the starter's own reason when the environment did not start", async () => {
    const announcement = new EnvironmentAnnouncement(path.join(dir, 'failed.json'));
    announcement.announceFailure(new Error('WireMock could not start: Java 17 or newer must be on PATH'));
    await assert.rejects(awaitSharedEnvironment(announcement.envValue()), {
      message: "The run's environment did not start: WireMock could not start: Java 17 or newer must be on PATH",
    });
  });

  // The wait itself could last ten minutes: a test that reaches its own limit has found a starter not noticed dead.
  it('stops waiting at once when the starter has died without announcing, and says so', { timeout: 60_000 }, async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const announcement = new EnvironmentAnnouncement(path.join(dir, 'never.json'), gone);
    await assert.rejects(awaitSharedEnvironment(announcement.envValue(), 600_000), new RegExp(`the run's starter \\(process ${gone}\\) ended without starting the environment`));
  });

  it('refuses an E2E_SHARED_ENVIRONMENT it cannot read, saying who sets it', async () => {
    await assert.rejects(awaitSharedEnvironment('{"file": 1}'), /E2E_SHARED_ENVIRONMENT names no announcement file and starter: scripts\/run-suite.ts sets it/);
    await assert.rejects(awaitSharedEnvironment('not json'), /E2E_SHARED_ENVIRONMENT is not JSON/);
  });

  it('is removed by the starter at the end', { timeout: 60_000 }, async () => {
    const announcement = new EnvironmentAnnouncement(path.join(dir, 'removed.json'));
    announcement.announceFailure('x');
    announcement.remove();
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await assert.rejects(awaitSharedEnvironment(new EnvironmentAnnouncement(announcement.file, gone).envValue(), 600_000), /ended without starting/);
  });
});
