/** HTTP calls from one system to another, with errors that name the system, the URL and the answer. */

export class UpstreamError extends Error {
  constructor(
    readonly system: string,
    message: string,
    /** True when trying again may help: no answer, a timeout or a 5xx; false when the system said no (4xx). */
    readonly retryable = true,
  ) {
    super(message);
  }
}

async function call(system: string, url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new UpstreamError(system, `${system} could not be reached at ${url}: ${(error as Error).message}`);
  }
}

/** The body of an answer that is not 2xx, or, where the system broke its answer off halfway, that it did. */
async function answerText(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    return `(the answer broke off: ${(error as Error).message})`;
  }
}

/** POSTs a body; resolves with the response whatever its status (the caller judges it). */
export function postTo(system: string, url: string, contentType: string, body: string | Uint8Array, headers: Record<string, string> = {}, timeoutMs = 15_000): Promise<Response> {
  const payload = typeof body === 'string' ? body : new Uint8Array(body);
  return call(system, url, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body: payload }, timeoutMs);
}

/** POSTs a body and throws an UpstreamError unless the answer is 2xx. */
export async function postExpectingOk(
  system: string,
  url: string,
  contentType: string,
  body: string | Uint8Array,
  timeoutMs = 15_000,
  headers: Record<string, string> = {},
): Promise<Response> {
  const response = await postTo(system, url, contentType, body, headers, timeoutMs);
  if (!response.ok) {
    throw new UpstreamError(system, `${system} refused POST ${url} with HTTP ${response.status}: ${await answerText(response)}`, response.status >= 500);
  }
  return response;
}

export async function fetchJson<T>(system: string, url: string, timeoutMs = 10_000, headers: Record<string, string> = {}): Promise<T> {
  const response = await call(system, url, { headers }, timeoutMs);
  if (!response.ok) {
    throw new UpstreamError(system, `${system} answered ${response.status} to GET ${url}: ${await answerText(response)}`);
  }
  return (await response.json()) as T;
}
