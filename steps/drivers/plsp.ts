/** Talks to the PLSP Health Hub directly, as an LPS would: send a message, read the receipt, read the counters. */
import type { AxiosInstance } from 'axios';
import { LPS_SYSTEM_HEADER, PLSP_PATHS, type HubJournalEntry, type JournalQuery, type JournalPage, type ReceiptReply } from '../../contracts/plsp';
import { readReceipt } from '../../medcom';
import { expectStatus, httpClient } from './http';

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

  async send(body: string, lpsSystem: string): Promise<ReceiptReply> {
    const response = await this.http.post<string>(PLSP_PATHS.xrpt, body, {
      headers: { 'content-type': 'application/xml; charset=utf-8', [LPS_SYSTEM_HEADER]: lpsSystem },
      responseType: 'text',
      transformResponse: (data: string) => data,
    });
    return { httpStatus: response.status, receiptXml: response.data, receipt: readReceipt(response.data) };
  }

  async journal(filter: JournalQuery): Promise<HubJournalEntry[]> {
    const response = await this.http.get<JournalPage>(PLSP_PATHS.messages, { params: filter });
    return expectStatus(response, 200, "Read PLSP's message journal").messages;
  }

  /** The cancellations the hub received (LABA-05), oldest first. */
  async cancellations(filter: { patient?: string; system?: string; since?: string }): Promise<HubCancellation[]> {
    const response = await this.http.get<{ cancellations: HubCancellation[] }>('/plsp/v1/cancellations', { params: filter });
    return expectStatus(response, 200, "Read PLSP's cancellations").cancellations;
  }

  async metricsText(): Promise<string> {
    const response = await this.http.get<string>(PLSP_PATHS.metrics, { responseType: 'text', transformResponse: (data: string) => data });
    return expectStatus(response, 200, 'Read PLSP monitoring counters');
  }
}
