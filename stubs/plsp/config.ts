import { ApprovedSystemsFile } from './approved-systems-file';
import { DEFAULT_JOURNAL_LIMITS, type JournalLimits } from './journal';
import { HUB_KEY_ENV } from '../../contracts/access';
import { PLSP_DEFAULT_EAN } from '../../contracts/plsp';
import { optionalInteger, optionalList, optionalString, requiredUrl, type Env } from '../common/config';

export interface PlspConfig {
  labaUrl: string;
  mibaUrl: string;
  /** The hub's own EAN location number, the sender of its receipts (contracts/plsp.ts: a placeholder). */
  ean: string;
  /** LPS systems approved by MedCom to upload (LABA-01); ['*'] approves every system. */
  approvedSystems: string[];
  /** Further approved systems, one a line, re-read when the file changes (PLSP_APPROVED_SYSTEMS_FILE; test camps). */
  approvedSystemsFile?: ApprovedSystemsFile;
  /** Refuse messages about anyone but MedCom's test persons (default): no real person's data in a test platform. */
  testCprsOnly: boolean;
  /** How the hub forwards to a databank: attempts in all, the wait before the first retry (doubling), per-attempt timeout. */
  forwarding: { attempts: number; backoffMs: number; timeoutMs: number };
  /** SQLite file for the journal and the counters, or ':memory:' (the default: every run starts empty). */
  databasePath?: string;
  /** The journal's bounds (default DEFAULT_JOURNAL_LIMITS). */
  journalLimits?: JournalLimits;
  /** Key the hub signs its requests to the databanks with (LOKALSVAR_HUB_KEY, contracts/access.ts). */
  hubKey?: string;
}

export function readPlspConfig(env: Env): PlspConfig {
  return {
    labaUrl: requiredUrl(env, 'PLSP_LABA_URL'),
    mibaUrl: requiredUrl(env, 'PLSP_MIBA_URL'),
    ean: optionalString(env, 'PLSP_EAN', PLSP_DEFAULT_EAN),
    approvedSystems: optionalList(env, 'PLSP_APPROVED_SYSTEMS', ['*']),
    ...(env.PLSP_APPROVED_SYSTEMS_FILE ? { approvedSystemsFile: new ApprovedSystemsFile(env.PLSP_APPROVED_SYSTEMS_FILE) } : {}),
    testCprsOnly: env.PLSP_TEST_CPRS_ONLY !== 'false',
    forwarding: {
      attempts: optionalInteger(env, 'PLSP_FORWARD_ATTEMPTS', 3, 1, 10),
      backoffMs: optionalInteger(env, 'PLSP_FORWARD_BACKOFF_MS', 200, 0, 60_000),
      timeoutMs: optionalInteger(env, 'PLSP_FORWARD_TIMEOUT_MS', 5_000, 100, 120_000),
    },
    databasePath: optionalString(env, 'PLSP_DB', ':memory:'),
    ...(env[HUB_KEY_ENV] ? { hubKey: env[HUB_KEY_ENV] } : {}),
    journalLimits: {
      maxEntries: optionalInteger(env, 'PLSP_JOURNAL_MAX_ENTRIES', DEFAULT_JOURNAL_LIMITS.maxEntries, 1, 1_000_000),
      maxBytes: optionalInteger(env, 'PLSP_JOURNAL_MAX_BYTES', DEFAULT_JOURNAL_LIMITS.maxBytes, 1024 * 1024, 4 * 1024 * 1024 * 1024),
    },
  };
}

export function isApproved(config: PlspConfig, system: string): boolean {
  return config.approvedSystems.includes('*') || config.approvedSystems.includes(system) || (config.approvedSystemsFile?.includes(system) ?? false);
}
