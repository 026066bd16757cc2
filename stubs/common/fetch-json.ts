/** GET a JSON document from another system, with an error that names the system, URL and status. */

export class UpstreamError extends Error {
  constructor(
    readonly system: string,
    message: string,
  ) {
    super(message);
  }
}

export async function fetchJson<T>(system: string, url: string, timeoutMs = 10_000): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new UpstreamError(system, `${system} could not be reached at ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) {
    throw new UpstreamError(system, `${system} answered ${response.status} to GET ${url}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}
