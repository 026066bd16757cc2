/**
 * The pilot LPS's control interface: what a tester (or a scenario) does in the clinic.
 *   POST /api/v1/results             register a result produced in the clinic -> 201 {id, state}
 *   POST /api/v1/results/:id/share   share it via PLSP -> 200 {httpStatus, receipt, envelopeIdentifier, sentXml}
 *   GET  /api/v1/results/:id         the local result and its state
 */
import type { FastifyInstance } from 'fastify';
import { writeEmessage } from '../../medcom';
import { findAnalysis, knownAnalysisNames } from '../../medcom/npu-catalogue';
import type { Operator, ReferenceInterval } from '../../medcom/model';
import { composeEmessage } from './compose';
import type { PilotLpsConfig } from './config';
import type { Clinic, Journal } from './journal';
import { sendToPlsp } from './plsp-client';

interface RegisterBody {
  clinic: { name: string; ydernummer?: string; ean?: string; producerCode?: string };
  patient: { cpr: string; givenName: string; surname: string; consentGiven?: boolean };
  analysis: string;
  value: string;
  unit?: string;
  operator?: Operator;
  referenceInterval?: ReferenceInterval;
}

const registerSchema = {
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
      patient: {
        type: 'object',
        required: ['cpr', 'givenName', 'surname'],
        additionalProperties: false,
        properties: {
          cpr: { type: 'string', pattern: '^[0-9]{10}$' },
          givenName: { type: 'string', minLength: 1 },
          surname: { type: 'string', minLength: 1 },
          consentGiven: { type: 'boolean' },
        },
      },
      analysis: { type: 'string', minLength: 1 },
      value: { type: 'string', minLength: 1, maxLength: 12 },
      unit: { type: 'string', minLength: 1, maxLength: 16 },
      operator: { enum: ['mindre_end', 'stoerre_end'] },
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

/** A practice's producer code when none is given: the initials of its name, at most three letters. */
function defaultProducerCode(name: string): string {
  return name
    .split(/\s+/)
    .map((word) => word.charAt(0).toUpperCase())
    .join('')
    .slice(0, 3);
}

function clinicOf(body: RegisterBody['clinic']): Clinic {
  return {
    name: body.name,
    ydernummer: body.ydernummer ?? '012345',
    ean: body.ean ?? '5790000000000',
    producerCode: body.producerCode ?? defaultProducerCode(body.name),
  };
}

export function registerPilotLpsRoutes(app: FastifyInstance, config: PilotLpsConfig, journal: Journal): void {
  app.post<{ Body: RegisterBody }>('/api/v1/results', { schema: registerSchema }, async (request, reply) => {
    const body = request.body;
    const analysis = findAnalysis(body.analysis);
    if (!analysis) {
      return reply.code(400).send({ error: `Unknown analysis "${body.analysis}". Known: ${knownAnalysisNames().join(', ')}` });
    }
    const result = journal.register({
      clinic: clinicOf(body.clinic),
      patient: { ...body.patient, consentGiven: body.patient.consentGiven ?? true },
      analysis,
      value: body.value,
      unit: body.unit,
      operator: body.operator,
      referenceInterval: body.referenceInterval,
    });
    return reply.code(201).send({ id: result.id, state: result.state, sampleNumber: result.sampleNumber });
  });

  app.get<{ Params: { id: string } }>('/api/v1/results/:id', async (request, reply) => {
    const result = journal.get(request.params.id);
    if (!result) return reply.code(404).send({ error: `No result ${request.params.id} in this LPS` });
    return result;
  });

  app.post<{ Params: { id: string } }>('/api/v1/results/:id/share', async (request, reply) => {
    const result = journal.get(request.params.id);
    if (!result) return reply.code(404).send({ error: `No result ${request.params.id} in this LPS` });
    const message = composeEmessage(config, result);
    const sentXml = writeEmessage(message);
    const hubReply = await sendToPlsp(config, sentXml);
    if (hubReply.receipt.kind === 'XCTL03') result.state = 'delt';
    return {
      httpStatus: hubReply.httpStatus,
      receipt: hubReply.receipt,
      envelopeIdentifier: message.envelope.identifier,
      sentXml,
    };
  });
}
