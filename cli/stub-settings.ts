/**
 * What `lokalsvar stubs` passes to the stubs besides their wiring: the hub's settings from the environment
 * (README: PLSP_TEST_CPRS_ONLY, PLSP_FORWARD_*, ...) and, with --data DIR, a SQLite file per system that keeps state:
 * DIR/laba.sqlite and DIR/miba.sqlite (the databanks' results), DIR/plsp.sqlite (the hub's journal and counters).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { EnvironmentOptions } from '../environments/environment';
import { UsageError } from './command';

/** Environment variables of the hub that `lokalsvar stubs` passes on. */
export const PASSED_PLSP_SETTINGS = [
  'PLSP_TEST_CPRS_ONLY',
  'PLSP_FORWARD_ATTEMPTS',
  'PLSP_FORWARD_BACKOFF_MS',
  'PLSP_FORWARD_TIMEOUT_MS',
  'PLSP_EAN',
  'PLSP_JOURNAL_MAX_ENTRIES',
  'PLSP_JOURNAL_MAX_BYTES',
] as const;

/** One file per stub: with two databanks in one process, the command line says where, not these. */
const REPLACED_BY_DATA = ['DATABANK_DB', 'PLSP_DB'] as const;

export const DATA_FILES = { laba: 'laba.sqlite', miba: 'miba.sqlite', plsp: 'plsp.sqlite' } as const;

export function stubSettings(env: NodeJS.ProcessEnv, dataDir: string | undefined, command = 'stubs'): NonNullable<EnvironmentOptions['stubSettings']> {
  for (const name of REPLACED_BY_DATA) {
    if (env[name]) {
      throw new UsageError(
        `${name}=${env[name]} gælder én stub kørt for sig (npx tsx stubs/main.ts ...); lokalsvar ${command} gemmer sine data med --data MAPPE. Fjern ${name}.`,
        command,
      );
    }
  }
  const plsp: Record<string, string> = {};
  for (const name of PASSED_PLSP_SETTINGS) if (env[name] !== undefined) plsp[name] = env[name];
  if (dataDir === undefined) return { plsp };
  const dir = path.resolve(dataDir);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new UsageError(`--data ${dataDir}: mappen kan ikke oprettes (${(error as Error).message})`, command);
  }
  return {
    plsp: { ...plsp, PLSP_DB: path.join(dir, DATA_FILES.plsp) },
    laba: { DATABANK_DB: path.join(dir, DATA_FILES.laba) },
    miba: { DATABANK_DB: path.join(dir, DATA_FILES.miba) },
  };
}
