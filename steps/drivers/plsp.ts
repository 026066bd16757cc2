/** Talks to the PLSP Health Hub directly, as an LPS would: send a message, read the receipt, read the counters. */
import type { AxiosInstance } from 'axios';
import { readReceipt } from '../../medcom';
import type { Receipt } from '../../medcom/model';
import { expectStatus, httpClient } from './http';

export interface HubAnswer {
  httpStatus: number;
  receiptXml: string;
  receipt: Receipt;
}

/** The hub's journal entry for a message it received. */
export interface HubJournalEntry {
  envelopeIdentifier?: string;
  lpsSystem?: string;
  httpStatus: number;
  receipt: 'XCTL03' | 'XCTL02';
  refuseCode?: string;
  findings: { severity: 'error' | 'warning'; path: string; message: string }[];
  receivedAt: string;
  /** The message as received (absent for very large ones) and the receipt PLSP sent back. */
  xml?: string;
  receiptXml: string;
  patientIds: string[];
  analysisCodes: string[];
}

/** A cancellation the hub received (LABA-05). */
export interface HubCancellation {
  patientId: string;
  producerCode: string;
  lpsSystem?: string;
  receivedAt: string;
  httpStatus: number;
  cancelled?: { LABA: number; MiBa: number };
  error?: string;
}

export class PlspDriver {
  private readonly http: AxiosInstance;

  constructor(baseUrl: string) {
    this.http = httpClient(baseUrl);
  }

  async send(body: string, lpsSystem: string): Promise<HubAnswer> {
    const response = await this.http.post<string>('/plsp/v1/xrpt', body, {
      headers: { 'content-type': 'application/xml; charset=utf-8', 'x-lps-system': lpsSystem },
      responseType: 'text',
      transformResponse: (data: string) => data,
    });
    return { httpStatus: response.status, receiptXml: response.data, receipt: readReceipt(response.data) };
  }

  async journal(filter: { envelope?: string; patient?: string; system?: string; since?: string }): Promise<HubJournalEntry[]> {
    const response = await this.http.get<{ messages: HubJournalEntry[] }>('/plsp/v1/messages', { params: filter });
    return expectStatus(response, 200, "Read PLSP's message journal").messages;
  }

  /** The cancellations the hub received (LABA-05), oldest first. */
  async cancellations(filter: { patient?: string; system?: string; since?: string }): Promise<HubCancellation[]> {
    const response = await this.http.get<{ cancellations: HubCancellation[] }>('/plsp/v1/cancellations', { params: filter });
    return expectStatus(response, 200, "Read PLSP's cancellations").cancellations;
  }

  async metricsText(): Promise<string> {
    const response = await this.http.get<string>('/metrics', { responseType: 'text', transformResponse: (data: string) => data });
    return expectStatus(response, 200, 'Read PLSP monitoring counters');
  }
}
