/**
 * How a process starts the Danish suite as `npm run e2e` does: node itself, with the project's TypeScript loader
 * (run/typescript-loader.cjs), running scripts/run-suite.ts. Not the `tsx` command, whose signal relay kills a child
 * that does not confirm a signal within 30 ms (README, "Stopping a run").
 */
import path from 'node:path';

export const TYPESCRIPT_LOADER = path.join(__dirname, 'typescript-loader.cjs');

const RUN_SUITE = path.join(__dirname, '..', 'scripts', 'run-suite.ts');

/** node's arguments for a run of the suite: the mode and cucumber arguments follow the script, as after `npm run e2e --`. */
export function runSuiteArguments(args: readonly string[]): string[] {
  return ['--require', TYPESCRIPT_LOADER, RUN_SUITE, ...args];
}
