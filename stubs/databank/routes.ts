/** The databank's HTTP interface, as contracts/databank.ts describes it (and its ASSUMPTIONs). A message's bytes are kept as sent. */
import type { FastifyInstance } from 'fastify';
import { charsetOf } from '../common/app-factory';
import {
  CANCELLATION_SCHEMA,
  DATABANK_LETTER,
  DATABANK_OF_ROLE,
  DATABANK_PATHS,
  type Cancellation,
  type DatabankCancellationResponse,
  type ResultsResponse,
  type UploadResponse,
} from '../../contracts/databank';
import { readEmessage } from '../../medcom';
import type { DatabankConfig } from './config';
import { recordsOf } from './records';
import type { DatabankStore } from './store';

export function registerDatabankRoutes(app: FastifyInstance, config: DatabankConfig, store: DatabankStore): void {
  const acceptedKind = DATABANK_LETTER[DATABANK_OF_ROLE[config.role]];

  app.post(DATABANK_PATHS.upload, async (request, reply): Promise<UploadResponse | typeof reply> => {
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

  app.delete<{ Params: { upload: string } }>(DATABANK_PATHS.undoUpload, async (request, reply) => {
    const upload = Number(request.params.upload);
    const outcome = Number.isSafeInteger(upload) ? store.undoUpload(upload) : undefined;
    if (!outcome) return reply.code(404).send({ error: `No upload ${request.params.upload} to undo (unknown, or undone already)` });
    return outcome;
  });

  app.post<{ Body: Cancellation }>(
    DATABANK_PATHS.cancellations,
    { schema: { body: CANCELLATION_SCHEMA } },
    async (request): Promise<DatabankCancellationResponse> => ({ cancelled: store.cancelPatient(request.body.patientId, request.body.producerCode) }),
  );

  app.get<{ Querystring: { patient?: string } }>(DATABANK_PATHS.results, async (request, reply): Promise<ResultsResponse | typeof reply> => {
    const patient = request.query.patient;
    if (!patient) return reply.code(400).send({ error: 'Give the patient: /api/v1/results?patient=<CPR or replacement CPR>' });
    return { results: store.resultsForPatient(patient) };
  });

  app.get<{ Params: { id: string } }>(DATABANK_PATHS.message, async (request, reply) => {
    const stored = store.message(request.params.id);
    if (stored === undefined) return reply.code(404).send({ error: `No message with envelope identifier ${request.params.id}` });
    return reply.type(stored.charset ? `application/xml; charset=${stored.charset}` : 'application/xml').send(stored.bytes);
  });
}
