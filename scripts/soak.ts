/**
 * `npm run soak -- N [mode] [cucumber args...]`: runs the suite (scripts/run-suite.ts, local unless a mode or
 * E2E_ENV says otherwise) N times in a row, keeps each run's messages as reports/soak/run-<i>.ndjson, and lists
 * every scenario that was not green every time (scripts/soak-summary.ts), also in reports/soak/summary.txt.
 * Exit code 0 when every scenario passed every time, 1 when one did not, 2 for a wrong command line; a stop
 * (Ctrl-C, SIGTERM) ends the soak after the run it interrupts, with that run's exit code.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { environmentKind, isEnvironmentKind } from '../environments/environment';
import { readRun, type RunSummary } from '../requirements/run-results';
import { CUCUMBER_OUTPUTS, reportDirOf } from './report-dirs';
import { soakReport, unsteadyScenarios } from './soak-summary';
import { runSuiteArguments } from '../run/suite-command';

const ROOT = path.resolve(__dirname, '..');
const SOAK_DIR = path.join(ROOT, 'reports', 'soak');
const MAX_RUNS = 1000;

let current: ChildProcess | undefined;
let stopped = false;

function runSuite(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    // run-suite passes a stop on to cucumber once; this process passes its own stop on to run-suite. Node itself
    // runs it (run/suite-command.ts), not the tsx command: tsx's signal relay gives its child 30 ms to confirm a signal,
    // then kills it, and run-suite, busy serving the shared environment of a parallel run, can miss that.
    const child = spawn(process.execPath, runSuiteArguments(args), { cwd: ROOT, stdio: 'inherit' });
    current = child;
    child.on('error', reject);
    child.on('exit', (code) => {
      current = undefined;
      resolve(code ?? 1);
    });
  });
}

async function main(): Promise<number> {
  const [count, ...rest] = process.argv.slice(2);
  const runs = Number(count);
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) {
    console.error(`npm run soak -- N [local|containers|remote] [cucumber args]: N is how many times to run the suite, 1 to ${MAX_RUNS} (got "${count ?? ''}")`);
    return 2;
  }
  const mode = isEnvironmentKind(rest[0]) ? rest[0] : environmentKind();
  const suiteArgs = isEnvironmentKind(rest[0]) ? rest : [mode, ...rest];
  const messages = path.join(reportDirOf(mode, ROOT), CUCUMBER_OUTPUTS.messages);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopped) return;
      stopped = true;
      current?.kill(signal);
    });
  }
  rmSync(SOAK_DIR, { recursive: true, force: true });
  mkdirSync(SOAK_DIR, { recursive: true });
  const summaries: RunSummary[] = [];
  for (let index = 1; index <= runs; index += 1) {
    console.log(`\nSoak run ${index} of ${runs} (${mode})`);
    rmSync(messages, { force: true });
    const status = await runSuite(suiteArgs);
    if (stopped || (status !== 0 && status !== 1)) {
      console.error(`Soak stopped in run ${index} of ${runs} (exit ${status}); runs before it are in ${SOAK_DIR}.`);
      return status === 0 ? 1 : status;
    }
    if (!existsSync(messages)) {
      console.error(`Run ${index} wrote no ${messages}: cannot tell which scenarios passed.`);
      return 1;
    }
    const kept = path.join(SOAK_DIR, `run-${index}.ndjson`);
    copyFileSync(messages, kept);
    summaries.push(readRun(readFileSync(kept, 'utf8')));
  }
  const report = soakReport(summaries);
  writeFileSync(path.join(SOAK_DIR, 'summary.txt'), `${report}\n`);
  console.log(`\n${report}\n(each run's messages: ${path.relative(ROOT, SOAK_DIR)}/run-<n>.ndjson)`);
  return unsteadyScenarios(summaries).length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
