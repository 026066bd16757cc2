/** The pilot LPS's own record of results registered in the clinic, and what became of sharing them. */
import { randomInt } from 'node:crypto';
import type { CatalogueAnalysis } from '../../medcom/npu-catalogue';
import type { ReferenceInterval, Operator } from '../../medcom/model';

export interface Clinic {
  name: string;
  /** Yder number of the practice. */
  ydernummer: string;
  ean: string;
  /** ProducerOfLabResult/IdentifierCode, at most 3 characters. */
  producerCode: string;
}

export interface LocalPatient {
  cpr: string;
  givenName: string;
  surname: string;
  consentGiven: boolean;
}

export interface LocalResult {
  id: string;
  clinic: Clinic;
  patient: LocalPatient;
  analysis: CatalogueAnalysis;
  value: string;
  unit?: string;
  operator?: Operator;
  referenceInterval?: ReferenceInterval;
  /** National sample number, used as requisition number (LABA-03). */
  sampleNumber: string;
  sampledAt: Date;
  registeredAt: Date;
  /** 'registreret' until shared; 'delt' once PLSP confirmed it. */
  state: 'registreret' | 'delt';
}

export type NewLocalResult = Omit<LocalResult, 'id' | 'sampleNumber' | 'registeredAt' | 'state' | 'sampledAt'>;

export class Journal {
  private readonly results: LocalResult[] = [];
  private sequence = 0;

  register(input: NewLocalResult): LocalResult {
    this.sequence += 1;
    const now = new Date();
    const result: LocalResult = {
      ...input,
      id: `R${this.sequence}`,
      sampleNumber: String(randomInt(1_000_000_000, 9_999_999_999)),
      sampledAt: now,
      registeredAt: now,
      state: 'registreret',
    };
    this.results.push(result);
    return result;
  }

  get(id: string): LocalResult | undefined {
    return this.results.find((result) => result.id === id);
  }
}
