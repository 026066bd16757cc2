/**
 * Where the systems under test run, and how the test process reaches them. Scenarios and drivers only ever
 * see an Environment: they never know whether a stub runs in-process, in a container or is a real system.
 */

/** The systems of the chain, by the names used everywhere (stub names, network aliases, URLs). */
export const SYSTEMS = ['laba', 'miba', 'labportal', 'sundhedsjournal', 'plsp', 'pilot-lps'] as const;
export type SystemName = (typeof SYSTEMS)[number];

/**
 * Everything the test process reaches: the systems, and WireMock, which sits between PLSP and the databanks so
 * that scenarios can make LABA or MiBa fail, slow or unreachable and read what PLSP sent them.
 */
export type EndpointName = SystemName | 'wiremock';

export type EnvironmentKind = 'local' | 'containers' | 'remote';

export interface EnvironmentOptions {
  /** LPS system names approved by MedCom to upload (LABA-01). Undefined: the stubs' default list. */
  approvedSystems?: string[];
}

export interface Environment {
  readonly kind: EnvironmentKind;
  /** Base URL (no trailing slash) of each system and of WireMock, as reachable from the test process. */
  readonly urls: Readonly<Record<EndpointName, string>>;
  /** Stops everything this environment started. Safe to call twice. */
  stop(): Promise<void>;
}
