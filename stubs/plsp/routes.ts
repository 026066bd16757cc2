/**
 * PLSP Health Hub's interface (ASSUMPTION until PLSP's real interface is known, DESIGN.md §5):
 *   POST /plsp/v1/xrpt   Emessage XML, header X-LPS-System; 200 + XCTL03, or 4xx/502 + XCTL02 naming every fault
 *   POST /plsp/v1/cancellations  {patientId, producerCode}, header X-LPS-System: cancel results sent for a
 *                        wrong patient id in both databanks (LABA-05, ASSUMPTION) -> 200 {cancelled: {LABA, MiBa}}
 *   GET  /plsp/v1/messages?envelope=&patient=&system=&since=  the hub's journal, newest first: per message its
 *                        outcome, findings (warnings too), the message and the receipt
 *   GET  /metrics        monitoring counters (MON-01), Prometheus text format
 * Every refusal of a message is a negative receipt (XCTL02) whose text says what and where, also when the message
 * was never read: a wrong or missing Content-Type (415), a body over the limit (413), the hub shutting down (503),
 * an unknown path or method under /plsp/v1/ (404). See front-door.ts.
 */
import type { FastifyInstance } from 'fastify';
import { charsetOf } from '../common/app-factory';
import { CANCELLATION_SCHEMA, type Cancellation } from '../common/cancellation';
import { cancelResults } from './cancel';
import type { PlspConfig } from './config';
import type { MessageJournal } from './journal';
import type { Hub } from './receive';
import type { HubMetrics } from './metrics';
import { guardFrontDoor, notXml } from './front-door';

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
  guardFrontDoor(app, hub, (scope) => {
    scope.post('/plsp/v1/xrpt', async (request, reply) => {
      const system = lpsSystem(request.headers['x-lps-system']);
      const answer = Buffer.isBuffer(request.body)
        ? await hub.receive(system, request.body, charsetOf(request))
        : notXml(hub, system, request.headers['content-type']);
      return reply.code(answer.status).type('application/xml; charset=utf-8').send(answer.receiptXml);
    });
  });

  app.post<{ Body: Cancellation }>('/plsp/v1/cancellations', { schema: { body: CANCELLATION_SCHEMA } }, async (request, reply) => {
    const answer = await cancelResults(config, metrics, lpsSystem(request.headers['x-lps-system']), request.body);
    return reply.code(answer.status).send(answer.body);
  });

  app.get<{ Querystring: { envelope?: string; patient?: string; system?: string; since?: string } }>('/plsp/v1/messages', async (request) => ({
    messages: journal.list(request.query),
  }));

  app.get('/metrics', async (_request, reply) => {
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
