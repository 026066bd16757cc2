/**
 * The pilot LPS simulator's control interface: what a tester (or a scenario) does in the clinic. The simulator
 * is this platform's own system, so nothing here is an assumption about a real one; what it sends to the hub
 * follows contracts/plsp.ts.
 *   POST   /api/v1/results                    RegisterRequest -> 201 RegisteredResult (origin klinik, or received:
 *                                             laboratorium / anden_praksis)
 *   POST   /api/v1/requisitions               RequisitionRequest -> 201 {results: RegisteredResult[]}: several
 *                                             results from one sample, shared together in one letter
 *   GET    /api/v1/results/:id                the local result and its state
 *   POST   /api/v1/results/:id/share          ShareRequest (optional): share it, with the unsent results of its sample,
 *                                             via PLSP -> SharedResult (409 for results not produced here);
 *                                             {encoding: 'ISO-8859-1'} sends it in ISO-8859-1
 *   POST   /api/v1/share-pending              share every unshared result produced here -> ShareAllResponse
 *   DELETE /api/v1/results/:id                delete -> 204 (409 once shared: DEL-04)
 *   POST   /api/v1/results/:id/corrections    CorrectionRequest -> CorrectionResponse; a shared result is sent on
 *                                             as corrected (DEL-05)
 *   POST   /api/v1/results/:id/final          CorrectionRequest -> CorrectionResponse: a preliminary result made
 *                                             final; a shared one is sent on as final
 *   PUT    /api/v1/results/:id/patient        PatientRequest: change the patient (409 once shared: LABA-05)
 *   POST   /api/v1/patients/:cpr/cancellation PatientCancellationRequest -> PatientCancellationResponse: cancel every
 *                                             result this practice shared for a wrong patient id, CPR or replacement
 *                                             CPR (LABA-05)
 * A result carries, beyond analysis and value: unit, operator, reference interval, ResultValidation (else the LPS
 * flags a value outside its interval itself), producer {name, code, ydernummer} (a practice of the same medical
 * centre whose laboratory produced it; ASSUMPTION: ProducerOfLabResult is per result, so MedCom allows a producer
 * other than the sender), examinator (XRPT05); and for its sample: status (svar_midlertidigt | svar_endeligt),
 * sampledAt and resultAt (ISO 8601), a patient with cpr or replacementCpr (sent as AlternativeIdentifier).
 * A refusal is 409 with a RefusalResponse body; an unknown result 404.
 */
import type { Operator, ReferenceInterval, ResultValidation } from '../medcom/model';
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
  requisitions: '/api/v1/requisitions',
  final: '/api/v1/results/:id/final',
} as const;

/** A route pattern of PILOT_LPS_PATHS with its `:id` or `:cpr` filled in. */
export function pilotLpsPath(pattern: string, value: string): string {
  return pattern.replace(/:(id|cpr)/, encodeURIComponent(value));
}

/** Where a result in the LPS came from. Only 'klinik' (produced in this practice) is ever shared. */
export type Origin = 'klinik' | 'laboratorium' | 'anden_praksis';

export interface PatientRequest {
  /** CPR; or else a replacement CPR. */
  cpr?: string;
  /** Replacement CPR (erstatnings-CPR), sent as AlternativeIdentifier: 10 characters. */
  replacementCpr?: string;
  givenName: string;
  surname: string;
  consentGiven?: boolean;
}

/** One analysis's result: what differs between the results of one sample. */
export interface AnalysisResultRequest {
  /** Short name (CRP) or code of an analysis in medcom/npu-catalogue.ts. */
  analysis: string;
  value: string;
  unit?: string;
  operator?: Operator;
  referenceInterval?: ReferenceInterval;
  resultValidation?: ResultValidation;
  /** A practice of the same medical centre whose laboratory produced it (needs its ydernummer), or where a received result came from. */
  producer?: { name: string; code: string; ydernummer?: string };
  /** XRPT05 Examinator: who examined, when not the producer. */
  examinator?: string;
}

/** What results taken from one sample have in common. */
export interface SampleRequest {
  clinic: { name: string; ydernummer?: string; ean?: string; producerCode?: string };
  patient: PatientRequest;
  withoutSampleNumber?: boolean;
  /** Registered as preliminary or final (the default). */
  status?: 'svar_midlertidigt' | 'svar_endeligt';
  /** ISO 8601; both default to the time of registration. */
  sampledAt?: string;
  resultAt?: string;
}

export type RegisterRequest = SampleRequest & AnalysisResultRequest & { origin?: Origin };

export interface RequisitionRequest extends SampleRequest {
  results: AnalysisResultRequest[];
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
  /** Every result the letter carried: the one asked for and its unsent mates from the same sample (pilot LPS). */
  ids?: string[];
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

/** A correction (value, unit, comment, flag), or what changes when a preliminary result is made final. */
export interface CorrectionRequest {
  value?: string;
  unit?: string;
  comment?: string;
  resultValidation?: ResultValidation;
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

const patient = {
  type: 'object',
  required: ['givenName', 'surname'],
  additionalProperties: false,
  properties: {
    cpr: { type: 'string', pattern: '^[0-9]{10}$' },
    /** Replacement CPR (erstatnings-CPR), sent as AlternativeIdentifier: 10 characters. */
    replacementCpr: { type: 'string', pattern: '^[0-9A-Z]{10}$' },
    givenName: { type: 'string', minLength: 1 },
    surname: { type: 'string', minLength: 1 },
    consentGiven: { type: 'boolean' },
  },
  oneOf: [{ required: ['cpr'] }, { required: ['replacementCpr'] }],
} as const;

const producer = {
  type: 'object',
  required: ['name', 'code'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 35 },
    code: { type: 'string', minLength: 1, maxLength: 3 },
    ydernummer: { type: 'string', pattern: '^[0-9]{1,6}$' },
  },
} as const;

/** MedCom: limits come with their TypeOfInterval. */
const referenceInterval = {
  type: 'object',
  additionalProperties: false,
  dependencies: { lowerLimit: ['typeOfInterval'], upperLimit: ['typeOfInterval'] },
  properties: {
    typeOfInterval: { enum: ['fysiologisk', 'terapeutisk', 'uspecificeret'] },
    lowerLimit: { type: 'string', minLength: 1, maxLength: 12 },
    upperLimit: { type: 'string', minLength: 1, maxLength: 12 },
    intervalText: { type: 'string', minLength: 1, maxLength: 70 },
  },
} as const;

const resultValidation = { enum: ['for_hoej', 'for_lav', 'unormal'] } as const;

/** One analysis's result: what differs between the results of one sample. */
const analysisResultProperties = {
  analysis: { type: 'string', minLength: 1 },
  value: { type: 'string', minLength: 1, maxLength: 12 },
  unit: { type: 'string', minLength: 1, maxLength: 16 },
  operator: { enum: ['mindre_end', 'stoerre_end'] },
  referenceInterval,
  resultValidation,
  /** A practice of the same medical centre whose laboratory produced the result (origin klinik), or where a received result came from. */
  producer,
  /** XRPT05 Examinator: who examined, when not the producer. */
  examinator: { type: 'string', minLength: 1, maxLength: 70 },
} as const;

const clinic = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 35 },
    ydernummer: { type: 'string', pattern: '^[0-9]{1,6}$' },
    ean: { type: 'string', pattern: '^[0-9]{13}$' },
    producerCode: { type: 'string', minLength: 1, maxLength: 3 },
  },
} as const;

/** What results taken from one sample have in common. */
const requisitionProperties = {
  clinic,
  patient,
  withoutSampleNumber: { type: 'boolean' },
  /** Registered as preliminary (svar_midlertidigt) or final (svar_endeligt, the default). */
  status: { enum: ['svar_midlertidigt', 'svar_endeligt'] },
  /** ISO 8601 times; both default to the time of registration. */
  sampledAt: { type: 'string', format: 'date-time' },
  resultAt: { type: 'string', format: 'date-time' },
} as const;

export const registerSchema = {
  body: {
    type: 'object',
    required: ['clinic', 'patient', 'analysis', 'value'],
    additionalProperties: false,
    properties: {
      ...requisitionProperties,
      ...analysisResultProperties,
      origin: { enum: ['klinik', 'laboratorium', 'anden_praksis'] },
    },
  },
} as const;

export const requisitionSchema = {
  body: {
    type: 'object',
    required: ['clinic', 'patient', 'results'],
    additionalProperties: false,
    properties: {
      ...requisitionProperties,
      results: {
        type: 'array',
        minItems: 1,
        maxItems: 99,
        items: { type: 'object', required: ['analysis', 'value'], additionalProperties: false, properties: analysisResultProperties },
      },
    },
  },
} as const;

export const correctionSchema = {
  body: {
    type: 'object',
    additionalProperties: false,
    properties: {
      value: { type: 'string', minLength: 1, maxLength: 12 },
      unit: { type: 'string', minLength: 1, maxLength: 16 },
      /** At most 70 characters: it goes in XRPT05's Examination/Summary as well as in XRPT01's ResultComments. */
      comment: { type: 'string', minLength: 1, maxLength: 70 },
      resultValidation,
    },
  },
} as const;

export const patientSchema = { body: patient } as const;

export const cancellationSchema = {
  body: { type: 'object', required: ['clinic'], additionalProperties: false, properties: { clinic: { type: 'string', minLength: 1 } } },
} as const;

export const shareSchema = {
  body: { type: 'object', additionalProperties: false, properties: { encoding: { enum: ['UTF-8', 'ISO-8859-1'] } } },
} as const;
