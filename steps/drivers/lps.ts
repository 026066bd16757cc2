/** What scenarios ask of an LPS: register results in the clinic, share, correct, delete, cancel. */
import type { Origin, RegisteredResult, SharedResult } from '../../contracts/pilot-lps';
import type { ReferenceInterval } from '../../medcom/model';

export interface TestPerson {
  cpr: string;
  givenName: string;
  surname: string;
}

export interface ResultToRegister {
  clinic: string;
  patient: TestPerson;
  consentGiven?: boolean;
  /** Short name (CRP) or code. */
  analysis: string;
  value: string;
  unit?: string;
  referenceInterval?: ReferenceInterval;
  /** Where the LPS got it: produced in the clinic (default), received from a laboratory or another practice. */
  origin?: Origin;
  producer?: { name: string; code: string };
  withoutSampleNumber?: boolean;
}

/** A result registered and shared through the LPS, as the scenario knows it afterwards. */
export interface RegisteredAndShared {
  registered: RegisteredResult;
  shared: SharedResult;
}

/**
 * What every LPS can be asked in a scenario, the pilot LPS simulator (driven over HTTP) and a vendor's real LPS
 * (driven by a tester following instructions) alike. What only the pilot can do is on PilotLpsDriver.
 */
export interface LpsDriver {
  /** The name the LPS gives PLSP in X-LPS-System. */
  readonly systemName: string;
  registerAndShare(result: ResultToRegister): Promise<RegisteredAndShared>;
  /** Corrects a shared result; resolves with the corrected result as the LPS sent it on (DEL-05). */
  correct(result: ResultToRegister, registered: RegisteredResult, change: { value: string; unit?: string }): Promise<SharedResult>;
  /** Shares a result again, e.g. after a negative receipt. */
  shareAgain(result: ResultToRegister, registered: RegisteredResult): Promise<SharedResult>;
}

/** The requisition number the databanks and views file a result under (LABA-03: the national sample number). */
export function requisitionOf(result: RegisteredResult): string {
  return result.sampleNumber ?? result.internalSampleIdentifier;
}
