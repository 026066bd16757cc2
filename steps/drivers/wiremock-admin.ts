/**
 * WireMock's admin API (/__admin/...), as the databank-proxy driver uses it, through the drivers' HTTP layer
 * (http.ts), so the platform's access token goes along when WireMock sits behind the gate (contracts/access.ts).
 * The mapping and journal shapes are WireMock's own.
 */
import type { AxiosInstance } from 'axios';
import { expectStatus, httpClient } from './http';

export interface JournalRequest {
  request: { url: string; method: string; body?: string };
  response?: { status?: number };
  responseDefinition?: { status?: number };
  /** The mapping that answered the request (absent when none matched). */
  stubMapping?: { id?: string };
}

/** A JSONPath match on a mapping's metadata: `{ expression: '$.owner', equalTo: '...' }`. */
export interface MetadataMatch {
  expression: string;
  equalTo: string;
}

export class WireMockAdmin {
  private readonly http: AxiosInstance;

  constructor(readonly baseUrl: string) {
    this.http = httpClient(baseUrl);
  }

  /** Adds a stub mapping (WireMock's JSON form); returns the id WireMock gave it. */
  async addMapping(mapping: object, what: string): Promise<string> {
    return expectStatus(await this.http.post<{ id: string }>('/__admin/mappings', mapping), 201, `WireMock at ${this.baseUrl}: ${what}`).id;
  }

  async findMappingsByMetadata<T>(match: MetadataMatch): Promise<T[]> {
    const body = expectStatus(await this.http.post<{ mappings: T[] }>('/__admin/mappings/find-by-metadata', { matchesJsonPath: match }), 200, `WireMock at ${this.baseUrl}: find mappings`);
    return body.mappings;
  }

  async removeMappingsByMetadata(match: MetadataMatch): Promise<void> {
    expectStatus(await this.http.post('/__admin/mappings/remove-by-metadata', { matchesJsonPath: match }), 200, `WireMock at ${this.baseUrl}: remove mappings`);
  }

  /** The request journal's entries for one method and exact URL, newest first (as WireMock lists them). */
  async requestsFor(method: string, url: string): Promise<JournalRequest[]> {
    return (await this.journal()).filter((entry) => entry.request.method === method && entry.request.url === url);
  }

  /** Every entry of the request journal, newest first. */
  async journal(): Promise<JournalRequest[]> {
    return expectStatus(await this.http.get<{ requests: JournalRequest[] }>('/__admin/requests'), 200, `WireMock at ${this.baseUrl}: request journal`).requests;
  }
}
