/**
 * The drivers' HTTP client: axios, never throwing on a status (drivers decide what a status means). When the run's
 * systems demand the platform's access token (contracts/access.ts), every driver sends it from here.
 */
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { accessHeaders } from '../../contracts/access';

let runAccessToken: string | undefined;

/** The access token the run's systems demand (Environment.accessToken); undefined when they demand none. */
export function useAccessToken(token: string | undefined): void {
  runAccessToken = token;
}

/** Headers every request of a driver carries: the access token, when the run has one. */
export function driverHeaders(): Record<string, string> {
  return accessHeaders(runAccessToken);
}

export function httpClient(baseURL: string, timeoutMs = 15_000): AxiosInstance {
  const client = axios.create({ baseURL, timeout: timeoutMs, validateStatus: () => true, transitional: { clarifyTimeoutError: true } });
  // Read at each request: drivers may be made before the environment (and its token) is known.
  client.interceptors.request.use((config) => {
    for (const [name, value] of Object.entries(driverHeaders())) config.headers.set(name, value);
    return config;
  });
  return client;
}

/** Throws an error naming the request and the answer when the status is not the expected one. */
export function expectStatus<T>(response: AxiosResponse<T>, expected: number, what: string): T {
  if (response.status !== expected) {
    const body = typeof response.data === 'string' ? response.data : JSON.stringify(response.data);
    throw new Error(`${what}: expected HTTP ${expected}, got ${response.status} from ${response.config.method?.toUpperCase()} ${response.config.baseURL ?? ''}${response.config.url ?? ''}: ${body.slice(0, 500)}`);
  }
  return response.data;
}
