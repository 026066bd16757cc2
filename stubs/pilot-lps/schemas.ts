/** JSON schemas of the pilot LPS's control interface: Fastify checks every request against them. */

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
