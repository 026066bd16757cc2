/**
 * A run of the suite whose cucumber stops before running a scenario (here: a step file that throws while it loads)
 * leaves no report, and above all not the previous run's: green must mean this run passed. And a certification
 * report is only made from a run cucumber finished.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runSuiteArguments } from '../../run/suite-command';
import { writeCertificationReport } from '../../scripts/certification-report';

const ROOT = path.resolve(__dirname, '..', '..');
const at = (seconds: number) => ({ seconds, nanos: 0 });
/** The messages of a finished run with no scenarios: enough for a certification report (every rule untried). */
const FINISHED_RUN = [{ testRunStarted: { timestamp: at(1_764_600_000) } }, { testRunFinished: { timestamp: at(1_764_600_010), success: true } }];

function writeMessages(dir: string, envelopes: object[]): void {
  writeFileSync(path.join(dir, 'messages.ndjson'), envelopes.map((envelope) => JSON.stringify(envelope)).join('\n') + '\n');
}

test("a run whose step code does not load leaves no report, and removes the previous run's", { timeout: 180_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-unrun-'));
  try {
    // The previous run's reports, as a passing run leaves them.
    writeMessages(dir, FINISHED_RUN);
    for (const file of ['cucumber.html', 'junit.xml', 'certificering.json', 'certificering.html', 'certificering.md', 'evidens.zip', 'medcom-skema-koersel.json']) writeFileSync(path.join(dir, file), 'the previous run');
    const broken = path.join(dir, 'broken.steps.ts');
    writeFileSync(broken, "throw new Error('planted: a step file that does not load');\n");
    const run = spawnSync(process.execPath, runSuiteArguments(['local', '--require', broken]), {
      cwd: ROOT,
      env: { ...process.env, E2E_REPORTS_DIR: dir, E2E_PARALLEL: '1', FORCE_COLOR: '0' },
      encoding: 'utf8',
      timeout: 170_000,
    });
    const output = `${run.stdout}${run.stderr}`;
    assert.equal(run.status, 1, output);
    assert.match(output, /planted: a step file that does not load/);
    assert.match(output, /No certification report: .*messages\.ndjson does not exist: cucumber did not run the suite/);
    assert.doesNotMatch(output, /Certificering:/);
    assert.deepEqual(readdirSync(dir).sort(), ['broken.steps.ts'], 'a report of an earlier run is left as if it were this run\'s');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a certification report is made only from a run cucumber finished', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-unfinished-'));
  try {
    writeMessages(dir, [FINISHED_RUN[0]!]);
    await assert.rejects(writeCertificationReport(dir, 'local'), /messages\.ndjson holds no finished run/);
    assert.equal(existsSync(path.join(dir, 'certificering.json')), false);
    writeMessages(dir, FINISHED_RUN);
    assert.match(await writeCertificationReport(dir, 'local'), /^Certificering: 0 af \d+ krav opfyldt/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
