/**
 * PLSP Health Hub's interface (ASSUMPTION until PLSP's real interface is known, DESIGN.md §5):
 *   POST /plsp/v1/xrpt   Emessage XML, header X-LPS-System; 200 + XCTL03, or 4xx/502 + XCTL02 naming every fault
 *   POST /plsp/v1/cancellations  {patientId, producerCode}, header X-LPS-System: cancel results sent for a
 *                        wrong patient id in both databanks (LABA-05, ASSUMPTION) -> 200 {cancelled: {LABA, MiBa}}
 *   GET  /plsp/v1/cancellations?patient=&system=&since=  the cancellations received, oldest first (LABA-05)
 *   GET  /plsp/v1/messages?envelope=&patient=&system=&since=  the hub's journal, newest first: per message its
 *                        outcome, findings (warnings too), the message and the receipt
 *   GET  /metrics        monitoring counters (MON-01), Prometheus text format
 */
import type { FastifyInstance } from 'fastify';
import { CANCELLATION_SCHEMA, type Cancellation } from '../common/cancellation';
import { cancelResults } from './cancel';
import { CancellationJournal } from './cancellation-journal';
import type { PlspConfig } from './config';
import type { MessageJournal } from './journal';
import type { Hub } from './receive';
import type { HubMetrics } from './metrics';

function lpsSystem(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' && header !== '' ? header : undefined;
}

export interface PlspParts {
  config: PlspConfig;
  hub: Hub;
  metrics: HubMetrics;
  journal: MessageJournal;
}

export function registerPlspRoutes(app: FastifyInstance, { config, hub, metrics, journal }: PlspParts): void {
  const cancellations = new CancellationJournal();
  app.post('/plsp/v1/xrpt', async (request, reply) => {
    const body = typeof request.body === 'string' ? request.body : '';
    const answer = await hub.receive(lpsSystem(request.headers['x-lps-system']), body);
    return reply.code(answer.status).type('application/xml; charset=utf-8').send(answer.receiptXml);
  });

  app.post<{ Body: Cancellation }>('/plsp/v1/cancellations', { schema: { body: CANCELLATION_SCHEMA } }, async (request, reply) => {
    const receivedAt = new Date().toISOString();
    const system = lpsSystem(request.headers['x-lps-system']);
    const answer = await cancelResults(config, metrics, system, request.body);
    cancellations.record({ ...request.body, ...(system ? { lpsSystem: system } : {}), receivedAt, httpStatus: answer.status, ...answer.body });
    return reply.code(answer.status).send(answer.body);
  });

  app.get<{ Querystring: { patient?: string; system?: string; since?: string } }>('/plsp/v1/cancellations', async (request) => ({
    cancellations: cancellations.list(request.query),
  }));

  app.get<{ Querystring: { envelope?: string; patient?: string; system?: string; since?: string } }>('/plsp/v1/messages', async (request) => ({
    messages: journal.list(request.query),
  }));

  app.get('/metrics', async (_request, reply) => {
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
