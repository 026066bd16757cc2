import { requiredUrl, type Env } from '../common/config';

export interface LabportalConfig {
  labaUrl: string;
  mibaUrl: string;
}

export function readLabportalConfig(env: Env): LabportalConfig {
  return { labaUrl: requiredUrl(env, 'LABPORTAL_LABA_URL'), mibaUrl: requiredUrl(env, 'LABPORTAL_MIBA_URL') };
}
