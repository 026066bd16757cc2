/**
 * The pilot LPS's own record of results: those produced in the clinic, and those it received from laboratories or
 * other practices (which it shows the doctor but never shares: DEL-06, DEL-07). A shared result cannot be deleted
 * (DEL-04) and its patient cannot change (LABA-05); it can only be corrected (DEL-05).
 */
import { randomInt } from 'node:crypto';
import type { Origin } from '../../contracts/pilot-lps';
import type { ClinicIdentity } from '../../medcom/compose-clinic-report';
import type { Operator, ReferenceInterval } from '../../medcom/model';
import type { CatalogueAnalysis } from '../../medcom/npu-catalogue';

export type Clinic = ClinicIdentity;

export interface LocalPatient {
  cpr: string;
  givenName: string;
  surname: string;
  consentGiven: boolean;
}

export interface LocalResult {
  id: string;
  origin: Origin;
  /** The practice that holds the result. */
  clinic: Clinic;
  /** Who produced it: the practice itself, or the laboratory / other practice it came from. */
  producer: { name: string; code: string };
  patient: LocalPatient;
  analysis: CatalogueAnalysis;
  value: string;
  unit?: string;
  operator?: Operator;
  referenceInterval?: ReferenceInterval;
  comment?: string;
  /** National sample number, used as requisition number (LABA-03); absent when the clinic has none. */
  sampleNumber?: string;
  /** The clinic's own sample identifier: the national sample number, or a local one when there is none. */
  internalSampleIdentifier: string;
  sampledAt: Date;
  registeredAt: Date;
  /** True once PLSP confirmed a share with a positive receipt. */
  shared: boolean;
  /** True once the result was corrected after being shared: the next share is a correction. */
  corrected: boolean;
  cancelled: boolean;
}

export type NewLocalResult = Pick<LocalResult, 'origin' | 'clinic' | 'producer' | 'patient' | 'analysis' | 'value' | 'unit' | 'operator' | 'referenceInterval'> & {
  withoutSampleNumber?: boolean;
};

/** A refusal the LPS gives the doctor, with the rule behind it. */
export class LpsRefusal extends Error {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}

export class Journal {
  private readonly results: LocalResult[] = [];
  private sequence = 0;

  register(input: NewLocalResult): LocalResult {
    this.sequence += 1;
    const now = new Date();
    const { withoutSampleNumber, ...fields } = input;
    const sampleNumber = String(randomInt(1_000_000_000, 9_999_999_999));
    const result: LocalResult = {
      ...fields,
      id: `R${this.sequence}`,
      ...(withoutSampleNumber ? { internalSampleIdentifier: `P${sampleNumber}` } : { sampleNumber, internalSampleIdentifier: sampleNumber }),
      sampledAt: now,
      registeredAt: now,
      shared: false,
      corrected: false,
      cancelled: false,
    };
    this.results.push(result);
    return result;
  }

  get(id: string): LocalResult | undefined {
    return this.results.find((result) => result.id === id);
  }

  /** Results produced in this practice and not shared yet (nor cancelled). */
  unshared(): LocalResult[] {
    return this.results.filter((result) => !result.shared && !result.cancelled);
  }

  /** Shared results of a patient from one clinic, not cancelled yet. */
  sharedFor(cpr: string, clinicName: string): LocalResult[] {
    return this.results.filter((result) => result.shared && !result.cancelled && result.patient.cpr === cpr && result.clinic.name === clinicName);
  }

  /** DEL-06/DEL-07: only results produced in this practice may leave it. */
  assertShareable(result: LocalResult): void {
    if (result.origin === 'laboratorium') {
      throw new LpsRefusal('DEL-06', `Result ${result.id} was received from the laboratory ${result.producer.name}: only results produced in this practice are shared`);
    }
    if (result.origin === 'anden_praksis') {
      throw new LpsRefusal('DEL-07', `Result ${result.id} is a copy from another practice (${result.producer.name}): only results produced in this practice are shared`);
    }
    if (result.cancelled) throw new LpsRefusal('LABA-05', `Result ${result.id} was cancelled and cannot be shared again`);
  }

  /** DEL-04: a shared result cannot be deleted, only corrected. */
  delete(id: string): void {
    const result = this.require(id);
    if (result.shared) {
      throw new LpsRefusal('DEL-04', `Result ${id} has been shared and cannot be deleted: correct it instead`);
    }
    this.results.splice(this.results.indexOf(result), 1);
  }

  /** DEL-05: a correction changes the value; once shared, the next share sends it as a corrected result. */
  correct(id: string, change: { value: string; unit?: string; comment?: string }): LocalResult {
    const result = this.require(id);
    if (result.origin !== 'klinik') throw new LpsRefusal('DEL-06', `Result ${id} was not produced in this practice and cannot be corrected here`);
    result.value = change.value;
    if (change.unit) result.unit = change.unit;
    if (change.comment) result.comment = change.comment;
    if (result.shared) {
      result.corrected = true;
      result.shared = false;
    }
    return result;
  }

  /** LABA-05: the patient of a shared result cannot change; the results must be cancelled instead. */
  changePatient(id: string, patient: LocalPatient): LocalResult {
    const result = this.require(id);
    if (result.shared || result.corrected) {
      throw new LpsRefusal('LABA-05', `Result ${id} has been shared: its patient id cannot change. Cancel every result sent for the wrong patient id, then register them for the right one`);
    }
    result.patient = patient;
    return result;
  }

  markShared(result: LocalResult): void {
    result.shared = true;
  }

  markCancelled(results: LocalResult[]): void {
    for (const result of results) result.cancelled = true;
  }

  require(id: string): LocalResult {
    const result = this.get(id);
    if (!result) throw new LpsRefusal('', `No result ${id} in this LPS`);
    return result;
  }
}
