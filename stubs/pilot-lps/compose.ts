/** Turns a result registered in the clinic into the MedCom message the LPS shares: first as final, then as corrected. */
import { clinicEmessage } from '../../medcom/compose-clinic-report';
import type { Emessage } from '../../medcom/model';
import type { LocalResult } from './journal';

export function composeEmessage(result: LocalResult, now = new Date()): Emessage {
  return clinicEmessage(
    {
      ...result,
      status: result.corrected ? 'svar_rettet' : 'svar_endeligt',
      resultAt: result.corrected ? now : result.registeredAt,
    },
    now,
  );
}
