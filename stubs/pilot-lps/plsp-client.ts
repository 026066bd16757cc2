/** How the pilot LPS talks to PLSP: send a message and read the receipt; ask for a cancellation (LABA-05). */
import { readReceipt } from '../../medcom';
import type { Receipt } from '../../medcom/model';
import type { Cancellation } from '../common/cancellation';
import { postTo } from '../common/fetch-json';
import type { PilotLpsConfig } from './config';

export interface HubReply {
  httpStatus: number;
  receipt: Receipt;
  receiptXml: string;
}

function post(config: PilotLpsConfig, path: string, contentType: string, body: string | Uint8Array): Promise<Response> {
  return postTo('PLSP', `${config.plspUrl}${path}`, contentType, body, { 'x-lps-system': config.systemName });
}

/** Sends the message's bytes, with their encoding as the HTTP charset. */
export async function sendToPlsp(config: PilotLpsConfig, bytes: Uint8Array, charset: string): Promise<HubReply> {
  const response = await post(config, '/plsp/v1/xrpt', `application/xml; charset=${charset}`, bytes);
  const receiptXml = await response.text();
  try {
    return { httpStatus: response.status, receipt: readReceipt(receiptXml), receiptXml };
  } catch (error) {
    throw new Error(`PLSP answered HTTP ${response.status} without a MedCom receipt (${(error as Error).message}): ${receiptXml.slice(0, 300)}`);
  }
}

export interface CancellationReply {
  httpStatus: number;
  body: unknown;
}

/** ASSUMPTION (LABA-05): XRPT01 has no cancel status, so the hub takes an explicit cancellation as JSON. */
export async function cancelAtPlsp(config: PilotLpsConfig, cancellation: Cancellation): Promise<CancellationReply> {
  const response = await post(config, '/plsp/v1/cancellations', 'application/json', JSON.stringify(cancellation));
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: keep the text for the error report.
  }
  return { httpStatus: response.status, body };
}
