/** Turns a result registered in the clinic into the MedCom message the LPS shares. */
import { clinicEmessage } from '../../medcom/compose-clinic-report';
import type { Emessage } from '../../medcom/model';
import type { PilotLpsConfig } from './config';
import type { LocalResult } from './journal';

export function composeEmessage(config: PilotLpsConfig, result: LocalResult, now = new Date()): Emessage {
  return clinicEmessage({ ...result, resultAt: result.registeredAt }, now, config.labaEan);
}
