/**
 * The environment of one run of the suite. A serial run starts it in cucumber's BeforeAll (steps/hooks.ts); a
 * parallel run (`--parallel N`) starts it once in scripts/run-suite.ts, before cucumber, and every worker attaches to
 * it through E2E_SHARED_ENVIRONMENT (its URLs and access token as JSON), so the workers share one set of stubs, one
 * WireMock and one hub, and the run's start costs what a serial run's does.
 */
import { ENVIRONMENT_KINDS, SYSTEMS, type EndpointName, type Environment, type EnvironmentKind } from '../environments/environment';
import { lpsMode, vendorSettings } from './lps-mode';

/** Set by scripts/run-suite.ts for a parallel run: the environment every worker attaches to. */
export const SHARED_ENVIRONMENT_ENV = 'E2E_SHARED_ENVIRONMENT';

/** E2E_PLSP_PORT fixes the hub's port, so a vendor's LPS can be set up before the run (vendor mode, test camps). */
function hubPort(value = process.env.E2E_PLSP_PORT): { plsp: number } | undefined {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`E2E_PLSP_PORT=${value} is not a port number 1-65535`);
  return { plsp: port };
}

/**
 * Starts the run's environment. LABA-01: the systems MedCom has approved, as this environment is configured (the
 * pilot LPS and "Andet-LPS", and in vendor mode the vendor's LPS, unless E2E_APPROVED_SYSTEMS says otherwise).
 */
export async function startRunEnvironment(kind: EnvironmentKind): Promise<Environment> {
  const vendor = lpsMode() === 'vendor' ? vendorSettings().system : undefined;
  const approvedSystems = process.env.E2E_APPROVED_SYSTEMS?.split(',').map((name) => name.trim()) ?? ['Pilot-LPS', 'Andet-LPS', ...(vendor ? [vendor] : [])];
  // Loaded only here: the stubs' code is not needed by a worker that attaches, nor by cucumber's coordinator.
  const { startEnvironment } = require('../environments') as typeof import('../environments');
  return startEnvironment(kind, { approvedSystems }, { ports: hubPort() });
}

/** What a worker needs to reach a running environment, as the value of E2E_SHARED_ENVIRONMENT. */
export function describeSharedEnvironment(environment: Environment): string {
  return JSON.stringify({ kind: environment.kind, urls: environment.urls, ...(environment.accessToken !== undefined ? { accessToken: environment.accessToken } : {}) });
}

/** The environment a parallel run's worker attaches to; stopping it is the starter's job, so stop does nothing here. */
export function attachSharedEnvironment(value: string): Environment {
  const problem = (what: string): Error => new Error(`${SHARED_ENVIRONMENT_ENV} ${what}: scripts/run-suite.ts sets it for a parallel run; unset it to start an environment per run`);
  let parsed: { kind?: unknown; urls?: Record<string, unknown>; accessToken?: unknown };
  try {
    parsed = JSON.parse(value) as typeof parsed;
  } catch (error) {
    throw problem(`is not JSON (${(error as Error).message})`);
  }
  const kind = parsed.kind;
  if (typeof kind !== 'string' || !(ENVIRONMENT_KINDS as readonly string[]).includes(kind)) throw problem(`names no environment kind (${String(kind)})`);
  const urls = {} as Record<EndpointName, string>;
  for (const name of [...SYSTEMS, 'wiremock'] as const) {
    const url = parsed.urls?.[name];
    if (typeof url !== 'string' || !/^https?:\/\//.test(url)) throw problem(`has no http URL for ${name}`);
    urls[name] = url;
  }
  if (parsed.accessToken !== undefined && typeof parsed.accessToken !== 'string') throw problem('has an access token that is not a string');
  return { kind: kind as EnvironmentKind, urls, stop: async () => undefined, ...(typeof parsed.accessToken === 'string' ? { accessToken: parsed.accessToken } : {}) };
}
