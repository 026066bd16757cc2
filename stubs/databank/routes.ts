/**
 * The databank's HTTP interface (ASSUMPTION: the real LABA/MiBa upload interfaces are not public):
 *   POST /api/v1/upload            Emessage XML from the hub, in the encoding it names (UTF-8, ISO-8859-1, ...):
 *                                  200 {stored, duplicates} | 400/415/422 {error, findings}; the bytes are kept as sent
 *   GET  /api/v1/results?patient=  every stored version of a patient's results, with consent and cancellation
 *   GET  /api/v1/messages/:id      an uploaded message byte for byte as received (by envelope identifier)
 *   POST /api/v1/cancellations     {patientId, producerCode}: cancel every result of that producer for that
 *                                  patient id (LABA-05; ASSUMPTION: XRPT01 has no cancel status) -> {cancelled}
 */
import type { FastifyInstance } from 'fastify';
import { charsetOf } from '../common/app-factory';
import { CANCELLATION_SCHEMA, type Cancellation } from '../common/cancellation';
import { readEmessage } from '../../medcom';
import type { DatabankConfig } from './config';
import { recordsOf } from './records';
import type { DatabankStore } from './store';

const ACCEPTED_KIND = { laba: 'XRPT01', miba: 'XRPT05' } as const;

export function registerDatabankRoutes(app: FastifyInstance, config: DatabankConfig, store: DatabankStore): void {
  const acceptedKind = ACCEPTED_KIND[config.role];

  app.post('/api/v1/upload', async (request, reply) => {
    if (!Buffer.isBuffer(request.body)) {
      return reply.code(415).send({ error: 'Send the Emessage as XML with Content-Type application/xml' });
    }
    const charset = charsetOf(request);
    const outcome = readEmessage(request.body, charset ? { charset } : {});
    if (!outcome.message) {
      return reply.code(400).send({ error: 'The message is not a valid MedCom Emessage', findings: outcome.findings });
    }
    const { envelope, letters } = outcome.message;
    const foreign = letters.findIndex((letter) => letter.kind !== acceptedKind);
    if (foreign >= 0) {
      return reply.code(422).send({
        error: `${config.role.toUpperCase()} takes only ${acceptedKind}; letter ${foreign + 1} is ${letters[foreign]?.kind}`,
      });
    }
    const records = letters.flatMap((letter) => recordsOf(envelope.identifier, letter));
    return store.storeMessage(envelope.identifier, { bytes: request.body, charset }, records);
  });

  app.post<{ Body: Cancellation }>(
    '/api/v1/cancellations',
    { schema: { body: CANCELLATION_SCHEMA } },
    async (request) => ({ cancelled: store.cancelPatient(request.body.patientId, request.body.producerCode) }),
  );

  app.get<{ Querystring: { patient?: string } }>('/api/v1/results', async (request, reply) => {
    const patient = request.query.patient;
    if (!patient) return reply.code(400).send({ error: 'Give the patient: /api/v1/results?patient=<CPR or replacement CPR>' });
    return { results: store.resultsForPatient(patient) };
  });

  app.get<{ Params: { id: string } }>('/api/v1/messages/:id', async (request, reply) => {
    const stored = store.message(request.params.id);
    if (stored === undefined) return reply.code(404).send({ error: `No message with envelope identifier ${request.params.id}` });
    return reply.type(stored.charset ? `application/xml; charset=${stored.charset}` : 'application/xml').send(stored.bytes);
  });
}
