/** Reads what a databank (LABA or MiBa) stored. */
import type { AxiosInstance } from 'axios';
import { DATABANK_PATHS, messagePath, type DatabankName, type ResultsResponse, type StoredResult } from '../../contracts/databank';
import { expectStatus, httpClient } from './http';

export class DatabankDriver {
  private readonly http: AxiosInstance;

  constructor(
    readonly name: DatabankName,
    baseUrl: string,
  ) {
    this.http = httpClient(baseUrl);
  }

  async results(patientId: string): Promise<StoredResult[]> {
    const response = await this.http.get<ResultsResponse>(DATABANK_PATHS.results, { params: { patient: patientId } });
    return expectStatus(response, 200, `Read ${this.name}'s results for ${patientId}`).results;
  }

  /** The message's bytes exactly as the databank received them, or undefined when it has none with that envelope id. */
  async message(envelopeIdentifier: string): Promise<Buffer | undefined> {
    const response = await this.http.get<ArrayBuffer>(messagePath(envelopeIdentifier), {
      responseType: 'arraybuffer',
    });
    if (response.status === 404) return undefined;
    return Buffer.from(expectStatus(response, 200, `Read message ${envelopeIdentifier} from ${this.name}`));
  }
}
