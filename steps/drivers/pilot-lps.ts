/** Drives the pilot LPS simulator over its control interface. */
import type { AxiosInstance } from 'axios';
import { expectStatus, httpClient } from './http';
import type { LpsDriver, ResultToShare, SharedResult } from './lps';

export class PilotLpsDriver implements LpsDriver {
  private readonly http: AxiosInstance;

  constructor(baseUrl: string) {
    this.http = httpClient(baseUrl);
  }

  async register(result: ResultToShare): Promise<string> {
    const response = await this.http.post<{ id: string }>('/api/v1/results', {
      clinic: { name: result.clinic },
      patient: { ...result.patient, consentGiven: result.consentGiven ?? true },
      analysis: result.analysis,
      value: result.value,
      ...(result.unit ? { unit: result.unit } : {}),
      ...(result.referenceInterval ? { referenceInterval: result.referenceInterval } : {}),
    });
    return expectStatus(response, 201, 'Register a result in the pilot LPS').id;
  }

  async share(id: string): Promise<SharedResult> {
    const response = await this.http.post<SharedResult>(`/api/v1/results/${encodeURIComponent(id)}/share`);
    return expectStatus(response, 200, `Share result ${id} from the pilot LPS`);
  }

  async registerAndShare(result: ResultToShare): Promise<SharedResult> {
    return this.share(await this.register(result));
  }
}
