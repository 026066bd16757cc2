import { PILOT_LPS_SYSTEM_NAME } from '../../contracts/pilot-lps';
import { optionalString, requiredUrl, type Env } from '../common/config';

export interface PilotLpsConfig {
  plspUrl: string;
  /** Name the LPS gives PLSP in X-LPS-System. */
  systemName: string;
}

export function readPilotLpsConfig(env: Env): PilotLpsConfig {
  return {
    plspUrl: requiredUrl(env, 'PILOT_LPS_PLSP_URL'),
    systemName: optionalString(env, 'PILOT_LPS_SYSTEM_NAME', PILOT_LPS_SYSTEM_NAME),
  };
}
