/** Talks to the PLSP Health Hub directly, as an LPS would: send a message, read the receipt, read the counters. */
import type { AxiosInstance } from 'axios';
import { LPS_SYSTEM_HEADER, PLSP_PATHS, type HubJournalEntry, type JournalQuery, type JournalPage, type ReceiptReply } from '../../contracts/plsp';
import { readReceipt } from '../../medcom';
import { expectStatus, httpClient } from './http';

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

  async metricsText(): Promise<string> {
    const response = await this.http.get<string>(PLSP_PATHS.metrics, { responseType: 'text', transformResponse: (data: string) => data });
    return expectStatus(response, 200, 'Read PLSP monitoring counters');
  }
}
