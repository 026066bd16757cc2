/**
 * How many cucumber workers a run of the suite uses (scripts/run-suite.ts): `--parallel N` among the cucumber
 * arguments wins, then E2E_PARALLEL, then, for the local and containers modes with the pilot LPS, one worker per two
 * cores, at most two. A worker keeps about one and a quarter cores busy (its Chromium, its node, the shared stubs and
 * WireMock): on the 2-core machine of bench/suite-time one worker took about 20 s and 25 s of CPU, two workers about
 * as long and 32 s of CPU (README, "Suite time"). Remote mode and vendor mode run one scenario at a time: a remote environment is shared
 * with others (a test camp), and a vendor's tester follows one scenario's instructions at a time.
 */
import { availableParallelism } from 'node:os';
import type { EnvironmentKind } from '../environments/environment';
import type { LpsMode } from '../run/lps-mode';

/** The workers a run of the pilot LPS in local or containers mode uses on a machine with this many cores. */
export const defaultWorkers = (cores: number): number => Math.min(2, Math.max(1, Math.floor(cores / 2)));

function workers(value: string, where: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new Error(`${where}=${value} is not a number of workers (a whole number, 1 or more)`);
  return count;
}

/** The workers, and the cucumber arguments to run them with (`--parallel N` added when it was not given and N > 1). */
export function parallelPlan(
  args: readonly string[],
  mode: EnvironmentKind,
  lps: LpsMode,
  env: NodeJS.ProcessEnv = process.env,
  cores: number = availableParallelism(),
): { workers: number; args: string[] } {
  const index = args.findIndex((arg) => arg === '--parallel' || arg.startsWith('--parallel='));
  if (index >= 0) {
    const given = args[index] === '--parallel' ? args[index + 1] : args[index]?.slice('--parallel='.length);
    return { workers: given === undefined ? 0 : workers(given, '--parallel'), args: [...args] };
  }
  const count = env.E2E_PARALLEL !== undefined && env.E2E_PARALLEL !== '' ? workers(env.E2E_PARALLEL, 'E2E_PARALLEL') : mode === 'remote' || lps === 'vendor' ? 1 : defaultWorkers(cores);
  return { workers: count, args: count > 1 ? ['--parallel', String(count), ...args] : [...args] };
}
