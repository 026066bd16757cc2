/** The pilot LPS's control interface, as contracts/pilot-lps.ts describes it. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  PILOT_LPS_PATHS,
  cancellationSchema,
  correctionSchema,
  patientSchema,
  registerSchema,
  shareSchema,
  requisitionSchema,
  type AnalysisResultRequest,
  type CorrectionRequest,
  type Origin,
  type PatientCancellationRequest,
  type PatientRequest,
  type RegisterRequest,
  type ShareRequest,
  type RequisitionRequest,
  type SampleRequest,
} from '../../contracts/pilot-lps';
import { findAnalysis, knownAnalysisNames } from '../../medcom/npu-catalogue';
import type { Clinic, Journal, LocalPatient, NewLocalResult, NewRequisition } from './journal';
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

function clinicOf(body: SampleRequest['clinic']): Clinic {
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

function analysisOf(name: string) {
  const analysis = findAnalysis(name);
  if (!analysis) throw Object.assign(new Error(`Unknown analysis "${name}". Known: ${knownAnalysisNames().join(', ')}`), { statusCode: 400 });
  return analysis;
}

function newResult(body: AnalysisResultRequest, clinic: Clinic, patient: LocalPatient, origin: Origin): NewLocalResult {
  if (origin === 'klinik' && body.producer && body.producer.ydernummer === undefined) {
    throw Object.assign(new Error(`The producer "${body.producer.name}" of a result produced in the medical centre needs its ydernummer: give producer {name, code, ydernummer}`), { statusCode: 400 });
  }
  return {
    origin,
    clinic,
    producer: body.producer ?? { name: clinic.name, code: clinic.producerCode, ydernummer: clinic.ydernummer },
    patient,
    analysis: analysisOf(body.analysis),
    value: body.value,
    unit: body.unit,
    operator: body.operator,
    referenceInterval: body.referenceInterval,
    resultValidation: body.resultValidation,
    examinator: body.examinator,
  };
}

function requisitionOf(body: SampleRequest): NewRequisition {
  return {
    withoutSampleNumber: body.withoutSampleNumber,
    status: body.status,
    ...(body.sampledAt ? { sampledAt: new Date(body.sampledAt) } : {}),
    ...(body.resultAt ? { resultAt: new Date(body.resultAt) } : {}),
  };
}

/** For the requests whose body is optional (share, final): an absent body is an empty request. */
async function absentBodyIsEmpty(request: FastifyRequest): Promise<void> {
  request.body ??= {};
}

function refusalReply(reply: FastifyReply, error: LpsRefusal): FastifyReply {
  return reply.code(error.rule === '' ? 404 : 409).send({ error: error.message, ...(error.rule ? { rule: error.rule } : {}) });
}

export function registerPilotLpsRoutes(app: FastifyInstance, journal: Journal, sharing: Sharing): void {
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof LpsRefusal) return refusalReply(reply, error);
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    return reply.code(status).send({ error: (error as Error).message });
  });

  app.post<{ Body: RegisterRequest }>(PILOT_LPS_PATHS.results, { schema: registerSchema }, async (request, reply) => {
    const body = request.body;
    const origin = body.origin ?? 'klinik';
    if (origin !== 'klinik' && !body.producer) {
      return reply.code(400).send({ error: `A result received from ${origin} needs its producer: give producer {name, code}` });
    }
    const clinic = clinicOf(body.clinic);
    const [result] = journal.registerRequisition([newResult(body, clinic, patientOf(body.patient), origin)], requisitionOf(body));
    return reply.code(201).send(result);
  });

  app.post<{ Body: RequisitionRequest }>(PILOT_LPS_PATHS.requisitions, { schema: requisitionSchema }, async (request, reply) => {
    const body = request.body;
    const clinic = clinicOf(body.clinic);
    const patient = patientOf(body.patient);
    const results = journal.registerRequisition(
      body.results.map((result) => newResult(result, clinic, patient, 'klinik')),
      requisitionOf(body),
    );
    return reply.code(201).send({ results });
  });

  app.get<IdParams>(PILOT_LPS_PATHS.result, async (request) => journal.require(request.params.id));

  app.post<IdParams & { Body: ShareRequest }>(
    PILOT_LPS_PATHS.share,
    // A share without a body (the usual case) shares in UTF-8.
    { schema: shareSchema, preValidation: absentBodyIsEmpty },
    async (request) => sharing.share(journal.require(request.params.id), request.body.encoding),
  );

  app.post(PILOT_LPS_PATHS.sharePending, async () => sharing.shareAll());

  app.delete<IdParams>(PILOT_LPS_PATHS.result, async (request, reply) => {
    journal.delete(request.params.id);
    return reply.code(204).send();
  });

  app.post<IdParams & { Body: CorrectionRequest }>(PILOT_LPS_PATHS.corrections, { schema: correctionSchema }, async (request) => {
    const sent = await sharing.correct(request.params.id, request.body);
    return { result: journal.require(request.params.id), ...(sent ? { sent } : {}) };
  });

  // A final without a body changes nothing but the status.
  app.post<IdParams & { Body: CorrectionRequest }>(PILOT_LPS_PATHS.final, { schema: correctionSchema, preValidation: absentBodyIsEmpty }, async (request) => {
    const sent = await sharing.makeFinal(request.params.id, request.body);
    return { result: journal.require(request.params.id), ...(sent ? { sent } : {}) };
  });

  app.put<IdParams & { Body: PatientRequest }>(PILOT_LPS_PATHS.patient, { schema: patientSchema }, async (request) =>
    journal.changePatient(request.params.id, patientOf(request.body)),
  );

  app.post<{ Params: { cpr: string }; Body: PatientCancellationRequest }>(
    PILOT_LPS_PATHS.patientCancellation,
    { schema: cancellationSchema },
    async (request) => sharing.cancelPatient(request.params.cpr, request.body.clinic),
  );
}
