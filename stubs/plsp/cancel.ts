/**
 * LABA-05: an LPS cancels every result it sent for a wrong patient id. ASSUMPTION: XRPT01 has no cancel status, so
 * the hub takes an explicit cancellation, `POST /plsp/v1/cancellations` {patientId, producerCode}, and passes it to
 * both databanks, which mark every version of those results cancelled; the national views then drop them.
 */
import { DATABANK_PATHS, type Cancellation, type DatabankCancellationResponse } from '../../contracts/databank';
import { PLSP_PATHS, type HubCancellationResponse } from '../../contracts/plsp';
import { postExpectingOk, UpstreamError } from '../common/fetch-json';
import { isApproved, type PlspConfig } from './config';
import { hubSignedHeaders } from './hub-signature';
import type { HubMetrics } from './metrics';

export interface CancellationAnswer {
  status: number;
  body: HubCancellationResponse;
  /** For a refusal: what was wrong (the header, a databank), for the negative receipt's RefuseText. */
  where?: string;
}

export async function cancelResults(config: PlspConfig, metrics: HubMetrics, system: string | undefined, cancellation: Cancellation): Promise<CancellationAnswer> {
  if (!system) return { status: 400, where: 'X-LPS-System', body: { error: 'the HTTP header X-LPS-System is missing: send the name of the LPS system' } };
  if (!isApproved(config, system)) {
    return { status: 403, where: 'X-LPS-System', body: { error: `the LPS system "${system}" is not approved by MedCom to upload lab results` } };
  }
  const body = JSON.stringify(cancellation);
  try {
    const [laba, miba] = await Promise.all(
      [config.labaUrl, config.mibaUrl].map(async (url, index) => {
        const response = await postExpectingOk(
          index === 0 ? 'LABA' : 'MiBa',
          `${url}${DATABANK_PATHS.cancellations}`,
          'application/json',
          body,
          undefined,
          hubSignedHeaders(config.hubKey, 'POST', DATABANK_PATHS.cancellations, body),
        );
        return ((await response.json()) as DatabankCancellationResponse).cancelled;
      }),
    );
    metrics.resultsCancelled(system, (laba ?? 0) + (miba ?? 0));
    return { status: 200, body: { cancelled: { LABA: laba ?? 0, MiBa: miba ?? 0 } } };
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    return { status: 502, where: PLSP_PATHS.cancellations, body: { error: `${error.message}; send the cancellation again` } };
  }
}
