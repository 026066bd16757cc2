/**
 * The cancellation of every result a producer sent for a wrong patient id (LABA-05). ASSUMPTION: XRPT01 has no
 * cancel status, so the hub and the databanks take this explicit JSON body: {patientId, producerCode}.
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
