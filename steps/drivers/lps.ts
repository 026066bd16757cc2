/** What scenarios ask of an LPS, whoever it is (the pilot LPS simulator now; a vendor's real LPS later). */
import type { Receipt, ReferenceInterval } from '../../medcom/model';

export interface TestPerson {
  cpr: string;
  givenName: string;
  surname: string;
}

export interface ResultToShare {
  clinic: string;
  patient: TestPerson;
  consentGiven?: boolean;
  /** Short name (CRP) or NPU code. */
  analysis: string;
  value: string;
  unit?: string;
  referenceInterval?: ReferenceInterval;
}

export interface SharedResult {
  /** HTTP status PLSP answered with. */
  httpStatus: number;
  receipt: Receipt;
  envelopeIdentifier: string;
  /** The message exactly as the LPS sent it. */
  sentXml: string;
}

export interface LpsDriver {
  registerAndShare(result: ResultToShare): Promise<SharedResult>;
}
