/** The Sundhedsjournal stand-in's configuration, read from environment variables. */
import { ACCESS_TOKEN_ENV } from '../../contracts/access';
import { optionalString, requiredUrl, type Env } from '../common/config';

export interface SundhedsjournalConfig {
  /** Base URL of Laboratoriesvarportalen (no trailing slash), where the results come from. */
  labportalUrl: string;
  /** How long to wait for the portal before the page shows its error message. */
  portalTimeoutMs: number;
  /** The platform's access token, sent to the portal (contracts/access.ts). */
  accessToken?: string;
}

export const DEFAULT_PORTAL_TIMEOUT_MS = 5_000;

export function readSundhedsjournalConfig(env: Env): SundhedsjournalConfig {
  return {
    labportalUrl: requiredUrl(env, 'SUNDHEDSJOURNAL_LABPORTAL_URL'),
    portalTimeoutMs: positiveInteger(env, 'SUNDHEDSJOURNAL_PORTAL_TIMEOUT_MS', DEFAULT_PORTAL_TIMEOUT_MS),
    ...(env[ACCESS_TOKEN_ENV] ? { accessToken: env[ACCESS_TOKEN_ENV] } : {}),
  };
}

function positiveInteger(env: Env, name: string, fallback: number): number {
  const text = optionalString(env, name, String(fallback));
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name}=${text} is not a positive whole number of milliseconds: give e.g. ${name}=${fallback}`);
  }
  return value;
}
