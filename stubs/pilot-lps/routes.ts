/**
 * The pilot LPS's control interface: what a tester (or a scenario) does in the clinic.
 *   POST   /api/v1/results                    register a result (origin klinik, or received: laboratorium / anden_praksis)
 *   POST   /api/v1/requisitions               register several results from one sample: shared together in one letter
 *   GET    /api/v1/results/:id                the local result and its state
 *   POST   /api/v1/results/:id/share          share it, with the unsent results of its sample, via PLSP
 *                                             (409 for results not produced in this practice)
 *   POST   /api/v1/share-pending              share every unshared result produced here; lists what it skipped and why
 *   DELETE /api/v1/results/:id                delete (409 once shared: DEL-04)
 *   POST   /api/v1/results/:id/corrections    correct {value?, unit?, comment?, resultValidation?}; a shared result is
 *                                             sent on as corrected (DEL-05)
 *   POST   /api/v1/results/:id/final          make a preliminary result final; a shared one is sent on as final
 *   PUT    /api/v1/results/:id/patient        change the patient (409 once shared: LABA-05)
 *   POST   /api/v1/patients/:id/cancellation  cancel every result this practice shared for a wrong patient id, CPR or
 *                                             replacement CPR (LABA-05)
 * A result carries, beyond analysis and value: unit, operator, reference interval, ResultValidation (else the LPS
 * flags a value outside its interval itself), producer {name, code, ydernummer} (a practice of the same medical
 * centre whose laboratory produced it; ASSUMPTION: ProducerOfLabResult is per result, so MedCom allows it),
 * examinator (XRPT05), and for its sample: status (svar_midlertidigt | svar_endeligt), sampledAt and resultAt
 * (ISO 8601), a patient with cpr or replacementCpr (AlternativeIdentifier).
 * A refusal is 409 with {error, rule}; an unknown result 404.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Operator, ReferenceInterval, ResultValidation } from '../../medcom/model';
import { findAnalysis, knownAnalysisNames } from '../../medcom/npu-catalogue';
import type { Clinic, InitialStatus, Journal, LocalPatient, NewLocalResult, NewRequisition, Origin, ResultChange } from './journal';
import { LpsRefusal } from './journal';
import { cancellationSchema, correctionSchema, patientSchema, registerSchema, requisitionSchema } from './schemas';
import type { Sharing } from './sharing';

interface AnalysisResultBody {
  analysis: string;
  value: string;
  unit?: string;
  operator?: Operator;
  referenceInterval?: ReferenceInterval;
  resultValidation?: ResultValidation;
  producer?: { name: string; code: string; ydernummer?: string };
  examinator?: string;
}

interface RequisitionBody {
  clinic: { name: string; ydernummer?: string; ean?: string; producerCode?: string };
  patient: { cpr?: string; replacementCpr?: string; givenName: string; surname: string; consentGiven?: boolean };
  withoutSampleNumber?: boolean;
  status?: InitialStatus;
  sampledAt?: string;
  resultAt?: string;
}

type RegisterBody = RequisitionBody & AnalysisResultBody & { origin?: Origin };

type IdParams = { Params: { id: string } };

/** A practice's producer code when none is given: the initials of its name, at most three letters. */
function defaultProducerCode(name: string): string {
  return name
    .split(/\s+/)
    .map((word) => word.charAt(0).toUpperCase())
    .join('')
    .slice(0, 3);
}

function clinicOf(body: RequisitionBody['clinic']): Clinic {
  return {
    name: body.name,
    ydernummer: body.ydernummer ?? '012345',
    ean: body.ean ?? '5790000000000',
    producerCode: body.producerCode ?? defaultProducerCode(body.name),
  };
}

function patientOf(body: RequisitionBody['patient']): LocalPatient {
  return { ...body, consentGiven: body.consentGiven ?? true };
}

function analysisOf(name: string) {
  const analysis = findAnalysis(name);
  if (!analysis) throw Object.assign(new Error(`Unknown analysis "${name}". Known: ${knownAnalysisNames().join(', ')}`), { statusCode: 400 });
  return analysis;
}

function newResult(body: AnalysisResultBody, clinic: Clinic, patient: LocalPatient, origin: Origin): NewLocalResult {
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

function requisitionOf(body: RequisitionBody): NewRequisition {
  return {
    withoutSampleNumber: body.withoutSampleNumber,
    status: body.status,
    ...(body.sampledAt ? { sampledAt: new Date(body.sampledAt) } : {}),
    ...(body.resultAt ? { resultAt: new Date(body.resultAt) } : {}),
  };
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
    const origin = body.origin ?? 'klinik';
    if (origin !== 'klinik' && !body.producer) {
      return reply.code(400).send({ error: `A result received from ${origin} needs its producer: give producer {name, code}` });
    }
    const clinic = clinicOf(body.clinic);
    const [result] = journal.registerRequisition([newResult(body, clinic, patientOf(body.patient), origin)], requisitionOf(body));
    return reply.code(201).send(result);
  });

  app.post<{ Body: RequisitionBody & { results: AnalysisResultBody[] } }>('/api/v1/requisitions', { schema: requisitionSchema }, async (request, reply) => {
    const body = request.body;
    const clinic = clinicOf(body.clinic);
    const patient = patientOf(body.patient);
    const results = journal.registerRequisition(
      body.results.map((result) => newResult(result, clinic, patient, 'klinik')),
      requisitionOf(body),
    );
    return reply.code(201).send({ results });
  });

  app.get<IdParams>('/api/v1/results/:id', async (request) => journal.require(request.params.id));

  app.post<IdParams>('/api/v1/results/:id/share', async (request) => sharing.share(journal.require(request.params.id)));

  app.post('/api/v1/share-pending', async () => sharing.shareAll());

  app.delete<IdParams>('/api/v1/results/:id', async (request, reply) => {
    journal.delete(request.params.id);
    return reply.code(204).send();
  });

  app.post<IdParams & { Body: ResultChange }>('/api/v1/results/:id/corrections', { schema: correctionSchema }, async (request) => {
    const sent = await sharing.correct(request.params.id, request.body);
    return { result: journal.require(request.params.id), ...(sent ? { sent } : {}) };
  });

  app.post<IdParams & { Body: ResultChange }>('/api/v1/results/:id/final', { schema: correctionSchema }, async (request) => {
    const sent = await sharing.makeFinal(request.params.id, request.body ?? {});
    return { result: journal.require(request.params.id), ...(sent ? { sent } : {}) };
  });

  app.put<IdParams & { Body: RequisitionBody['patient'] }>('/api/v1/results/:id/patient', { schema: patientSchema }, async (request) =>
    journal.changePatient(request.params.id, patientOf(request.body)),
  );

  app.post<{ Params: { id: string }; Body: { clinic: string } }>(
    '/api/v1/patients/:id/cancellation',
    { schema: cancellationSchema },
    async (request) => sharing.cancelPatient(request.params.id, request.body.clinic),
  );
}
