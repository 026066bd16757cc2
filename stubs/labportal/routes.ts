/** Laboratoriesvarportalen's query API, as contracts/labportal.ts describes it (and its ASSUMPTION). */
import type { FastifyInstance } from 'fastify';
import { accessHeaders } from '../../contracts/access';
import { DATABANK_PATHS, type DatabankName, type StoredResult } from '../../contracts/databank';
import { LABPORTAL_PATHS, type PortalResult, type PortalResultsResponse } from '../../contracts/labportal';
import { fetchJson, UpstreamError } from '../common/fetch-json';
import type { LabportalConfig } from './config';
import { nationalView } from './national-view';

export function registerLabportalRoutes(app: FastifyInstance, config: LabportalConfig): void {
  app.get<{ Params: { patient: string } }>(LABPORTAL_PATHS.patientResults, async (request, reply): Promise<PortalResultsResponse | typeof reply> => {
    const patient = encodeURIComponent(request.params.patient);
    let laba: StoredResult[];
    let miba: StoredResult[];
    try {
      [laba, miba] = await Promise.all([
        storedResults('LABA', `${config.labaUrl}${DATABANK_PATHS.results}?patient=${patient}`, config.accessToken),
        storedResults('MiBa', `${config.mibaUrl}${DATABANK_PATHS.results}?patient=${patient}`, config.accessToken),
      ]);
    } catch (error) {
      return reply.code(502).send({ error: (error as UpstreamError).message });
    }
    const results: PortalResult[] = [...nationalView('LABA', laba), ...nationalView('MiBa', miba)];
    results.sort((a, b) => b.resultTime.localeCompare(a.resultTime));
    return { results };
  });
}

/** A databank's stored results for the patient; any failure to read them is an UpstreamError naming the databank. */
async function storedResults(databank: DatabankName, url: string, accessToken: string | undefined): Promise<StoredResult[]> {
  let body: unknown;
  try {
    body = await fetchJson<unknown>(databank, url, undefined, accessHeaders(accessToken));
  } catch (error) {
    throw error instanceof UpstreamError ? error : new UpstreamError(databank, `${databank} answered GET ${url} with a body that is not JSON`);
  }
  const results = (body as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) throw new UpstreamError(databank, `${databank} answered GET ${url} without a list of results`);
  return results as StoredResult[];
}
