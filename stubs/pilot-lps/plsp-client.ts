/** How the pilot LPS talks to PLSP: send a message and read the receipt; ask for a cancellation (LABA-05). */
import { accessHeaders } from '../../contracts/access';
import { readReceipt } from '../../medcom';
import type { Cancellation } from '../../contracts/databank';
import { LPS_SYSTEM_HEADER, PLSP_PATHS, type HubCancellationResponse, type ReceiptReply } from '../../contracts/plsp';
import { postTo } from '../common/fetch-json';
import type { PilotLpsConfig } from './config';

function post(config: PilotLpsConfig, path: string, contentType: string, body: string | Uint8Array): Promise<Response> {
  return postTo('PLSP', `${config.plspUrl}${path}`, contentType, body, {
    [LPS_SYSTEM_HEADER]: config.systemName,
    ...accessHeaders(config.accessToken),
  });
}

/** Sends the message's bytes, with their encoding as the HTTP charset. */
export async function sendToPlsp(config: PilotLpsConfig, bytes: Uint8Array, charset: string): Promise<ReceiptReply> {
  const response = await post(config, PLSP_PATHS.xrpt, `application/xml; charset=${charset}`, bytes);
  const receiptXml = await response.text();
  try {
    return { httpStatus: response.status, receipt: readReceipt(receiptXml), receiptXml };
  } catch (error) {
    throw new Error(`PLSP answered HTTP ${response.status} without a MedCom receipt (${(error as Error).message}): ${receiptXml.slice(0, 300)}`);
  }
}

export interface CancellationReply {
  httpStatus: number;
  /** PLSP's answer; its text when it was not JSON. */
  body: HubCancellationResponse | string;
}

/** ASSUMPTION (LABA-05): XRPT01 has no cancel status, so the hub takes an explicit cancellation as JSON. */
export async function cancelAtPlsp(config: PilotLpsConfig, cancellation: Cancellation): Promise<CancellationReply> {
  const response = await post(config, PLSP_PATHS.cancellations, 'application/json', JSON.stringify(cancellation));
  const text = await response.text();
  let body: HubCancellationResponse | string = text;
  try {
    body = JSON.parse(text) as HubCancellationResponse;
  } catch {
    // Not JSON: keep the text for the error report.
  }
  return { httpStatus: response.status, body };
}
