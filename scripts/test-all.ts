/**
 * `npm test`: the README's one test command. Runs, in order, stopping at the first that fails: the type check, the
 * browser check, the platform tests, the suite in local mode, the suite in containers mode (the package.json scripts
 * of each, so each has one home). Ends with the exit code of the step that failed, or 0.
 *
 * Signals (scripts/step-runner.ts): each step runs in a process group of its own; the first SIGINT, SIGTERM or SIGHUP
 * this process gets (package.json `exec`s it, so the one npm passes on arrives here) goes on to the running step once,
 * and no further step starts. The suite steps then stop their environments (containers included) before they exit.
 *
 * LOKALSVAR_TEST_STEPS (a JSON array of commands, each an array of strings) replaces the steps: for the test of this
 * script (test/scripts/test-all-signals.test.ts), which must not run the real suite.
 */
import { forwardStopSignals, runStep, stopRequested, SIGNAL_EXIT_CODES } from './step-runner';

export const TEST_STEPS_ENV = 'LOKALSVAR_TEST_STEPS';

/** What `npm test` runs, in order. On Windows cmd.exe finds npm.cmd and tsx.cmd by these names (scripts/step-runner.ts). */
export const TEST_STEPS: readonly (readonly string[])[] = [
  ['npm', 'run', 'typecheck'],
  ['tsx', 'scripts/ensure-browser.ts'],
  ['npm', 'run', 'test:unit'],
  ['npm', 'run', 'e2e'],
  // Two workers in containers mode whatever the cores, so the parallel path (run/parallel-rules.ts) runs in every `npm test`.
  ['npm', 'run', 'e2e:containers', '--', '--parallel', '2'],
];

function stepsFrom(value: string | undefined): readonly (readonly string[])[] {
  if (value === undefined || value === '') return TEST_STEPS;
  let steps: unknown;
  try {
    steps = JSON.parse(value);
  } catch (error) {
    throw new Error(`${TEST_STEPS_ENV} is not JSON (${(error as Error).message}): give an array of commands, e.g. [["node","-e","0"]]`);
  }
  const valid = Array.isArray(steps) && steps.every((step) => Array.isArray(step) && step.length > 0 && step.every((part) => typeof part === 'string'));
  if (!valid) throw new Error(`${TEST_STEPS_ENV} must be an array of commands, each a non-empty array of strings, e.g. [["node","-e","0"]]`);
  return steps as string[][];
}

async function main(): Promise<number> {
  const steps = stepsFrom(process.env[TEST_STEPS_ENV]);
  forwardStopSignals();
  for (const [command, ...args] of steps) {
    console.log(`\n> ${[command, ...args].join(' ')}\n`);
    const status = await runStep(command!, args);
    const signal = stopRequested();
    if (signal) {
      console.error(`npm test stopped (${signal}) during ${[command, ...args].join(' ')}; the steps after it did not run.`);
      return status === 0 ? SIGNAL_EXIT_CODES[signal] : status;
    }
    if (status !== 0) return status;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
