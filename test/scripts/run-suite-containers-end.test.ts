/**
 * The end of a containers run (scripts/run-suite.ts): outside CI, the removal of the run's containers is handed to a
 * process of its own, and the run says so; in CI (CI set), run-suite removes them itself before it exits. A run with
 * no scenario (a name no scenario has) is enough: the environment starts and ends as in a whole run.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { LABEL_PID } from '../../docker/run-labels';
import { docker } from '../../docker/testcontainers';
import { backgroundRemovalRefused, removalEngine } from '../../environments/containers/run-resources';
import { runSuiteArguments } from '../../run/suite-command';
import { dockerOrSkip } from '../containers/docker-gate';
import { eventually, remainsWithLabel } from '../containers/docker-queries';

const ROOT = path.resolve(__dirname, '..', '..');
const NOTHING = { containers: [], networks: [] };
const HANDED_OVER = /The run's containers are being removed by a process of their own/;

/** A containers run of no scenario; its exit code, output and run-suite's pid (the label on its containers). */
function runWithoutScenarios(ci: string): Promise<{ code: number | null; output: string; pid: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-containers-end-'));
  const run = spawn(process.execPath, runSuiteArguments(['containers', '--name', '^no scenario has this name$']), {
    cwd: ROOT,
    env: { ...process.env, CI: ci, E2E_REPORTS_DIR: dir, E2E_PARALLEL: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  run.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    run.on('error', reject);
    run.on('close', (code) => {
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, output, pid: run.pid as number });
    });
  });
}

test('outside CI a containers run hands the removal of its containers to a process of its own, which removes them all; in CI it removes them before it exits', { timeout: 300_000 }, async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const refused = backgroundRemovalRefused(await removalEngine(await docker()), { ...process.env, CI: '' });
  if (refused) return t.skip(`no removal in the background here: ${refused}`);

  const outside = await runWithoutScenarios('');
  assert.equal(outside.code, 0, outside.output);
  assert.match(outside.output, HANDED_OVER);
  assert.deepEqual(await eventually(() => remainsWithLabel(LABEL_PID, String(outside.pid)), (remains) => remains.containers.length + remains.networks.length === 0, 60_000), NOTHING);

  const inCi = await runWithoutScenarios('true');
  assert.equal(inCi.code, 0, inCi.output);
  assert.doesNotMatch(inCi.output, HANDED_OVER);
  assert.deepEqual(await remainsWithLabel(LABEL_PID, String(inCi.pid)), NOTHING, 'in CI the run was removed before run-suite exited');
});
