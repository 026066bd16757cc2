/**
 * The pilot LPS's own record of results: those produced in the clinic, and those it received from laboratories or
 * other practices (which it shows the doctor but never shares: DEL-06, DEL-07). Results taken from one sample share
 * a requisition and travel in one letter. A shared result cannot be deleted (DEL-04) and its patient cannot change
 * (LABA-05); it can only be corrected (DEL-05), or, when it was shared as preliminary, made final.
 */
import { randomInt } from 'node:crypto';
import type { CorrectionRequest, Origin } from '../../contracts/pilot-lps';
import type { ClinicIdentity, ResultProducer } from '../../medcom/compose-clinic-report';
import type { Operator, ReferenceInterval, ResultValidation } from '../../medcom/model';
import type { CatalogueAnalysis } from '../../medcom/npu-catalogue';

export type Clinic = ClinicIdentity;

export interface LocalPatient {
  /** CPR; absent when the patient has only a replacement CPR. */
  cpr?: string;
  /** Replacement CPR (erstatnings-CPR), sent as AlternativeIdentifier. */
  replacementCpr?: string;
  givenName: string;
  surname: string;
  consentGiven: boolean;
}

/** The status a result is registered with: final, or preliminary until the doctor makes it final. */
export type InitialStatus = 'svar_midlertidigt' | 'svar_endeligt';

export interface LocalResult {
  id: string;
  origin: Origin;
  /** The practice that holds the result (the sender). */
  clinic: Clinic;
  /**
   * Who produced it: the practice itself; another practice of the same medical centre whose laboratory produced
   * it (origin klinik, shared by this practice); or the laboratory / other practice it was received from.
   */
  producer: { name: string; code: string; ydernummer?: string };
  patient: LocalPatient;
  analysis: CatalogueAnalysis;
  value: string;
  unit?: string;
  operator?: Operator;
  referenceInterval?: ReferenceInterval;
  /** As the doctor flagged it; when absent the LPS flags a value outside its interval itself. */
  resultValidation?: ResultValidation;
  /** XRPT05 Examinator, when someone else than the producer examined. */
  examinator?: string;
  comment?: string;
  /** National sample number, used as requisition number (LABA-03); absent when the clinic has none. */
  sampleNumber?: string;
  /** The clinic's own sample identifier: the national sample number, or a local one when there is none. */
  internalSampleIdentifier: string;
  status: InitialStatus;
  sampledAt: Date;
  /** When the result was there: registration, or the time the doctor gave. */
  resultAt: Date;
  registeredAt: Date;
  /** True once PLSP confirmed a share with a positive receipt. */
  shared: boolean;
  /** A change made after sharing and not confirmed yet: the next share sends it as corrected or as final. */
  pendingChange?: 'correction' | 'final';
  /** True once a correction was confirmed: later shares stay corrected. */
  corrected: boolean;
  cancelled: boolean;
}

export type NewLocalResult = Pick<
  LocalResult,
  'origin' | 'clinic' | 'producer' | 'patient' | 'analysis' | 'value' | 'unit' | 'operator' | 'referenceInterval' | 'resultValidation' | 'examinator'
>;

/** What results taken from one sample have in common. */
export interface NewRequisition {
  withoutSampleNumber?: boolean;
  status?: InitialStatus;
  sampledAt?: Date;
  resultAt?: Date;
}

export type ResultChange = CorrectionRequest;

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

  register(input: NewLocalResult, requisition: NewRequisition = {}): LocalResult {
    const [result] = this.registerRequisition([input], requisition);
    return result as LocalResult;
  }

  /** Several results from one sample: one requisition, one letter when shared. */
  registerRequisition(inputs: NewLocalResult[], requisition: NewRequisition): LocalResult[] {
    const now = new Date();
    const sampleNumber = String(randomInt(1_000_000_000, 9_999_999_999));
    const numbers = requisition.withoutSampleNumber ? { internalSampleIdentifier: `P${sampleNumber}` } : { sampleNumber, internalSampleIdentifier: sampleNumber };
    const registered = inputs.map((input): LocalResult => {
      this.sequence += 1;
      return {
        ...input,
        id: `R${this.sequence}`,
        ...numbers,
        status: requisition.status ?? 'svar_endeligt',
        sampledAt: requisition.sampledAt ?? now,
        resultAt: requisition.resultAt ?? now,
        registeredAt: now,
        shared: false,
        corrected: false,
        cancelled: false,
      };
    });
    this.results.push(...registered);
    return registered;
  }

  get(id: string): LocalResult | undefined {
    return this.results.find((result) => result.id === id);
  }

  /** Results not shared yet, or changed since (nor cancelled). */
  unshared(): LocalResult[] {
    return this.results.filter(isUnsent);
  }

  /** The unsent results that travel in one letter with this one: same sample, patient, practice and letter type. */
  letterMates(result: LocalResult): LocalResult[] {
    if (result.pendingChange) return [result];
    return this.results.filter(
      (other) =>
        other === result ||
        (isUnsent(other) &&
          !other.pendingChange &&
          other.origin === 'klinik' &&
          other.internalSampleIdentifier === result.internalSampleIdentifier &&
          other.clinic.name === result.clinic.name &&
          other.analysis.letterType === result.analysis.letterType),
    );
  }

  /** Shared results of a patient (CPR or replacement CPR) from one clinic, not cancelled yet. */
  sharedFor(patientId: string, clinicName: string): LocalResult[] {
    return this.results.filter(
      (result) => result.shared && !result.cancelled && patientIdOf(result.patient) === patientId && result.clinic.name === clinicName,
    );
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
  correct(id: string, change: ResultChange): LocalResult {
    const result = this.changeable(id);
    this.apply(result, change);
    if (result.shared) result.pendingChange = 'correction';
    return result;
  }

  /** A preliminary result becomes final; once shared, the next share sends it as final. */
  makeFinal(id: string, change: ResultChange): LocalResult {
    const result = this.changeable(id);
    if (result.status !== 'svar_midlertidigt') throw new LpsRefusal('DEL-05', `Result ${id} is already final: correct it instead`);
    this.apply(result, change);
    result.status = 'svar_endeligt';
    if (result.shared) result.pendingChange = 'final';
    return result;
  }

  /** LABA-05: the patient of a shared result cannot change; the results must be cancelled instead. */
  changePatient(id: string, patient: LocalPatient): LocalResult {
    const result = this.require(id);
    if (result.shared) {
      throw new LpsRefusal('LABA-05', `Result ${id} has been shared: its patient id cannot change. Cancel every result sent for the wrong patient id, then register them for the right one`);
    }
    result.patient = patient;
    return result;
  }

  markShared(results: LocalResult[]): void {
    for (const result of results) {
      if (result.pendingChange === 'correction') result.corrected = true;
      result.shared = true;
      result.pendingChange = undefined;
    }
  }

  markCancelled(results: LocalResult[]): void {
    for (const result of results) result.cancelled = true;
  }

  require(id: string): LocalResult {
    const result = this.get(id);
    if (!result) throw new LpsRefusal('', `No result ${id} in this LPS`);
    return result;
  }

  private changeable(id: string): LocalResult {
    const result = this.require(id);
    if (result.origin !== 'klinik') throw new LpsRefusal('DEL-06', `Result ${id} was not produced in this practice and cannot be changed here`);
    return result;
  }

  private apply(result: LocalResult, change: ResultChange): void {
    if (change.value !== undefined) result.value = change.value;
    if (change.unit !== undefined) result.unit = change.unit;
    if (change.comment !== undefined) result.comment = change.comment;
    if (change.resultValidation !== undefined || change.value !== undefined) result.resultValidation = change.resultValidation;
    result.resultAt = new Date();
  }
}

function isUnsent(result: LocalResult): boolean {
  return (!result.shared || result.pendingChange !== undefined) && !result.cancelled;
}

/** The id the databanks know the patient by: the CPR, or the replacement CPR. */
export function patientIdOf(patient: LocalPatient): string {
  return patient.cpr ?? patient.replacementCpr ?? '';
}
