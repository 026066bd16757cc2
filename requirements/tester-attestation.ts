/**
 * A tester's answer to a question on the tester channel (vendor mode), as the run attaches it to its scenario and
 * the certification report shows it: "attesteret" with who and when.
 */
export const ATTESTATION_MEDIA_TYPE = 'application/vnd.lokalsvar.attestation+json';

export interface TesterAttestation {
  krav: string;
  spoergsmaal: string;
  svar: 'ja' | 'nej';
  note?: string;
  af: string;
  tidspunkt: string;
  kanal: 'http' | 'terminal';
}

/** One line for the report: `attesteret: [DEL-04] "…?" ja, af Navn (2026-…)`. */
export function attestationLine(attestation: TesterAttestation): string {
  return `attesteret: [${attestation.krav}] "${attestation.spoergsmaal}" ${attestation.svar}${attestation.note ? ` (${attestation.note})` : ''}, af ${attestation.af} ${attestation.tidspunkt}`;
}
