/**
 * Routing: XRPT01 to LABA, XRPT05 to MiBa. A message whose letters all go to one databank is forwarded as the
 * exact bytes received, with the charset it came with (DEL-01: unchanged). A mixed message is split by cutting the source text: each databank
 * gets the message as received with the other databank's letters (and the whitespace before them) cut out, so
 * the XML declaration, the Emessage start tag, the Envelope and every letter it gets are the received bytes, in
 * the received encoding.
 * ASSUMPTION: the databanks' upload is `POST <databank>/api/v1/upload` with the Emessage as XML; it answers with
 * the id of the upload, which `DELETE <databank>/api/v1/uploads/<id>` undoes (see all-or-nothing.ts).
 */
import { DATABANK_PATHS, type DatabankName, type UploadResponse } from '../../contracts/databank';
import { LPS_SYSTEM_HEADER } from '../../contracts/plsp';
import { setTimeout as delay } from 'node:timers/promises';
import { postExpectingOk, UpstreamError } from '../common/fetch-json';
import type { Emessage, ReportLetter } from '../../medcom/model';
import { decodeXmlBytes } from '../../medcom/xml/decode';
import { parseXml } from '../../medcom/xml/parse';
import type { PlspConfig } from './config';
import { hubSignedHeaders } from './hub-signature';

export interface Delivery {
  databank: DatabankName;
  /** The databank's base URL. */
  baseUrl: string;
  url: string;
  letters: ReportLetter[];
  /** What is sent: the received bytes, without the other databank's letters when the message was mixed. */
  body: Uint8Array;
  contentType: string;
  /** The hub's signing key (contracts/access.ts), for the upload and its undo. */
  hubKey?: string;
}

/** A message as received: its bytes and the charset its HTTP Content-Type named, if any. */
export interface ReceivedBytes {
  bytes: Uint8Array;
  charset: string | undefined;
}

/** What a databank said to an upload; `upload` is missing when the answer did not name one (then it cannot be undone). */
export type UploadReceipt = Partial<UploadResponse>;

export function routeOf(letter: ReportLetter): DatabankName {
  return letter.kind === 'XRPT01' ? 'LABA' : 'MiBa';
}

/**
 * The letters' source ranges in the received bytes, in order, each from the end of the element before it (so the
 * whitespace between letters goes with the letter) to the end of its end tag. The parser gives offsets in the
 * decoded text; they are turned into byte offsets in the received encoding.
 */
function letterRanges(received: ReceivedBytes): { from: number; to: number }[] {
  const decoded = decodeXmlBytes(received.bytes, received.charset);
  if ('error' in decoded) throw new Error(`a message that read as valid could not be decoded again to split it: ${decoded.error}`);
  const root = parseXml(decoded.text).root;
  if (!root) throw new Error('a message that read as valid could not be parsed again to split it');
  const encodedLength = (text: string): number =>
    decoded.encoding === 'UTF-8' ? Buffer.byteLength(text) : decoded.encoding.startsWith('UTF-16') ? 2 * text.length : text.length;
  const bomLength = received.bytes.length - encodedLength(decoded.text);
  const byteOffset = (textOffset: number): number => bomLength + encodedLength(decoded.text.slice(0, textOffset));
  const ranges: { from: number; to: number }[] = [];
  root.children.forEach((child, index) => {
    if (child.local === 'Envelope') return;
    ranges.push({ from: byteOffset((root.children[index - 1] as { end: number }).end), to: byteOffset(child.end) });
  });
  return ranges;
}

/** The received bytes with every range in `cut` removed (ranges in order, not overlapping). */
function without(bytes: Uint8Array, cut: { from: number; to: number }[]): Uint8Array {
  const kept: Uint8Array[] = [];
  let from = 0;
  for (const range of cut) {
    kept.push(bytes.subarray(from, range.from));
    from = range.to;
  }
  kept.push(bytes.subarray(from));
  return Buffer.concat(kept);
}

export function planDeliveries(config: PlspConfig, message: Emessage, received: ReceivedBytes): Delivery[] {
  const databanks = [...new Set(message.letters.map(routeOf))];
  const ranges = databanks.length > 1 ? letterRanges(received) : [];
  if (databanks.length > 1 && ranges.length !== message.letters.length) {
    throw new Error(`the message has ${message.letters.length} letters but ${ranges.length} letter elements`);
  }
  const contentType = received.charset ? `application/xml; charset=${received.charset}` : 'application/xml';
  return databanks.map((databank) => {
    const baseUrl = databank === 'LABA' ? config.labaUrl : config.mibaUrl;
    const others = ranges.filter((_range, index) => routeOf(message.letters[index] as ReportLetter) !== databank);
    return {
      databank,
      baseUrl,
      url: `${baseUrl}${DATABANK_PATHS.upload}`,
      letters: message.letters.filter((letter) => routeOf(letter) === databank),
      body: without(received.bytes, others),
      contentType,
      ...(config.hubKey ? { hubKey: config.hubKey } : {}),
    };
  });
}

/**
 * Delivers to a databank, trying again after a missing answer, a timeout or a 5xx, with doubling waits. A 4xx is
 * final. A retry after a lost answer is safe: the databank stores the same result once (LABA-06). The LPS system
 * the message came from goes along in X-LPS-System (ASSUMPTION), so what sits between can tell senders apart.
 * Resolves with the databank's answer (its upload id, what it newly stored, what it held already).
 */
export async function deliver(delivery: Delivery, policy: PlspConfig['forwarding'], lpsSystem: string): Promise<UploadReceipt> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await postExpectingOk(delivery.databank, delivery.url, delivery.contentType, delivery.body, policy.timeoutMs, {
        [LPS_SYSTEM_HEADER]: lpsSystem,
        ...hubSignedHeaders(delivery.hubKey, 'POST', DATABANK_PATHS.upload, delivery.body),
      });
      return ((await response.json().catch(() => undefined)) ?? {}) as UploadReceipt;
    } catch (error) {
      if (!(error instanceof UpstreamError) || !error.retryable || attempt >= policy.attempts) {
        if (error instanceof UpstreamError && attempt > 1) error.message += ` (after ${attempt} attempts)`;
        throw error;
      }
      await delay(policy.backoffMs * 2 ** (attempt - 1));
    }
  }
}
