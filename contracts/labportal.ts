/**
 * Laboratoriesvarportalen's query API: the national view of a patient's results from LABA and MiBa, what
 * sundhed.dk's Sundhedsjournal shows: the latest version of every result, never a cancelled one (LABA-05) and
 * never one with denied consent (DEL-03), newest first.
 *
 * ASSUMPTION: shaped for the Sundhedsjournal stand-in; the real portal's API is not public.
 *   GET /api/v1/patients/:patient/results  -> PortalResultsResponse; 502 {error} when a databank cannot be read
 */
import type { DatabankName } from './databank';

export const LABPORTAL_DEFAULT_PORT = 8704;

export const LABPORTAL_PATHS = {
  /** Route pattern; `patientResultsPath(cpr)` gives a patient's path. */
  patientResults: '/api/v1/patients/:patient/results',
} as const;

export function patientResultsPath(patientId: string): string {
  return `/api/v1/patients/${encodeURIComponent(patientId)}/results`;
}

export type PortalStatus = 'endeligt' | 'foreloebigt' | 'rettet' | 'annulleret';

export interface PortalReferenceInterval {
  /** fysiologisk | terapeutisk | uspecificeret */
  type?: string;
  lower?: string;
  upper?: string;
  text?: string;
}

/** One result of the national view. Absent fields are left out, never null. */
export interface PortalResult {
  /** `<databank>:<result key>:<version>` */
  id: string;
  databank: DatabankName;
  requisitionId: string;
  analysisCode: string;
  analysisName: string;
  value: string;
  unit?: string;
  /** mindre_end | stoerre_end */
  operator?: string;
  referenceInterval?: PortalReferenceInterval;
  status: PortalStatus;
  producer: { name: string; code: string };
  /** e.g. '2025-03-14T09:40' */
  samplingTime: string;
  resultTime: string;
  comments?: string[];
  /** for_hoej | for_lav | unormal */
  validation?: string;
}

export interface PortalResultsResponse {
  results: PortalResult[];
}
