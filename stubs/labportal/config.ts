import { ACCESS_TOKEN_ENV } from '../../contracts/access';
import { requiredUrl, type Env } from '../common/config';

export interface LabportalConfig {
  labaUrl: string;
  mibaUrl: string;
  /** The platform's access token, sent to the databanks (contracts/access.ts). */
  accessToken?: string;
}

export function readLabportalConfig(env: Env): LabportalConfig {
  return {
    labaUrl: requiredUrl(env, 'LABPORTAL_LABA_URL'),
    mibaUrl: requiredUrl(env, 'LABPORTAL_MIBA_URL'),
    ...(env[ACCESS_TOKEN_ENV] ? { accessToken: env[ACCESS_TOKEN_ENV] } : {}),
  };
}
