/**
 * One result as Laboratoriesvarportalen's query API hands it out
 * (`GET {labportal}/api/v1/patients/{cpr}/results` -> `{ results: PortalResult[] }`).
 * The stand-in's own copy of the contract: a stub never imports another stub.
 */

export type PortalStatus = 'endeligt' | 'foreloebigt' | 'rettet' | 'annulleret';
export type PortalOperator = 'mindre_end' | 'stoerre_end';
export type PortalValidation = 'for_hoej' | 'for_lav' | 'unormal';

export interface PortalReferenceInterval {
  /** fysiologisk | terapeutisk | uspecificeret */
  type?: string;
  lower?: string;
  upper?: string;
  text?: string;
}

export interface PortalResult {
  id: string;
  /** 'LABA' | 'MiBa' */
  databank: string;
  requisitionId: string;
  analysisCode: string;
  analysisName: string;
  value: string;
  unit?: string;
  /** Unknown values from a newer portal are shown as they are rather than refused. */
  operator?: PortalOperator | string;
  referenceInterval?: PortalReferenceInterval;
  status: PortalStatus | string;
  producer: { name: string; code: string };
  /** e.g. '2025-03-14T09:40' */
  samplingTime: string;
  resultTime: string;
  comments?: string[];
  validation?: PortalValidation | string;
}
