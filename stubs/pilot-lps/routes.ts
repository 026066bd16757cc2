/** The pilot LPS's control interface, as contracts/pilot-lps.ts describes it. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  PILOT_LPS_PATHS,
  cancellationSchema,
  correctionSchema,
  patientSchema,
  registerSchema,
  shareSchema,
  type CorrectionRequest,
  type PatientCancellationRequest,
  type PatientRequest,
  type RegisterRequest,
  type ShareRequest,
} from '../../contracts/pilot-lps';
import { findAnalysis, knownAnalysisNames } from '../../medcom/npu-catalogue';
import type { Clinic, Journal, LocalPatient } from './journal';
import { LpsRefusal } from './journal';
import type { Sharing } from './sharing';

type IdParams = { Params: { id: string } };

/** A practice's producer code when none is given: the initials of its name, at most three letters. */
function defaultProducerCode(name: string): string {
  return name
    .split(/\s+/)
    .map((word) => word.charAt(0).toUpperCase())
    .join('')
    .slice(0, 3);
}

function clinicOf(body: RegisterRequest['clinic']): Clinic {
  return {
    name: body.name,
    ydernummer: body.ydernummer ?? '012345',
    ean: body.ean ?? '5790000000000',
    producerCode: body.producerCode ?? defaultProducerCode(body.name),
  };
}

function patientOf(body: PatientRequest): LocalPatient {
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

  app.post<{ Body: RegisterRequest }>(PILOT_LPS_PATHS.results, { schema: registerSchema }, async (request, reply) => {
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

  app.get<IdParams>(PILOT_LPS_PATHS.result, async (request) => journal.require(request.params.id));

  app.post<IdParams & { Body: ShareRequest | undefined }>(PILOT_LPS_PATHS.share, { schema: shareSchema }, async (request) =>
    sharing.share(journal.require(request.params.id), request.body?.encoding),
  );

  app.post(PILOT_LPS_PATHS.sharePending, async () => sharing.shareAll());

  app.delete<IdParams>(PILOT_LPS_PATHS.result, async (request, reply) => {
    journal.delete(request.params.id);
    return reply.code(204).send();
  });

  app.post<IdParams & { Body: CorrectionRequest }>(
    PILOT_LPS_PATHS.corrections,
    { schema: correctionSchema },
    async (request) => {
      const sent = await sharing.correct(request.params.id, request.body);
      return { result: journal.require(request.params.id), ...(sent ? { sent } : {}) };
    },
  );

  app.put<IdParams & { Body: PatientRequest }>(PILOT_LPS_PATHS.patient, { schema: patientSchema }, async (request) =>
    journal.changePatient(request.params.id, patientOf(request.body)),
  );

  app.post<{ Params: { cpr: string }; Body: PatientCancellationRequest }>(
    PILOT_LPS_PATHS.patientCancellation,
    { schema: cancellationSchema },
    async (request) => sharing.cancelPatient(request.params.cpr, request.body.clinic),
  );
}
