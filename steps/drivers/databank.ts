/** Reads what a databank (LABA or MiBa) stored. */
import type { AxiosInstance } from 'axios';
import { expectStatus, httpClient } from './http';

/** A stored result as the databank's API returns it (the fields scenarios check). */
export interface StoredResult {
  key: string;
  version: number;
  cancelled: boolean;
  record: Record<string, unknown> & {
    envelopeIdentifier: string;
    patientId: string;
    consentGiven: boolean | null;
    requisitionId: string;
    resultStatusCode: string;
    analysisCode: string;
    producerCode: string;
    value: string;
  };
}

export class DatabankDriver {
  private readonly http: AxiosInstance;

  constructor(
    readonly name: 'LABA' | 'MiBa',
    baseUrl: string,
  ) {
    this.http = httpClient(baseUrl);
  }

  async results(patientId: string): Promise<StoredResult[]> {
    const response = await this.http.get<{ results: StoredResult[] }>('/api/v1/results', { params: { patient: patientId } });
    return expectStatus(response, 200, `Read ${this.name}'s results for ${patientId}`).results;
  }

  /** The message's bytes exactly as the databank received them, or undefined when it has none with that envelope id. */
  async message(envelopeIdentifier: string): Promise<Buffer | undefined> {
    const response = await this.http.get<ArrayBuffer>(`/api/v1/messages/${encodeURIComponent(envelopeIdentifier)}`, {
      responseType: 'arraybuffer',
    });
    if (response.status === 404) return undefined;
    return Buffer.from(expectStatus(response, 200, `Read message ${envelopeIdentifier} from ${this.name}`));
  }
}
