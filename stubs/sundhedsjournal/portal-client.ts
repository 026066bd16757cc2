/** Fetches a citizen's results from Laboratoriesvarportalen; every failure becomes one error with a Danish reason. */
import { accessHeaders } from '../../contracts/access';
import { patientResultsPath } from '../../contracts/labportal';
import { InvalidPortalResponseError, parsePortalResponse } from './portal-response';
import type { PortalResult } from './portal-result';

export class PortalUnavailableError extends Error {
  constructor(
    /** Danish, for the error page: what went wrong, e.g. "Laboratoriesvarportalen svarede HTTP 503". */
    readonly reason: string,
    /** The portal's HTTP status, when it answered at all. */
    readonly status?: number,
  ) {
    super(reason);
  }
}

export interface PortalClient {
  resultsFor(cpr: string): Promise<PortalResult[]>;
}

export function createPortalClient(baseUrl: string, timeoutMs: number, accessToken?: string): PortalClient {
  return {
    async resultsFor(cpr) {
      const url = `${baseUrl}${patientResultsPath(cpr)}`;
      let response: Response;
      try {
        response = await fetch(url, { headers: { accept: 'application/json', ...accessHeaders(accessToken) }, signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        throw new PortalUnavailableError(unreachableReason(baseUrl, timeoutMs, error));
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new PortalUnavailableError(`Laboratoriesvarportalen svarede HTTP ${response.status}`, response.status);
      }
      try {
        return parsePortalResponse(await response.json());
      } catch (error) {
        const detail = error instanceof InvalidPortalResponseError ? error.message : 'svaret er ikke gyldig JSON';
        throw new PortalUnavailableError(`Ugyldigt svar fra laboratoriesvarportalen: ${detail}`, response.status);
      }
    },
  };
}

function unreachableReason(baseUrl: string, timeoutMs: number, error: unknown): string {
  // fetch rejects with a TypeError, or with AbortSignal.timeout's DOMException named TimeoutError (nothing else aborts it).
  if ((error as Error).name === 'TimeoutError') {
    return `Laboratoriesvarportalen (${baseUrl}) svarede ikke inden for ${timeoutMs} ms`;
  }
  return `Laboratoriesvarportalen (${baseUrl}) kan ikke nås`;
}
