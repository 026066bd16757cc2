/** PLSP Health Hub's interface, as contracts/plsp.ts describes it (and its ASSUMPTIONs). */
import type { FastifyInstance } from 'fastify';
import { CANCELLATION_SCHEMA, type Cancellation } from '../../contracts/databank';
import { PLSP_PATHS, type JournalFilter } from '../../contracts/plsp';
import { cancelResults } from './cancel';
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
  app.post('/plsp/v1/xrpt', async (request, reply) => {
    const body = typeof request.body === 'string' ? request.body : '';
    const answer = await hub.receive(lpsSystem(request.headers['x-lps-system']), body);
    return reply.code(answer.status).type('application/xml; charset=utf-8').send(answer.receiptXml);
  });

  app.post<{ Body: Cancellation }>(PLSP_PATHS.cancellations, { schema: { body: CANCELLATION_SCHEMA } }, async (request, reply) => {
    const answer = await cancelResults(config, metrics, lpsSystem(request.headers['x-lps-system']), request.body);
    return reply.code(answer.status).send(answer.body);
  });

  app.get<{ Querystring: JournalFilter }>(PLSP_PATHS.messages, async (request) => ({
    messages: journal.list(request.query),
  }));

  app.get(PLSP_PATHS.metrics, async (_request, reply) => {
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
