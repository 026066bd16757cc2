/**
 * How many cucumber workers a run of the suite uses (scripts/run-suite.ts): `--parallel N` among the cucumber
 * arguments wins, then E2E_PARALLEL, then 2 for the local and containers modes with the pilot LPS. Remote mode and
 * vendor mode run one scenario at a time: a remote environment is shared with others (a test camp), and a vendor's
 * tester follows one scenario's instructions at a time.
 */
import type { EnvironmentKind } from '../environments/environment';
import type { LpsMode } from '../run/lps-mode';

export const DEFAULT_WORKERS = 2;

function workers(value: string, where: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new Error(`${where}=${value} is not a number of workers (a whole number, 1 or more)`);
  return count;
}

/** The workers, and the cucumber arguments to run them with (`--parallel N` added when it was not given and N > 1). */
export function parallelPlan(args: readonly string[], mode: EnvironmentKind, lps: LpsMode, env: NodeJS.ProcessEnv = process.env): { workers: number; args: string[] } {
  const index = args.findIndex((arg) => arg === '--parallel' || arg.startsWith('--parallel='));
  if (index >= 0) {
    const given = args[index] === '--parallel' ? args[index + 1] : args[index]?.slice('--parallel='.length);
    return { workers: given === undefined ? 0 : workers(given, '--parallel'), args: [...args] };
  }
  const count = env.E2E_PARALLEL !== undefined && env.E2E_PARALLEL !== '' ? workers(env.E2E_PARALLEL, 'E2E_PARALLEL') : mode === 'remote' || lps === 'vendor' ? 1 : DEFAULT_WORKERS;
  return { workers: count, args: count > 1 ? ['--parallel', String(count), ...args] : [...args] };
}
