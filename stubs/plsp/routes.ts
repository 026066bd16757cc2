/**
 * PLSP Health Hub's interface (ASSUMPTION until PLSP's real interface is known, DESIGN.md §5):
 *   POST /plsp/v1/xrpt   Emessage XML, header X-LPS-System; 200 + XCTL03, or 4xx/502 + XCTL02 naming every fault
 *   GET  /metrics        monitoring counters (MON-01), Prometheus text format
 */
import type { FastifyInstance } from 'fastify';
import type { Hub } from './receive';
import type { HubMetrics } from './metrics';

export function registerPlspRoutes(app: FastifyInstance, hub: Hub, metrics: HubMetrics): void {
  app.post('/plsp/v1/xrpt', async (request, reply) => {
    const body = typeof request.body === 'string' ? request.body : '';
    const system = request.headers['x-lps-system'];
    const answer = await hub.receive(typeof system === 'string' && system !== '' ? system : undefined, body);
    return reply.code(answer.status).type('application/xml; charset=utf-8').send(answer.receiptXml);
  });

  app.get('/metrics', async (_request, reply) => {
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
