import { ACCESS_TOKEN_ENV } from '../../contracts/access';
import { PILOT_LPS_SYSTEM_NAME } from '../../contracts/pilot-lps';
import { optionalString, requiredUrl, type Env } from '../common/config';

export interface PilotLpsConfig {
  plspUrl: string;
  /** Name the LPS gives PLSP in X-LPS-System. */
  systemName: string;
  /** The platform's access token, sent to the hub (its cancellations need it; contracts/access.ts). */
  accessToken?: string;
}

export function readPilotLpsConfig(env: Env): PilotLpsConfig {
  return {
    plspUrl: requiredUrl(env, 'PILOT_LPS_PLSP_URL'),
    systemName: optionalString(env, 'PILOT_LPS_SYSTEM_NAME', PILOT_LPS_SYSTEM_NAME),
    ...(env[ACCESS_TOKEN_ENV] ? { accessToken: env[ACCESS_TOKEN_ENV] } : {}),
  };
}
