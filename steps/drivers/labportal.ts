/** Reads Laboratoriesvarportalen's national view of a patient's results. */
import type { AxiosInstance } from 'axios';
import { expectStatus, httpClient } from './http';

export interface ViewedResult {
  id: string;
  databank: 'LABA' | 'MiBa';
  requisitionId: string;
  analysisCode: string;
  value: string;
  unit?: string;
  status: string;
  producer: { name: string; code: string };
}

export class LabportalDriver {
  private readonly http: AxiosInstance;

  constructor(baseUrl: string) {
    this.http = httpClient(baseUrl);
  }

  async results(patientId: string): Promise<ViewedResult[]> {
    const response = await this.http.get<{ results: ViewedResult[] }>(`/api/v1/patients/${encodeURIComponent(patientId)}/results`);
    return expectStatus(response, 200, `Read the portal's view for ${patientId}`).results;
  }
}
