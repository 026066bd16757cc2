/**
 * One result as the Sundhedsjournal stand-in reads it from Laboratoriesvarportalen (contracts/labportal.ts). The
 * stand-in is lenient where the contract is strict: a databank, status, operator or validation it does not know
 * (from a newer portal) is shown as it is rather than refused.
 */
import type { PortalResult as ContractPortalResult } from '../../contracts/labportal';

export type PortalResult = Omit<ContractPortalResult, 'databank' | 'status'> & {
  /** 'LABA' | 'MiBa' */
  databank: string;
  /** PortalStatus, or whatever a newer portal says. */
  status: string;
};
