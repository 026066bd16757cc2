/** The drivers' HTTP client: axios, never throwing on a status (drivers decide what a status means). */
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';

export function httpClient(baseURL: string, timeoutMs = 15_000): AxiosInstance {
  return axios.create({ baseURL, timeout: timeoutMs, validateStatus: () => true, transitional: { clarifyTimeoutError: true } });
}

/** Throws an error naming the request and the answer when the status is not the expected one. */
export function expectStatus<T>(response: AxiosResponse<T>, expected: number, what: string): T {
  if (response.status !== expected) {
    const body = typeof response.data === 'string' ? response.data : JSON.stringify(response.data);
    throw new Error(`${what}: expected HTTP ${expected}, got ${response.status} from ${response.config.method?.toUpperCase()} ${response.config.baseURL ?? ''}${response.config.url ?? ''}: ${body.slice(0, 500)}`);
  }
  return response.data;
}
