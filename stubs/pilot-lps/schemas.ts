/** JSON schemas of the pilot LPS's control interface: Fastify checks every request against them. */

const patient = {
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
      patient,
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

export const patientSchema = { body: patient } as const;

export const cancellationSchema = {
  body: { type: 'object', required: ['clinic'], additionalProperties: false, properties: { clinic: { type: 'string', minLength: 1 } } },
} as const;

export const shareSchema = {
  body: { type: 'object', additionalProperties: false, properties: { encoding: { enum: ['UTF-8', 'ISO-8859-1'] } } },
} as const;
