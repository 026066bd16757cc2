/** Laboratoriesvarportalen's query API, as contracts/labportal.ts describes it (and its ASSUMPTION). */
import type { FastifyInstance } from 'fastify';
import { accessHeaders } from '../../contracts/access';
import { DATABANK_PATHS, type ResultsResponse } from '../../contracts/databank';
import { LABPORTAL_PATHS, type PortalResult, type PortalResultsResponse } from '../../contracts/labportal';
import { fetchJson, UpstreamError } from '../common/fetch-json';
import type { LabportalConfig } from './config';
import { nationalView } from './national-view';

export function registerLabportalRoutes(app: FastifyInstance, config: LabportalConfig): void {
  app.get<{ Params: { patient: string } }>(LABPORTAL_PATHS.patientResults, async (request, reply): Promise<PortalResultsResponse | typeof reply> => {
    const patient = encodeURIComponent(request.params.patient);
    try {
      const [laba, miba] = await Promise.all([
        fetchJson<ResultsResponse>('LABA', `${config.labaUrl}${DATABANK_PATHS.results}?patient=${patient}`, undefined, accessHeaders(config.accessToken)),
        fetchJson<ResultsResponse>('MiBa', `${config.mibaUrl}${DATABANK_PATHS.results}?patient=${patient}`, undefined, accessHeaders(config.accessToken)),
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
