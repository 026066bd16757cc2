import { optionalString, requiredUrl, type Env } from '../common/config';

export interface PilotLpsConfig {
  plspUrl: string;
  /** Name the LPS gives PLSP in X-LPS-System. */
  systemName: string;
  /** Receiver (LABA / MiBa) EAN numbers. ASSUMPTION: placeholders, as in MedCom's examples. */
  labaEan: string;
  mibaEan: string;
}

export function readPilotLpsConfig(env: Env): PilotLpsConfig {
  return {
    plspUrl: requiredUrl(env, 'PILOT_LPS_PLSP_URL'),
    systemName: optionalString(env, 'PILOT_LPS_SYSTEM_NAME', 'Pilot-LPS'),
    labaEan: optionalString(env, 'PILOT_LPS_LABA_EAN', '5790000000001'),
    mibaEan: optionalString(env, 'PILOT_LPS_MIBA_EAN', '5790000000002'),
  };
}
