/**
 * The pilot LPS's control interface: what a tester (or a scenario) does in the clinic.
 *   POST   /api/v1/results                    register a result (origin klinik, or received: laboratorium / anden_praksis)
 *   GET    /api/v1/results/:id                the local result and its state
 *   POST   /api/v1/results/:id/share          share it via PLSP (409 for results not produced in this practice);
 *                                             body {encoding: 'ISO-8859-1'} sends it in ISO-8859-1 (default UTF-8)
 *   POST   /api/v1/share-pending              share every unshared result produced here; lists what it skipped and why
 *   DELETE /api/v1/results/:id                delete (409 once shared: DEL-04)
 *   POST   /api/v1/results/:id/corrections    correct; a shared result is sent on as corrected (DEL-05)
 *   PUT    /api/v1/results/:id/patient        change the patient (409 once shared: LABA-05)
 *   POST   /api/v1/patients/:cpr/cancellation cancel every result this practice shared for a wrong patient id (LABA-05)
 * A refusal is 409 with {error, rule}; an unknown result 404.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Operator, ReferenceInterval } from '../../medcom/model';
import { findAnalysis, knownAnalysisNames } from '../../medcom/npu-catalogue';
import type { Clinic, Journal, LocalPatient, Origin } from './journal';
import { LpsRefusal } from './journal';
import { cancellationSchema, correctionSchema, patientSchema, registerSchema, shareSchema } from './schemas';
import type { SendEncoding, Sharing } from './sharing';

interface RegisterBody {
  clinic: { name: string; ydernummer?: string; ean?: string; producerCode?: string };
  origin?: Origin;
  producer?: { name: string; code: string };
  patient: { cpr: string; givenName: string; surname: string; consentGiven?: boolean };
  analysis: string;
  value: string;
  unit?: string;
  operator?: Operator;
  referenceInterval?: ReferenceInterval;
  withoutSampleNumber?: boolean;
}

type IdParams = { Params: { id: string } };

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

function patientOf(body: RegisterBody['patient']): LocalPatient {
  return { ...body, consentGiven: body.consentGiven ?? true };
}

function refusalReply(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof LpsRefusal) {
    return reply.code(error.rule === '' ? 404 : 409).send({ error: error.message, ...(error.rule ? { rule: error.rule } : {}) });
  }
  throw error;
}

export function registerPilotLpsRoutes(app: FastifyInstance, journal: Journal, sharing: Sharing): void {
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof LpsRefusal) return refusalReply(reply, error);
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    return reply.code(status).send({ error: (error as Error).message });
  });

  app.post<{ Body: RegisterBody }>('/api/v1/results', { schema: registerSchema }, async (request, reply) => {
    const body = request.body;
    const analysis = findAnalysis(body.analysis);
    if (!analysis) {
      return reply.code(400).send({ error: `Unknown analysis "${body.analysis}". Known: ${knownAnalysisNames().join(', ')}` });
    }
    const origin = body.origin ?? 'klinik';
    if (origin !== 'klinik' && !body.producer) {
      return reply.code(400).send({ error: `A result received from ${origin} needs its producer: give producer {name, code}` });
    }
    const clinic = clinicOf(body.clinic);
    const result = journal.register({
      origin,
      clinic,
      producer: body.producer ?? { name: clinic.name, code: clinic.producerCode },
      patient: patientOf(body.patient),
      analysis,
      value: body.value,
      unit: body.unit,
      operator: body.operator,
      referenceInterval: body.referenceInterval,
      withoutSampleNumber: body.withoutSampleNumber,
    });
    return reply.code(201).send(result);
  });

  app.get<IdParams>('/api/v1/results/:id', async (request) => journal.require(request.params.id));

  app.post<IdParams & { Body: { encoding?: SendEncoding } | undefined }>('/api/v1/results/:id/share', { schema: shareSchema }, async (request) =>
    sharing.share(journal.require(request.params.id), request.body?.encoding),
  );

  app.post('/api/v1/share-pending', async () => sharing.shareAll());

  app.delete<IdParams>('/api/v1/results/:id', async (request, reply) => {
    journal.delete(request.params.id);
    return reply.code(204).send();
  });

  app.post<IdParams & { Body: { value: string; unit?: string; comment?: string } }>(
    '/api/v1/results/:id/corrections',
    { schema: correctionSchema },
    async (request) => {
      const sent = await sharing.correct(request.params.id, request.body);
      return { result: journal.require(request.params.id), ...(sent ? { sent } : {}) };
    },
  );

  app.put<IdParams & { Body: RegisterBody['patient'] }>('/api/v1/results/:id/patient', { schema: patientSchema }, async (request) =>
    journal.changePatient(request.params.id, patientOf(request.body)),
  );

  app.post<{ Params: { cpr: string }; Body: { clinic: string } }>(
    '/api/v1/patients/:cpr/cancellation',
    { schema: cancellationSchema },
    async (request) => sharing.cancelPatient(request.params.cpr, request.body.clinic),
  );
}
