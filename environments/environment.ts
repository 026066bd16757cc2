/**
 * Where the systems under test run, and how the test process reaches them. Scenarios and drivers only ever
 * see an Environment: they never know whether a stub runs in-process, in a container or is a real system.
 */

/** The systems of the chain, by the names used everywhere (stub names, container names, URLs). */
export const SYSTEMS = ['laba', 'miba', 'labportal', 'sundhedsjournal', 'plsp', 'pilot-lps'] as const;
export type SystemName = (typeof SYSTEMS)[number];

/**
 * Everything the test process reaches: the systems, and WireMock, which sits between PLSP and the databanks so
 * that scenarios can make LABA or MiBa fail, slow or unreachable and read what PLSP sent them.
 */
export type EndpointName = SystemName | 'wiremock';

export const ENVIRONMENT_KINDS = ['local', 'containers', 'remote'] as const;
export type EnvironmentKind = (typeof ENVIRONMENT_KINDS)[number];

export function isEnvironmentKind(value: string | undefined): value is EnvironmentKind {
  return (ENVIRONMENT_KINDS as readonly (string | undefined)[]).includes(value);
}

/** The mode named by E2E_ENV (or the given value): local when unset; a clear error for anything else. */
export function environmentKind(value = process.env.E2E_ENV): EnvironmentKind {
  const kind = value === undefined || value === '' ? 'local' : value;
  if (isEnvironmentKind(kind)) return kind;
  throw new Error(`E2E_ENV=${value} is not a mode: give ${ENVIRONMENT_KINDS.join(', ')} (local is the default)`);
}

export interface EnvironmentOptions {
  /** LPS system names approved by MedCom to upload (LABA-01). Undefined: the stubs' default list. */
  approvedSystems?: string[];
  /** Further environment variables per system (e.g. PLSP_FORWARD_ATTEMPTS, DATABANK_DB); the wiring's own win. */
  stubSettings?: Partial<Record<SystemName, Readonly<Record<string, string>>>>;
  /**
   * Demand this access token on every read and control endpoint (contracts/access.ts): for systems reachable beyond
   * loopback. Undefined: no token (loopback).
   */
  accessToken?: string;
  /** The key the hub signs its writes to the databanks with; the environment makes one when not given. */
  hubKey?: string;
}

export interface Environment {
  readonly kind: EnvironmentKind;
  /** Base URL (no trailing slash) of each system and of WireMock, as reachable from the test process. */
  readonly urls: Readonly<Record<EndpointName, string>>;
  /**
   * The access token the read and control endpoints demand (contracts/access.ts); undefined when none does. The
   * drivers send it with every request. Containers mode always has one: WireMock's gate demands it even when the
   * systems were started without a token (then they ignore it).
   */
  readonly accessToken?: string;
  /** Stops everything this environment started. Safe to call twice. */
  stop(): Promise<void>;
  /**
   * Where an environment can: hands its stop to a process of its own, which outlives this one, and returns true at
   * once; afterwards stop() does nothing. False when it cannot (or the environment is still starting or already
   * stopping), and stop() remains the way. For the end of a run, when nothing waits for the removal (containers mode:
   * the engine takes seconds to remove the containers).
   */
  stopInBackground?(): boolean;
}
