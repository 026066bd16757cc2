import { optionalList, optionalString, requiredUrl, type Env } from '../common/config';

export interface PlspConfig {
  labaUrl: string;
  mibaUrl: string;
  /** The hub's own EAN location number, the sender of its receipts. ASSUMPTION: placeholder until PLSP gives one. */
  ean: string;
  /** LPS systems approved by MedCom to upload (LABA-01); ['*'] approves every system. */
  approvedSystems: string[];
}

export function readPlspConfig(env: Env): PlspConfig {
  return {
    labaUrl: requiredUrl(env, 'PLSP_LABA_URL'),
    mibaUrl: requiredUrl(env, 'PLSP_MIBA_URL'),
    ean: optionalString(env, 'PLSP_EAN', '5790000000009'),
    approvedSystems: optionalList(env, 'PLSP_APPROVED_SYSTEMS', ['*']),
  };
}

export function isApproved(config: PlspConfig, system: string): boolean {
  return config.approvedSystems.includes('*') || config.approvedSystems.includes(system);
}
