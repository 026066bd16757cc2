/** How the pilot LPS sends a message to PLSP and reads the receipt it gets back. */
import { readReceipt } from '../../medcom';
import type { Receipt } from '../../medcom/model';
import type { PilotLpsConfig } from './config';

export interface HubReply {
  httpStatus: number;
  receipt: Receipt;
  receiptXml: string;
}

export async function sendToPlsp(config: PilotLpsConfig, xml: string): Promise<HubReply> {
  const url = `${config.plspUrl}/plsp/v1/xrpt`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/xml; charset=utf-8', 'x-lps-system': config.systemName },
      body: xml,
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new Error(`PLSP could not be reached at ${url}: ${(error as Error).message}`);
  }
  const receiptXml = await response.text();
  try {
    return { httpStatus: response.status, receipt: readReceipt(receiptXml), receiptXml };
  } catch (error) {
    throw new Error(`PLSP answered HTTP ${response.status} without a MedCom receipt (${(error as Error).message}): ${receiptXml.slice(0, 300)}`);
  }
}
