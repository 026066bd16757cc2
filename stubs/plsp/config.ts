import { PLSP_DEFAULT_EAN } from '../../contracts/plsp';
import { optionalInteger, optionalList, optionalString, requiredUrl, type Env } from '../common/config';

export interface PlspConfig {
  labaUrl: string;
  mibaUrl: string;
  /** The hub's own EAN location number, the sender of its receipts (contracts/plsp.ts: a placeholder). */
  ean: string;
  /** LPS systems approved by MedCom to upload (LABA-01); ['*'] approves every system. */
  approvedSystems: string[];
  /** Refuse messages about anyone but MedCom's test persons (default): no real person's data in a test platform. */
  testCprsOnly: boolean;
  /** How the hub forwards to a databank: attempts in all, the wait before the first retry (doubling), per-attempt timeout. */
  forwarding: { attempts: number; backoffMs: number; timeoutMs: number };
}

export function readPlspConfig(env: Env): PlspConfig {
  return {
    labaUrl: requiredUrl(env, 'PLSP_LABA_URL'),
    mibaUrl: requiredUrl(env, 'PLSP_MIBA_URL'),
    ean: optionalString(env, 'PLSP_EAN', PLSP_DEFAULT_EAN),
    approvedSystems: optionalList(env, 'PLSP_APPROVED_SYSTEMS', ['*']),
    testCprsOnly: optionalString(env, 'PLSP_TEST_CPRS_ONLY', 'true') !== 'false',
    forwarding: {
      attempts: optionalInteger(env, 'PLSP_FORWARD_ATTEMPTS', 3, 1, 10),
      backoffMs: optionalInteger(env, 'PLSP_FORWARD_BACKOFF_MS', 200, 0, 60_000),
      timeoutMs: optionalInteger(env, 'PLSP_FORWARD_TIMEOUT_MS', 5_000, 100, 120_000),
    },
  };
}

export function isApproved(config: PlspConfig, system: string): boolean {
  return config.approvedSystems.includes('*') || config.approvedSystems.includes(system);
}
