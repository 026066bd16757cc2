/**
 * PLSP Health Hub's interface, as contracts/plsp.ts describes it (and its ASSUMPTIONs). Every refusal of a message
 * is a negative receipt (XCTL02) whose text says what and where, also when the message was never read: see
 * front-door.ts. Beside it: GET /plsp/v1/cancellations?patient=&system=&since= lists the cancellations received,
 * oldest first (LABA-05).
 */
import type { FastifyInstance } from 'fastify';
import { CANCELLATION_SCHEMA, type Cancellation } from '../../contracts/databank';
import { PLSP_PATHS, type JournalFilter, type JournalPageRequest } from '../../contracts/plsp';
import { charsetOf } from '../common/app-factory';
import { cancelResults } from './cancel';
import { CancellationJournal } from './cancellation-journal';
import type { PlspConfig } from './config';
import { MAX_PAGE_SIZE, type MessageJournal } from './journal';
import type { Hub } from './receive';
import type { HubMetrics } from './metrics';
import { guardCancellations, guardFrontDoor, notXml, sendReceipt, systemOf } from './front-door';

const JOURNAL_QUERY_SCHEMA = {
  type: 'object',
  properties: {
    envelope: { type: 'string' },
    patient: { type: 'string' },
    system: { type: 'string' },
    since: { type: 'string' },
    limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE },
    before: { type: 'integer', minimum: 1 },
  },
} as const;

export interface PlspParts {
  config: PlspConfig;
  hub: Hub;
  metrics: HubMetrics;
  journal: MessageJournal;
}

export function registerPlspRoutes(app: FastifyInstance, { config, hub, metrics, journal }: PlspParts): void {
  guardFrontDoor(app, hub, (scope) => {
    scope.post('/plsp/v1/xrpt', async (request, reply) => {
      const system = systemOf(request);
      const answer = Buffer.isBuffer(request.body)
        ? await hub.receive(system, request.body, charsetOf(request))
        : notXml(hub, system, request.headers['content-type']);
      return reply.code(answer.status).type('application/xml; charset=utf-8').send(answer.receiptXml);
    });
  });

  const cancellations = new CancellationJournal();
  guardCancellations(app, hub, (scope) => {
    scope.post<{ Body: Cancellation }>(PLSP_PATHS.cancellations, { schema: { body: CANCELLATION_SCHEMA } }, async (request, reply) => {
      const receivedAt = new Date().toISOString();
      const system = systemOf(request);
      const answer = await cancelResults(config, metrics, system, request.body);
      cancellations.record({ ...request.body, ...(system ? { lpsSystem: system } : {}), receivedAt, httpStatus: answer.status, ...answer.body });
      // The answer is JSON when the cancellation went through; a refusal is a negative receipt, as under /plsp/v1/ everywhere.
      if (answer.status === 200) return reply.code(200).send(answer.body);
      return sendReceipt(reply, hub.refusal(answer.status, answer.where ?? PLSP_PATHS.cancellations, answer.body.error ?? 'the cancellation was refused'));
    });
  });

  app.get<{ Querystring: { patient?: string; system?: string; since?: string } }>(PLSP_PATHS.cancellations, async (request) => ({
    cancellations: cancellations.list(request.query),
  }));

  app.get<{ Querystring: JournalFilter & JournalPageRequest }>(PLSP_PATHS.messages, { schema: { querystring: JOURNAL_QUERY_SCHEMA } }, async (request) => {
    const { limit, before, ...filter } = request.query;
    return journal.page(filter, { limit, before });
  });

  app.get(PLSP_PATHS.metrics, async (_request, reply) => {
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
