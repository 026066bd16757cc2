/** Drives the pilot LPS simulator over its control interface, as a doctor would use the LPS. */
import type { AxiosInstance, AxiosResponse } from 'axios';
import { expectStatus, httpClient } from './http';
import type {
  CancellationOutcome,
  LpsDriver,
  RegisteredAndShared,
  Refusal,
  RegisteredResult,
  ResultToRegister,
  ShareAllOutcome,
  SharedResult,
  TestPerson,
} from './lps';

function refusalOrThrow(response: AxiosResponse<unknown>, what: string): Refusal {
  const body = response.data as { error?: string; rule?: string };
  if (response.status !== 409) expectStatus(response, 409, what);
  return { httpStatus: response.status, rule: body.rule, error: body.error ?? '' };
}

/** Several results taken from one sample, registered together and shared in one letter (pilot LPS only). */
export interface RequisitionToRegister {
  clinic: string;
  patient: { cpr?: string; replacementCpr?: string; givenName: string; surname: string; consentGiven?: boolean };
  /** ISO 8601. */
  sampledAt?: string;
  resultAt?: string;
  status?: 'svar_midlertidigt' | 'svar_endeligt';
  results: {
    analysis: string;
    value: string;
    unit?: string;
    referenceInterval?: ResultToRegister['referenceInterval'];
    resultValidation?: 'for_hoej' | 'for_lav' | 'unormal';
    producer?: { name: string; code: string; ydernummer: string };
    examinator?: string;
  }[];
}

export class PilotLpsDriver implements LpsDriver {
  private readonly http: AxiosInstance;

  constructor(
    baseUrl: string,
    readonly systemName = 'Pilot-LPS',
  ) {
    this.http = httpClient(baseUrl);
  }

  async registerAndShare(result: ResultToRegister): Promise<RegisteredAndShared> {
    const registered = await this.register(result);
    return { registered, shared: await this.share(registered.id) };
  }

  async shareAgain(_result: ResultToRegister, registered: RegisteredResult): Promise<SharedResult> {
    return this.share(registered.id);
  }

  async register(result: ResultToRegister): Promise<RegisteredResult> {
    const { clinic, patient, consentGiven, ...rest } = result;
    const response = await this.http.post<RegisteredResult>('/api/v1/results', {
      clinic: { name: clinic },
      patient: { ...patient, consentGiven: consentGiven ?? true },
      ...rest,
    });
    return expectStatus(response, 201, `Register ${result.analysis} in the pilot LPS`);
  }

  async registerRequisition(requisition: RequisitionToRegister): Promise<RegisteredResult[]> {
    const { clinic, ...rest } = requisition;
    const response = await this.http.post<{ results: RegisteredResult[] }>('/api/v1/requisitions', { clinic: { name: clinic }, ...rest });
    return expectStatus(response, 201, `Register ${requisition.results.map((result) => result.analysis).join(', ')} in the pilot LPS`).results;
  }

  async share(id: string): Promise<SharedResult> {
    const response = await this.http.post<SharedResult>(`/api/v1/results/${encodeURIComponent(id)}/share`, {});
    return expectStatus(response, 200, `Share result ${id} from the pilot LPS`);
  }

  /** Shares, or returns the LPS's refusal (409). */
  async tryShare(id: string): Promise<SharedResult | Refusal> {
    const response = await this.http.post<SharedResult>(`/api/v1/results/${encodeURIComponent(id)}/share`, {});
    return response.status === 200 ? response.data : refusalOrThrow(response, `Share result ${id}`);
  }

  async shareAll(): Promise<ShareAllOutcome> {
    return expectStatus(await this.http.post<ShareAllOutcome>('/api/v1/share-pending', {}), 200, 'Share all new results');
  }

  /** Deletes, or returns the LPS's refusal (409); undefined when deleted. */
  async tryDelete(id: string): Promise<Refusal | undefined> {
    const response = await this.http.delete(`/api/v1/results/${encodeURIComponent(id)}`);
    return response.status === 204 ? undefined : refusalOrThrow(response, `Delete result ${id}`);
  }

  /** Corrects a shared result; the pilot LPS sends the correction on at once. */
  async correct(_result: ResultToRegister, registered: RegisteredResult, change: { value: string; unit?: string }): Promise<SharedResult> {
    const id = registered.id;
    const response = await this.http.post<{ sent?: SharedResult }>(`/api/v1/results/${encodeURIComponent(id)}/corrections`, change);
    const sent = expectStatus(response, 200, `Correct result ${id}`).sent;
    if (!sent) throw new Error(`The pilot LPS did not send the correction of result ${id} on: was it shared?`);
    return sent;
  }

  async tryChangePatient(id: string, patient: TestPerson): Promise<Refusal | undefined> {
    const response = await this.http.put(`/api/v1/results/${encodeURIComponent(id)}/patient`, patient);
    return response.status === 200 ? undefined : refusalOrThrow(response, `Change the patient of result ${id}`);
  }

  async cancelPatient(cpr: string, clinic: string): Promise<CancellationOutcome> {
    const response = await this.http.post<CancellationOutcome>(`/api/v1/patients/${encodeURIComponent(cpr)}/cancellation`, { clinic });
    return expectStatus(response, 200, `Cancel the results of ${cpr}`);
  }
}

export function isRefusal(outcome: SharedResult | Refusal): outcome is Refusal {
  return 'rule' in outcome || !('receipt' in outcome);
}
