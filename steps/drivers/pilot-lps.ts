/** Drives the pilot LPS simulator over its control interface, as a doctor would use the LPS. */
import type { AxiosInstance, AxiosResponse } from 'axios';
import { expectStatus, httpClient } from './http';
import {
  PILOT_LPS_PATHS,
  pilotLpsPath,
  type CorrectionResponse,
  type PatientCancellationResponse,
  type RefusalResponse,
  type RegisterRequest,
  type RegisteredResult,
  type ShareAllResponse,
  type SharedResult,
} from '../../contracts/pilot-lps';
import type { LpsDriver, RegisteredAndShared, ResultToRegister, TestPerson } from './lps';

/** The pilot LPS said no (409), with the rule behind it. */
export interface Refusal extends RefusalResponse {
  httpStatus: number;
}

function refusalOrThrow(response: AxiosResponse<unknown>, what: string): Refusal {
  const body = response.data as Partial<RefusalResponse>;
  if (response.status !== 409) expectStatus(response, 409, what);
  return { httpStatus: response.status, rule: body.rule, error: body.error ?? '' };
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
    const request: RegisterRequest = { clinic: { name: clinic }, patient: { ...patient, consentGiven: consentGiven ?? true }, ...rest };
    const response = await this.http.post<RegisteredResult>(PILOT_LPS_PATHS.results, request);
    return expectStatus(response, 201, `Register ${result.analysis} in the pilot LPS`);
  }

  /** Shares a result; `encoding` 'ISO-8859-1' makes the pilot LPS send it in ISO-8859-1 (default UTF-8). */
  async share(id: string, encoding?: 'ISO-8859-1'): Promise<SharedResult> {
    const response = await this.http.post<SharedResult>(pilotLpsPath(PILOT_LPS_PATHS.share, id), encoding ? { encoding } : {});
    return expectStatus(response, 200, `Share result ${id} from the pilot LPS`);
  }

  /** Shares, or returns the LPS's refusal (409). */
  async tryShare(id: string): Promise<SharedResult | Refusal> {
    const response = await this.http.post<SharedResult>(pilotLpsPath(PILOT_LPS_PATHS.share, id), {});
    return response.status === 200 ? response.data : refusalOrThrow(response, `Share result ${id}`);
  }

  async shareAll(): Promise<ShareAllResponse> {
    return expectStatus(await this.http.post<ShareAllResponse>(PILOT_LPS_PATHS.sharePending, {}), 200, 'Share all new results');
  }

  /** Deletes, or returns the LPS's refusal (409); undefined when deleted. */
  async tryDelete(id: string): Promise<Refusal | undefined> {
    const response = await this.http.delete(pilotLpsPath(PILOT_LPS_PATHS.result, id));
    return response.status === 204 ? undefined : refusalOrThrow(response, `Delete result ${id}`);
  }

  /** Corrects a shared result; the pilot LPS sends the correction on at once. */
  async correct(_result: ResultToRegister, registered: RegisteredResult, change: { value: string; unit?: string }): Promise<SharedResult> {
    const id = registered.id;
    const response = await this.http.post<CorrectionResponse>(pilotLpsPath(PILOT_LPS_PATHS.corrections, id), change);
    const sent = expectStatus(response, 200, `Correct result ${id}`).sent;
    if (!sent) throw new Error(`The pilot LPS did not send the correction of result ${id} on: was it shared?`);
    return sent;
  }

  async tryChangePatient(id: string, patient: TestPerson): Promise<Refusal | undefined> {
    const response = await this.http.put(pilotLpsPath(PILOT_LPS_PATHS.patient, id), patient);
    return response.status === 200 ? undefined : refusalOrThrow(response, `Change the patient of result ${id}`);
  }

  async cancelPatient(cpr: string, clinic: string): Promise<PatientCancellationResponse> {
    const response = await this.http.post<PatientCancellationResponse>(pilotLpsPath(PILOT_LPS_PATHS.patientCancellation, cpr), { clinic });
    return expectStatus(response, 200, `Cancel the results of ${cpr}`);
  }
}

export function isRefusal(outcome: SharedResult | Refusal): outcome is Refusal {
  return 'rule' in outcome || !('receipt' in outcome);
}
