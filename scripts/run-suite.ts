/**
 * Runs the Danish suite in one mode: `tsx scripts/run-suite.ts [local|containers|remote] [cucumber args...]`
 * (without a mode: E2E_ENV, else local). E2E_REPORTS_DIR puts the reports in that folder instead of the mode's own
 * (cucumber.cjs reads it too): a test camp gives every run a folder of its own.
 * Makes sure a browser is there first; in containers mode, skips with a clear message when no Docker engine
 * answers, unless E2E_REQUIRE_DOCKER=1 (CI), where that is a failure.
 *
 * Signals (scripts/step-runner.ts): each step runs in a process group of its own, and this process passes the first
 * SIGINT, SIGTERM or SIGHUP it gets on to that group, once. So a Ctrl-C in the terminal, and a SIGTERM sent to `npm` alone (what
 * `timeout`, CI runners and process managers send; npm passes it on to this process), both reach cucumber exactly
 * once, and its cleanup registry stops the environment (containers included) before it exits.
 *
 * The environment of the local and containers modes is started here, once, while cucumber loads, and announced to
 * cucumber's workers, which attach to it (run/run-environment.ts). How many workers: scripts/parallel-workers.ts;
 * which scenarios may run at the same time: run/parallel-rules.ts.
 *
 * E2E_BASELINE=<certificering.json of an earlier run> compares this run's report with it at the end and exits 1
 * when a verdict got worse (as `lokalsvar sammenlign` does).
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { dockerAvailable } from '../docker/availability';
import { environmentKind, isEnvironmentKind } from '../environments/environment';
import { compareFiles } from '../requirements/compare-runs';
import { REPORT_FILES, writeCertificationReport } from './certification-report';
import { warmUpOfficialSchemas } from '../requirements/official-verdicts';
import { removeRunOutputs, reportDirOf } from './report-dirs';
import { forwardStopSignals, localBin, runStep as run } from './step-runner';
import { parallelPlan } from './parallel-workers';
import { registerCleanup } from '../environments/cleanup';
import { lpsMode } from '../run/lps-mode';
import { EnvironmentAnnouncement, SHARED_ENVIRONMENT_ENV, startRunEnvironment } from '../run/run-environment';
import { findBrowserExecutable, type BrowserExecutable } from '../run/browser-executable';

const PROFILES = { local: 'default', containers: 'containers', remote: 'remote' } as const;
/** Printed when the environment's removal was handed to a process of its own at the end of the run. */
const BACKGROUND_REMOVAL_LINE = "The run's containers are being removed by a process of their own: docker ps may list them for a second or two.";
type Mode = keyof typeof PROFILES;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  // The mode is the first argument, or else E2E_ENV, or else local; what follows goes to cucumber-js.
  const mode: Mode = isEnvironmentKind(args[0]) ? args[0] : environmentKind();
  if (args[0] === mode) args.shift();
  const cucumberArgs = args;
  // This process passes a stop on to the running step and waits for it to stop what it started.
  forwardStopSignals();
  const root = path.resolve(__dirname, '..');
  if (mode === 'containers') {
    const docker = await dockerAvailable();
    if (!docker.ok) {
      rmSync(path.join(root, 'reports', 'containers'), { recursive: true, force: true });
      if (process.env.E2E_REQUIRE_DOCKER === '1') {
        console.error(`Containers mode is required (E2E_REQUIRE_DOCKER=1) but ${docker.reason}`);
        return 1;
      }
      console.log(`Containers mode skipped: ${docker.reason}`);
      return 0;
    }
  }
  // The reports in the run's folder are this run's or none: a run that stops before its scenarios (no browser, a step
  // file that does not load, a wrong option) writes none, and the previous run's must not be taken for this one's.
  removeRunOutputs(reportDirOf(mode, root));
  const plan = parallelPlan(cucumberArgs, mode, lpsMode());
  const browserStatus = await ensureBrowser(root);
  if (browserStatus !== 0) return browserStatus;
  // cucumber is started first, and loads its code while this process starts the environment (run/run-environment.ts)
  // and announces it: its stubs run in this process beside cucumber's, so a serial run uses the second core too, and a
  // parallel run's workers share it. Remote mode starts nothing here.
  // A name of its own (a killed run's file, left behind under a reused pid, is never this run's).
  const announcement = mode !== 'remote' ? new EnvironmentAnnouncement(path.join(tmpdir(), `lokalsvar-environment-${process.pid}-${randomUUID()}.json`)) : undefined;
  const cucumber = localBin(root, 'cucumber-js');
  const env = { ...process.env, E2E_ENV: mode, ...(announcement ? { [SHARED_ENVIRONMENT_ENV]: announcement.envValue() } : {}) };
  const cucumberRun = run(cucumber, ['--profile', PROFILES[mode], ...plan.args], env);
  const starting = announcement ? startRunEnvironment(mode) : undefined;
  let startFailure: Error | undefined;
  const failed = (error: unknown): void => {
    startFailure ??= error instanceof Error ? error : new Error(String(error));
  };
  const announced = starting
    ?.then(
      (environment) => {
        announcement?.announce(environment);
        // The official schemas judge the run when it is over (the certification report); their code warms up meanwhile.
        void warmUpOfficialSchemas();
      },
      (error: unknown) => {
        failed(error);
        announcement?.announceFailure(error);
      },
    )
    .catch((error: unknown) => failed(new Error(`the environment could not be announced to cucumber: ${(error as Error).message}`)));
  const stopEnvironment = async (inBackground = false): Promise<void> => {
    // Once the start has ended and been announced, so that no announcement (with the access token) is written after it is removed.
    await announced;
    announcement?.remove();
    const environment = await starting?.catch(() => undefined);
    if (inBackground && environment?.stopInBackground?.()) {
      console.log(BACKGROUND_REMOVAL_LINE);
      return;
    }
    await environment?.stop();
  };
  // On Ctrl-C or SIGTERM cucumber is told to stop (forwardStopSignals) and the cleanup registry stops the shared
  // environment once cucumber has exited; this function waits for the same stop, so neither exits before it is done.
  let stopping: Promise<void> | undefined;
  const stopInProcess = (): Promise<void> => stopEnvironment(false);
  const stopShared = (): Promise<void> => (stopping ??= cucumberRun.then(stopInProcess, stopInProcess));
  const unregister = announcement ? registerCleanup('the suite, then its shared environment', stopShared) : () => undefined;
  let status: number;
  try {
    status = await cucumberRun;
    await announced; // the start has ended: startFailure says whether it failed
  } catch (error) {
    await stopShared();
    unregister();
    throw error;
  }
  // The run is over: the environment is stopped while the report is written. Containers mode hands the removal of its
  // containers, which takes the engine seconds, to a process of its own that outlives this one (as testcontainers'
  // Ryuk does; the next run removes whatever it could not), so the verdict is not kept waiting for it. A stop signal
  // before this point stops everything in this process (stopShared).
  stopping ??= stopEnvironment(true);
  const stopped = stopShared().finally(unregister);
  stopped.catch(() => undefined); // awaited below
  const reporting = reportOn(status, startFailure, mode, root);
  // A stop signal meanwhile waits for the report (the registry runs its cleanups, newest first, then exits): it is
  // never left half written.
  const unregisterReport = registerCleanup('the certification report', () => reporting.then(() => undefined, () => undefined));
  try {
    return await reporting;
  } finally {
    unregisterReport();
    await stopped;
  }
}

/** The certification report of a run that ended (and the comparison with E2E_BASELINE); the exit status. */
async function reportOn(status: number, startFailure: Error | undefined, mode: Mode, root: string): Promise<number> {
  const reportDir = reportDirOf(mode, root);
  if (startFailure || (status !== 0 && status !== 1)) {
    // The environment did not start, or the run was interrupted (Ctrl-C, SIGTERM) or broke before the end: a report
    // would count unrun or unfinished scenarios as failed (what cucumber wrote of the run stays).
    console.error(startFailure ? `The ${mode} environment did not start: ${startFailure.message}` : `The run did not finish (exit ${status}): no certification report.`);
    return status === 0 ? 1 : status;
  }
  try {
    console.log(await writeCertificationReport(reportDir, mode));
  } catch (error) {
    console.error(`No certification report: ${(error as Error).message}`);
    return status === 0 ? 1 : status;
  }
  const baseline = process.env.E2E_BASELINE;
  if (baseline) {
    try {
      const comparison = compareFiles(baseline, path.join(reportDir, REPORT_FILES.json));
      console.log(comparison.lines.join('\n'));
      if (comparison.worse) return 1;
    } catch (error) {
      console.error(`E2E_BASELINE: ${(error as Error).message}`);
      return 2;
    }
  }
  return status;
}

/**
 * A Chromium for the suite: the one found (run/browser-executable.ts) is named, else scripts/ensure-browser.ts tries
 * to install one, as a step of its own. A Chromium that is there but does not start fails the run's first launch
 * (run/browser.ts), with what to do.
 */
async function ensureBrowser(root: string): Promise<number> {
  let found: BrowserExecutable | undefined;
  try {
    found = findBrowserExecutable();
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  if (found) {
    console.log(`Browser for the suite: ${found.description}`);
    return 0;
  }
  return run(localBin(root, 'tsx'), [path.join(root, 'scripts', 'ensure-browser.ts')], process.env);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
