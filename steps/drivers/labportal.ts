/** Reads Laboratoriesvarportalen's national view of a patient's results. */
import type { AxiosInstance } from 'axios';
import { patientResultsPath, type PortalResult, type PortalResultsResponse } from '../../contracts/labportal';
import { expectStatus, httpClient } from './http';

export class LabportalDriver {
  private readonly http: AxiosInstance;

  constructor(baseUrl: string) {
    this.http = httpClient(baseUrl);
  }

  async results(patientId: string): Promise<PortalResult[]> {
    const response = await this.http.get<PortalResultsResponse>(patientResultsPath(patientId));
    return expectStatus(response, 200, `Read the portal's view for ${patientId}`).results;
  }
}
