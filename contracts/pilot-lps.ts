/**
 * The pilot LPS simulator's control interface: what a tester (or a scenario) does in the clinic. The simulator
 * is this platform's own system, so nothing here is an assumption about a real one; what it sends to the hub
 * follows contracts/plsp.ts.
 *   POST   /api/v1/results                    RegisterRequest -> 201 RegisteredResult (origin klinik, or received:
 *                                             laboratorium / anden_praksis)
 *   GET    /api/v1/results/:id                the local result and its state
 *   POST   /api/v1/results/:id/share          ShareRequest (optional): share it via PLSP -> SharedResult (409 for results
 *                                             not produced here); {encoding: 'ISO-8859-1'} sends it in ISO-8859-1
 *   POST   /api/v1/share-pending              share every unshared result produced here -> ShareAllResponse
 *   DELETE /api/v1/results/:id                delete -> 204 (409 once shared: DEL-04)
 *   POST   /api/v1/results/:id/corrections    CorrectionRequest -> CorrectionResponse; a shared result is sent on
 *                                             as corrected (DEL-05)
 *   PUT    /api/v1/results/:id/patient        PatientRequest: change the patient (409 once shared: LABA-05)
 *   POST   /api/v1/patients/:cpr/cancellation PatientCancellationRequest -> PatientCancellationResponse: cancel every
 *                                             result this practice shared for a wrong patient id (LABA-05)
 * A refusal is 409 with a RefusalResponse body; an unknown result 404.
 */
import type { Operator, ReferenceInterval } from '../medcom/model';
import type { HubCancellationResponse, ReceiptReply } from './plsp';

export const PILOT_LPS_DEFAULT_PORT = 8706;

/** The name the pilot LPS gives PLSP in X-LPS-System unless configured otherwise. */
export const PILOT_LPS_SYSTEM_NAME = 'Pilot-LPS';

export const PILOT_LPS_PATHS = {
  results: '/api/v1/results',
  result: '/api/v1/results/:id',
  share: '/api/v1/results/:id/share',
  sharePending: '/api/v1/share-pending',
  corrections: '/api/v1/results/:id/corrections',
  patient: '/api/v1/results/:id/patient',
  patientCancellation: '/api/v1/patients/:cpr/cancellation',
} as const;

/** A route pattern of PILOT_LPS_PATHS with its `:id` or `:cpr` filled in. */
export function pilotLpsPath(pattern: string, value: string): string {
  return pattern.replace(/:(id|cpr)/, encodeURIComponent(value));
}

/** Where a result in the LPS came from. Only 'klinik' (produced in this practice) is ever shared. */
export type Origin = 'klinik' | 'laboratorium' | 'anden_praksis';

export interface PatientRequest {
  cpr: string;
  givenName: string;
  surname: string;
  consentGiven?: boolean;
}

export interface RegisterRequest {
  clinic: { name: string; ydernummer?: string; ean?: string; producerCode?: string };
  origin?: Origin;
  producer?: { name: string; code: string };
  patient: PatientRequest;
  /** Short name (CRP) or code of an analysis in medcom/npu-catalogue.ts. */
  analysis: string;
  value: string;
  unit?: string;
  operator?: Operator;
  referenceInterval?: ReferenceInterval;
  withoutSampleNumber?: boolean;
}

/** What the answer to a registration holds at least (the whole local result, with its state). */
export interface RegisteredResult {
  id: string;
  /** National sample number = requisition number; absent when registered without one. */
  sampleNumber?: string;
  /** The clinic's own sample identifier: the requisition number when there is no national sample number. */
  internalSampleIdentifier: string;
  clinic: { name: string; producerCode: string };
}

/** The encodings the pilot LPS can send in: UTF-8 (the default) and ISO-8859-1, as older LPSs do. */
export type SendEncoding = 'UTF-8' | 'ISO-8859-1';

/** `POST /api/v1/results/:id/share`: how to send it (default UTF-8). */
export interface ShareRequest {
  encoding?: SendEncoding;
}

/** A result the LPS sent to PLSP, and what PLSP answered. */
export interface SharedResult extends ReceiptReply {
  /** The LPS's id of the result. */
  id: string;
  envelopeIdentifier: string;
  /** The message exactly as the LPS sent it, as text; its bytes were these characters in `sentEncoding`. */
  sentXml: string;
  /** The encoding its bytes were sent in (the pilot LPS can send ISO-8859-1); absent means UTF-8. */
  sentEncoding?: SendEncoding;
}

export interface ShareAllResponse {
  shared: SharedResult[];
  skipped: { id: string; rule: string; reason: string }[];
}

export interface CorrectionRequest {
  value: string;
  unit?: string;
  comment?: string;
}

/** The corrected local result, and the correction as sent on when the result had been shared. */
export interface CorrectionResponse {
  result: RegisteredResult;
  sent?: SharedResult;
}

export interface PatientCancellationRequest {
  /** The practice's name, as registered. */
  clinic: string;
}

export interface PatientCancellationResponse {
  /** HTTP status PLSP answered the cancellation with. */
  httpStatus: number;
  /** PLSP's answer; its text when it was not JSON. */
  body: HubCancellationResponse | string;
  /** The LPS's ids of the cancelled results. */
  results: string[];
}

/** The LPS said no (409), with the business rule behind it. */
export interface RefusalResponse {
  error: string;
  rule?: string;
}

/* JSON schemas of the request bodies: the simulator checks every request against them. */

const patientSchemaBody = {
  type: 'object',
  required: ['cpr', 'givenName', 'surname'],
  additionalProperties: false,
  properties: {
    cpr: { type: 'string', pattern: '^[0-9]{10}$' },
    givenName: { type: 'string', minLength: 1 },
    surname: { type: 'string', minLength: 1 },
    consentGiven: { type: 'boolean' },
  },
} as const;

export const registerSchema = {
  body: {
    type: 'object',
    required: ['clinic', 'patient', 'analysis', 'value'],
    additionalProperties: false,
    properties: {
      clinic: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 35 },
          ydernummer: { type: 'string', pattern: '^[0-9]{1,6}$' },
          ean: { type: 'string', pattern: '^[0-9]{13}$' },
          producerCode: { type: 'string', minLength: 1, maxLength: 3 },
        },
      },
      origin: { enum: ['klinik', 'laboratorium', 'anden_praksis'] },
      producer: {
        type: 'object',
        required: ['name', 'code'],
        additionalProperties: false,
        properties: { name: { type: 'string', minLength: 1, maxLength: 35 }, code: { type: 'string', minLength: 1, maxLength: 3 } },
      },
      patient: patientSchemaBody,
      analysis: { type: 'string', minLength: 1 },
      value: { type: 'string', minLength: 1, maxLength: 12 },
      unit: { type: 'string', minLength: 1, maxLength: 16 },
      operator: { enum: ['mindre_end', 'stoerre_end'] },
      withoutSampleNumber: { type: 'boolean' },
      referenceInterval: {
        type: 'object',
        additionalProperties: false,
        properties: {
          typeOfInterval: { enum: ['fysiologisk', 'terapeutisk', 'uspecificeret'] },
          lowerLimit: { type: 'string', minLength: 1, maxLength: 12 },
          upperLimit: { type: 'string', minLength: 1, maxLength: 12 },
          intervalText: { type: 'string', minLength: 1, maxLength: 70 },
        },
      },
    },
  },
} as const;

export const correctionSchema = {
  body: {
    type: 'object',
    required: ['value'],
    additionalProperties: false,
    properties: {
      value: { type: 'string', minLength: 1, maxLength: 12 },
      unit: { type: 'string', minLength: 1, maxLength: 16 },
      comment: { type: 'string', minLength: 1, maxLength: 200 },
    },
  },
} as const;

export const patientSchema = { body: patientSchemaBody } as const;

export const cancellationSchema = {
  body: { type: 'object', required: ['clinic'], additionalProperties: false, properties: { clinic: { type: 'string', minLength: 1 } } },
} as const;

export const shareSchema = {
  body: { type: 'object', additionalProperties: false, properties: { encoding: { enum: ['UTF-8', 'ISO-8859-1'] } } },
} as const;
