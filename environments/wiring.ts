/**
 * How the systems of the chain are wired to each other: the environment variables each stub gets, given
 * where its peers are. One place for every mode: local passes in-process URLs, containers their ports in the run's pod.
 */
import type { EndpointName, EnvironmentOptions, SystemName } from './environment';
import { randomBytes } from 'node:crypto';
import { ACCESS_TOKEN_ENV, HUB_KEY_ENV } from '../contracts/access';
import { DATABANK_PREFIXES } from '../contracts/wiremock';

/** Start order: every system after the systems it calls (WireMock is started first, beside them). */
export const START_ORDER: readonly SystemName[] = ['laba', 'miba', 'labportal', 'sundhedsjournal', 'plsp', 'pilot-lps'];

export function stubEnv(
  system: SystemName,
  urlOf: (peer: EndpointName) => string,
  options: EnvironmentOptions = {},
): Record<string, string> {
  return { ...options.stubSettings?.[system], ...accessEnv(system, options), ...wiringEnv(system, urlOf, options) };
}

/** The options with a hub key of their own: one per environment, shared by the hub and the databanks. */
export function withHubKey(options: EnvironmentOptions): EnvironmentOptions {
  return options.hubKey ? options : { ...options, hubKey: randomBytes(32).toString('hex') };
}

/** Access rules (contracts/access.ts): the token for every system, the hub key for the hub and the databanks. */
function accessEnv(system: SystemName, options: EnvironmentOptions): Record<string, string> {
  const env: Record<string, string> = {};
  if (options.accessToken) env[ACCESS_TOKEN_ENV] = options.accessToken;
  if (options.hubKey && (system === 'plsp' || system === 'laba' || system === 'miba')) env[HUB_KEY_ENV] = options.hubKey;
  return env;
}

function wiringEnv(system: SystemName, urlOf: (peer: EndpointName) => string, options: EnvironmentOptions): Record<string, string> {
  switch (system) {
    case 'laba':
      return { DATABANK_ROLE: 'laba' };
    case 'miba':
      return { DATABANK_ROLE: 'miba' };
    case 'labportal':
      return { LABPORTAL_LABA_URL: urlOf('laba'), LABPORTAL_MIBA_URL: urlOf('miba') };
    case 'sundhedsjournal':
      return { SUNDHEDSJOURNAL_LABPORTAL_URL: urlOf('labportal') };
    case 'plsp':
      return {
        // PLSP reaches the databanks through WireMock (environments/wiremock), which passes everything on.
        PLSP_LABA_URL: `${urlOf('wiremock')}${DATABANK_PREFIXES.LABA}`,
        PLSP_MIBA_URL: `${urlOf('wiremock')}${DATABANK_PREFIXES.MiBa}`,
        ...(options.approvedSystems ? { PLSP_APPROVED_SYSTEMS: options.approvedSystems.join(',') } : {}),
      };
    case 'pilot-lps':
      return { PILOT_LPS_PLSP_URL: urlOf('plsp') };
  }
}
