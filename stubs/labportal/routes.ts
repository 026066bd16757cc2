/**
 * Laboratoriesvarportalen's query API (ASSUMPTION: shaped for the Sundhedsjournal stand-in):
 *   GET /api/v1/patients/:patient/results  the national view from LABA and MiBa, newest result first
 */
import type { FastifyInstance } from 'fastify';
import { fetchJson, UpstreamError } from '../common/fetch-json';
import type { LabportalConfig } from './config';
import { nationalView, type DatabankResult, type PortalResult } from './national-view';

export function registerLabportalRoutes(app: FastifyInstance, config: LabportalConfig): void {
  app.get<{ Params: { patient: string } }>('/api/v1/patients/:patient/results', async (request, reply) => {
    const patient = encodeURIComponent(request.params.patient);
    try {
      const [laba, miba] = await Promise.all([
        fetchJson<{ results: DatabankResult[] }>('LABA', `${config.labaUrl}/api/v1/results?patient=${patient}`),
        fetchJson<{ results: DatabankResult[] }>('MiBa', `${config.mibaUrl}/api/v1/results?patient=${patient}`),
      ]);
      const results: PortalResult[] = [...nationalView('LABA', laba.results), ...nationalView('MiBa', miba.results)];
      results.sort((a, b) => b.resultTime.localeCompare(a.resultTime));
      return { results };
    } catch (error) {
      if (error instanceof UpstreamError) return reply.code(502).send({ error: error.message });
      throw error;
    }
  });
}
