/**
 * The databanks' HTTP interface: LABA (Laboratoriedatabanken, XRPT01) and MiBa (SSI's microbiology database,
 * XRPT05). One interface, served twice: the stub `stubs/databank` runs as either.
 *
 * ASSUMPTION: the real LABA and MiBa upload and query interfaces are not public. Until they are:
 *   POST /api/v1/upload            the Emessage as XML (application/xml), header X-LPS-System of the LPS it came from;
 *                                  200 UploadResponse | 400/422 DatabankError | 415 when the body is not XML
 *   DELETE /api/v1/uploads/:upload undo one upload -> UndoResponse | 404 (hub only; ASSUMPTION: the hub's compensation
 *                                  when another part of a mixed message failed): removes the results it newly stored
 *                                  that no later upload delivered again or corrected
 *   GET  /api/v1/results?patient=  every stored version of a patient's results: ResultsResponse
 *   GET  /api/v1/messages/:id      an uploaded message exactly as received (by envelope identifier); 404 when none
 *   POST /api/v1/cancellations     Cancellation -> DatabankCancellationResponse (LABA-05; ASSUMPTION: XRPT01 has no
 *                                  cancel status, so cancelling is an explicit request)
 * A result's identity is its key (LABA-06): patient id, requisition id, analysis code and producer code.
 */
import type { Finding } from '../medcom/model';

export const DATABANKS = ['LABA', 'MiBa'] as const;
/** The databanks by their proper names, as scenarios, counters and the national view name them. */
export type DatabankName = (typeof DATABANKS)[number];

/** The databanks by their system names: the stub's DATABANK_ROLE, network aliases, URLs. */
export type DatabankRole = 'laba' | 'miba';
export const DATABANK_ROLE: Readonly<Record<DatabankName, DatabankRole>> = { LABA: 'laba', MiBa: 'miba' };
export const DATABANK_OF_ROLE: Readonly<Record<DatabankRole, DatabankName>> = { laba: 'LABA', miba: 'MiBa' };

/** The letter type each databank takes: XRPT01 goes to LABA, XRPT05 to MiBa. */
export const DATABANK_LETTER: Readonly<Record<DatabankName, 'XRPT01' | 'XRPT05'>> = { LABA: 'XRPT01', MiBa: 'XRPT05' };

export const DATABANK_DEFAULT_PORTS: Readonly<Record<DatabankName, number>> = { LABA: 8702, MiBa: 8703 };

export const DATABANK_PATHS = {
  upload: '/api/v1/upload',
  results: '/api/v1/results',
  /** Route pattern of one message; `messagePath(id)` gives a message's path. */
  message: '/api/v1/messages/:id',
  cancellations: '/api/v1/cancellations',
  /** Route pattern of one upload to undo; `uploadPath(id)` gives its path. */
  undoUpload: '/api/v1/uploads/:upload',
} as const;

export function uploadPath(upload: number): string {
  return `/api/v1/uploads/${upload}`;
}

export function messagePath(envelopeIdentifier: string): string {
  return `/api/v1/messages/${encodeURIComponent(envelopeIdentifier)}`;
}

/** One result as the databank keeps it: a flat record per result, every value as the letter carried it. */
export interface ResultRecord {
  /** Letter type the result came in. */
  kind: 'XRPT01' | 'XRPT05';
  envelopeIdentifier: string;
  letterIdentifier: string;
  senderEan: string;
  senderIdentifier: string;
  /** CPR, or the replacement CPR when no CPR was given. */
  patientId: string;
  patientIdIsReplacement: boolean;
  patientName: string;
  /** Patient/Consent/Given; null when the message did not say. */
  consentGiven: boolean | null;
  /** RequesterSampleIdentifier (national sample number) or, lacking it, LaboratoryInternalSampleIdentifier. */
  requisitionId: string;
  laboratoryInternalSampleIdentifier: string;
  requesterSampleIdentifier: string | null;
  samplingTime: string;
  resultTime: string;
  resultStatusCode: string;
  analysisCode: string;
  analysisCodeType: string;
  analysisCodeResponsible: string;
  analysisShortName: string | null;
  analysisName: string;
  producerIdentifier: string;
  producerCode: string;
  referenceType: string | null;
  referenceLower: string | null;
  referenceUpper: string | null;
  referenceText: string | null;
  resultType: string | null;
  operator: string | null;
  value: string;
  unit: string | null;
  validation: string | null;
  comments: string[];
}

/** One version of a stored result: a correction under the same key is the next version, the old one kept. */
export interface StoredResult {
  id: number;
  key: string;
  version: number;
  cancelled: boolean;
  receivedAt: string;
  record: ResultRecord;
}

/** `GET /api/v1/results?patient=`: oldest first. */
export interface ResultsResponse {
  results: StoredResult[];
}

/** `POST /api/v1/upload`: the upload's id (to undo it), how many results were stored, and how many were duplicates stored once (LABA-06). */
export interface UploadResponse {
  upload: number;
  stored: number;
  duplicates: number;
}

/** `DELETE /api/v1/uploads/:upload`: what the undo removed, and what stays because a later upload delivered it again or corrected it. */
export interface UndoResponse {
  removed: number;
  kept: number;
}

/** A refusal: what was wrong and, for an unreadable message, every finding with its path. */
export interface DatabankError {
  error: string;
  findings?: Finding[];
}

/**
 * LABA-05: cancel every result a producer sent for a (wrong) patient id. ASSUMPTION: XRPT01 has no cancel status,
 * so the hub (`contracts/plsp.ts`) and the databanks take this explicit JSON body.
 */
export interface Cancellation {
  patientId: string;
  producerCode: string;
}

export const CANCELLATION_SCHEMA = {
  type: 'object',
  required: ['patientId', 'producerCode'],
  additionalProperties: false,
  properties: { patientId: { type: 'string', minLength: 1 }, producerCode: { type: 'string', minLength: 1, maxLength: 3 } },
} as const;

/** `POST /api/v1/cancellations`: how many results were cancelled. */
export interface DatabankCancellationResponse {
  cancelled: number;
}
