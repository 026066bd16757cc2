/**
 * PLSP Health Hub's interface (ASSUMPTION until PLSP's real interface is known, DESIGN.md §5):
 *   POST /plsp/v1/xrpt   Emessage XML, header X-LPS-System; 200 + XCTL03, or 4xx/502 + XCTL02 naming every fault
 *   POST /plsp/v1/cancellations  {patientId, producerCode}, header X-LPS-System: cancel results sent for a
 *                        wrong patient id in both databanks (LABA-05, ASSUMPTION) -> 200 {cancelled: {LABA, MiBa}}
 *   GET  /plsp/v1/messages?envelope=&patient=&system=&since=&limit=&before=  the hub's journal, newest first: per
 *                        message its id, outcome, findings (warnings too), the message and the receipt; a page of
 *                        `limit` entries (default 100, at most 1000), `before` the `next` of the previous page
 *                        -> {messages, next?}
 *   GET  /metrics        monitoring counters (MON-01), Prometheus text format
 */
import type { FastifyInstance } from 'fastify';
import { CANCELLATION_SCHEMA, type Cancellation } from '../common/cancellation';
import { cancelResults } from './cancel';
import type { PlspConfig } from './config';
import { MAX_PAGE_SIZE, type JournalFilter, type JournalPageRequest, type MessageJournal } from './journal';
import type { Hub } from './receive';
import type { HubMetrics } from './metrics';

function lpsSystem(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' && header !== '' ? header : undefined;
}

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
  app.post('/plsp/v1/xrpt', async (request, reply) => {
    const body = typeof request.body === 'string' ? request.body : '';
    const answer = await hub.receive(lpsSystem(request.headers['x-lps-system']), body);
    return reply.code(answer.status).type('application/xml; charset=utf-8').send(answer.receiptXml);
  });

  app.post<{ Body: Cancellation }>('/plsp/v1/cancellations', { schema: { body: CANCELLATION_SCHEMA } }, async (request, reply) => {
    const answer = await cancelResults(config, metrics, lpsSystem(request.headers['x-lps-system']), request.body);
    return reply.code(answer.status).send(answer.body);
  });

  app.get<{ Querystring: JournalFilter & JournalPageRequest }>('/plsp/v1/messages', { schema: { querystring: JOURNAL_QUERY_SCHEMA } }, async (request) => {
    const { limit, before, ...filter } = request.query;
    return journal.page(filter, { limit, before });
  });

  app.get('/metrics', async (_request, reply) => {
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
