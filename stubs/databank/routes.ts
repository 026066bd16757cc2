/**
 * The databank's HTTP interface (ASSUMPTION: the real LABA/MiBa upload interfaces are not public):
 *   POST /api/v1/upload            Emessage XML from the hub; 200 {upload, stored, duplicates} | 400/422 {error, findings}
 *   DELETE /api/v1/uploads/:upload undo one upload (hub only; ASSUMPTION: the hub's compensation when another part
 *                                  of a mixed message failed): removes the results it newly stored that no later
 *                                  upload delivered again or corrected -> 200 {removed, kept} | 404
 *   GET  /api/v1/results?patient=  every stored version of a patient's results, with consent and cancellation
 *   GET  /api/v1/messages/:id      an uploaded message exactly as received (by envelope identifier)
 *   POST /api/v1/cancellations     {patientId, producerCode}: cancel every result of that producer for that
 *                                  patient id (LABA-05; ASSUMPTION: XRPT01 has no cancel status) -> {cancelled}
 */
import type { FastifyInstance } from 'fastify';
import { CANCELLATION_SCHEMA, type Cancellation } from '../common/cancellation';
import { readEmessage } from '../../medcom';
import type { DatabankConfig } from './config';
import { recordsOf } from './records';
import type { DatabankStore } from './store';

const ACCEPTED_KIND = { laba: 'XRPT01', miba: 'XRPT05' } as const;

export function registerDatabankRoutes(app: FastifyInstance, config: DatabankConfig, store: DatabankStore): void {
  const acceptedKind = ACCEPTED_KIND[config.role];

  app.post('/api/v1/upload', async (request, reply) => {
    if (typeof request.body !== 'string') {
      return reply.code(415).send({ error: 'Send the Emessage as XML with Content-Type application/xml' });
    }
    const outcome = readEmessage(request.body);
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
    return store.storeMessage(envelope.identifier, request.body, records);
  });

  app.delete<{ Params: { upload: string } }>('/api/v1/uploads/:upload', async (request, reply) => {
    const upload = Number(request.params.upload);
    const outcome = Number.isSafeInteger(upload) ? store.undoUpload(upload) : undefined;
    if (!outcome) return reply.code(404).send({ error: `No upload ${request.params.upload} to undo (unknown, or undone already)` });
    return outcome;
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
    const xml = store.messageXml(request.params.id);
    if (xml === undefined) return reply.code(404).send({ error: `No message with envelope identifier ${request.params.id}` });
    return reply.type('application/xml; charset=utf-8').send(xml);
  });
}
