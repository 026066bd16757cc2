/**
 * The environment of one run of the suite. scripts/run-suite.ts (`npm run e2e`) starts it once, while cucumber loads,
 * and announces it in a file (EnvironmentAnnouncement: its URLs and access token as JSON, or why it did not start)
 * whose path it gives cucumber in E2E_SHARED_ENVIRONMENT; every worker waits for that file and attaches
 * (awaitSharedEnvironment). So the workers of a parallel run share one set of stubs, one WireMock and one hub, in
 * embedded mode the stubs run in run-suite's process beside cucumber's, and nobody waits for the environment before
 * cucumber has loaded its code and launched its browser. cucumber-js started by hand, without E2E_SHARED_ENVIRONMENT,
 * starts its own in BeforeAll (steps/hooks.ts).
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { waitFor } from './wait-for';
import { isAlive } from '../environments/process-alive';
import { ENVIRONMENT_KINDS, SYSTEMS, type EndpointName, type Environment, type EnvironmentKind } from '../environments/environment';
import { lpsMode, vendorSettings } from './lps-mode';

/** Set by scripts/run-suite.ts: the file that announces the environment every worker attaches to. */
export const SHARED_ENVIRONMENT_ENV = 'E2E_SHARED_ENVIRONMENT';

/** E2E_PLSP_PORT fixes the hub's port, so a vendor's LPS can be set up before the run (vendor mode, test camps). */
function hubPort(value = process.env.E2E_PLSP_PORT): { plsp: number } | undefined {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`E2E_PLSP_PORT=${value} is not a port number 1-65535`);
  return { plsp: port };
}

/**
 * How long the run's hub waits before its first retry of a databank that failed (doubling, 3 attempts in all): 50 ms
 * instead of the stub's 200 ms. The retry rules are the same; the scenarios that make LABA or MiBa fail wait 0.15 s
 * for their negative receipt instead of 0.6 s. A fault stays until its scenario takes it away, so no verdict depends
 * on the wait.
 */
export const RUN_RETRY_BACKOFF_MS = 50;

/**
 * Starts the run's environment. LABA-01: the systems MedCom has approved, as this environment is configured (the
 * pilot LPS and "Andet-LPS", and in vendor mode the vendor's LPS, unless E2E_APPROVED_SYSTEMS says otherwise).
 */
export async function startRunEnvironment(kind: EnvironmentKind): Promise<Environment> {
  const vendor = lpsMode() === 'vendor' ? vendorSettings().system : undefined;
  const approvedSystems = process.env.E2E_APPROVED_SYSTEMS?.split(',').map((name) => name.trim()) ?? ['Pilot-LPS', 'Andet-LPS', ...(vendor ? [vendor] : [])];
  const ports = hubPort();
  // In-process, WireMock's JVM takes longest of all: it starts before the stubs' code is loaded (about 0.8 s).
  const wiremock = kind === 'local' ? startLoopbackWireMock() : undefined;
  try {
    // Loaded only here: the stubs' code is not needed by a worker that attaches, nor by cucumber's coordinator.
    const { startEnvironment } = require('../environments') as typeof import('../environments');
    return await startEnvironment(kind, { approvedSystems, stubSettings: { plsp: { PLSP_FORWARD_BACKOFF_MS: String(RUN_RETRY_BACKOFF_MS) } } }, { ports, ...(wiremock ? { wiremock } : {}) });
  } catch (error) {
    // Where the environment never took it over (its code failed to load), it is stopped here; otherwise it is stopped already.
    await wiremock?.then((running) => running.stop()).catch(() => undefined);
    throw error;
  }
}

/** WireMock on loopback, as the local environment starts it without a token (environments/local.ts). */
function startLoopbackWireMock(): Promise<import('../environments/wiremock/process').RunningWireMock> {
  const { startWireMockProcess } = require('../environments/wiremock/process') as typeof import('../environments/wiremock/process');
  const starting = startWireMockProcess({ host: '127.0.0.1', port: 0 });
  starting.catch(() => undefined); // awaited by the environment, or stopped above
  return starting;
}

/** What a worker needs to reach a running environment, as the announcement file holds it. */
export function describeSharedEnvironment(environment: Environment): string {
  return JSON.stringify({ kind: environment.kind, urls: environment.urls, ...(environment.accessToken !== undefined ? { accessToken: environment.accessToken } : {}) });
}

/** The environment a worker attaches to; stopping it is the starter's job, so stop does nothing here. */
export function attachSharedEnvironment(value: string): Environment {
  const problem = (what: string): Error => new Error(`The run's environment file ${what}: scripts/run-suite.ts writes it; unset ${SHARED_ENVIRONMENT_ENV} to start an environment per run`);
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

/**
 * The starter's side: the announcement is written once, whole (a temporary file renamed into place), so a reader never
 * sees half of it. starterPid lets a waiting worker notice a starter that died without announcing.
 */
export class EnvironmentAnnouncement {
  constructor(
    readonly file: string,
    readonly starterPid: number = process.pid,
  ) {}

  announce(environment: Environment): void {
    this.write(describeSharedEnvironment(environment));
  }

  announceFailure(error: unknown): void {
    this.write(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
  }

  /** The value of E2E_SHARED_ENVIRONMENT for cucumber: the file, and who writes it. */
  envValue(): string {
    return JSON.stringify({ file: this.file, starterPid: this.starterPid });
  }

  remove(): void {
    rmSync(this.file, { force: true });
  }

  private write(text: string): void {
    const partial = `${this.file}.${process.pid}.partial`;
    writeFileSync(partial, text);
    renameSync(partial, this.file);
  }
}

/** How long a worker waits for the environment: as long as containers mode may take to build and start its images. */
export const ANNOUNCEMENT_WAIT_MS = 900_000;

/**
 * The worker's side: waits for the announcement (value: E2E_SHARED_ENVIRONMENT), then attaches. Fails with the
 * starter's own reason when the environment did not start, and at once when the starter has died.
 */
export async function awaitSharedEnvironment(value: string, timeoutMs = ANNOUNCEMENT_WAIT_MS): Promise<Environment> {
  const problem = (what: string): Error => new Error(`${SHARED_ENVIRONMENT_ENV} ${what}: scripts/run-suite.ts sets it; unset it to start an environment per run`);
  let where: { file?: unknown; starterPid?: unknown };
  try {
    where = JSON.parse(value) as typeof where;
  } catch (error) {
    throw problem(`is not JSON (${(error as Error).message})`);
  }
  const { file, starterPid } = where;
  if (typeof file !== 'string' || typeof starterPid !== 'number') throw problem('names no announcement file and starter');
  const text = await waitFor(
    async () => {
      if (existsSync(file)) return readFileSync(file, 'utf8');
      if (!isAlive(starterPid)) throw new StarterGone(`the run's starter (process ${starterPid}) ended without starting the environment`);
      return undefined;
    },
    { what: `the run's environment (${file})`, timeoutMs, intervalMs: 20, stopOn: (error) => error instanceof StarterGone },
  );
  const failure = (JSON.parse(text) as { error?: unknown }).error;
  if (typeof failure === 'string') throw new Error(`The run's environment did not start: ${failure}`);
  return attachSharedEnvironment(text);
}

class StarterGone extends Error {}
