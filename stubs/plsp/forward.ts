/**
 * Routing: XRPT01 to LABA, XRPT05 to MiBa. A message whose letters all go to one databank is forwarded as the
 * exact bytes received (DEL-01: unchanged). A mixed message is split by cutting the source text: each databank
 * gets the message as received with the other databank's letters (and the whitespace before them) cut out, so
 * the XML declaration, the Emessage start tag, the Envelope and every letter it gets are the received bytes.
 * ASSUMPTION: the databanks' upload is `POST <databank>/api/v1/upload` with the Emessage as XML; it answers with
 * the id of the upload, which `DELETE <databank>/api/v1/uploads/<id>` undoes (see all-or-nothing.ts).
 */
import { DATABANK_PATHS, type DatabankName, type UploadResponse } from '../../contracts/databank';
import { LPS_SYSTEM_HEADER } from '../../contracts/plsp';
import { setTimeout as delay } from 'node:timers/promises';
import { postExpectingOk, UpstreamError } from '../common/fetch-json';
import type { Emessage, ReportLetter } from '../../medcom/model';
import { parseXml } from '../../medcom/xml/parse';
import type { PlspConfig } from './config';

export interface Delivery {
  databank: DatabankName;
  /** The databank's base URL. */
  baseUrl: string;
  url: string;
  letters: ReportLetter[];
  xml: string;
}

/** What a databank said to an upload; `upload` is missing when the answer did not name one (then it cannot be undone). */
export type UploadReceipt = Partial<UploadResponse>;

export function routeOf(letter: ReportLetter): DatabankName {
  return letter.kind === 'XRPT01' ? 'LABA' : 'MiBa';
}

/**
 * The letters' source ranges in `rawXml`, in order, each from the end of the element before it (so the
 * whitespace between letters goes with the letter) to the end of its end tag.
 */
function letterRanges(rawXml: string): { from: number; to: number }[] {
  const root = parseXml(rawXml).root;
  if (!root) throw new Error('a message that read as valid could not be parsed again to split it');
  const ranges: { from: number; to: number }[] = [];
  root.children.forEach((child, index) => {
    if (child.local === 'Envelope') return;
    ranges.push({ from: (root.children[index - 1] as { end: number }).end, to: child.end });
  });
  return ranges;
}

/** The received text with every range in `cut` removed (ranges in order, not overlapping). */
function without(rawXml: string, cut: { from: number; to: number }[]): string {
  let text = '';
  let from = 0;
  for (const range of cut) {
    text += rawXml.slice(from, range.from);
    from = range.to;
  }
  return text + rawXml.slice(from);
}

export function planDeliveries(config: PlspConfig, message: Emessage, rawXml: string): Delivery[] {
  const databanks = [...new Set(message.letters.map(routeOf))];
  const ranges = databanks.length > 1 ? letterRanges(rawXml) : [];
  if (databanks.length > 1 && ranges.length !== message.letters.length) {
    throw new Error(`the message has ${message.letters.length} letters but ${ranges.length} letter elements`);
  }
  return databanks.map((databank) => {
    const baseUrl = databank === 'LABA' ? config.labaUrl : config.mibaUrl;
    const others = ranges.filter((_range, index) => routeOf(message.letters[index] as ReportLetter) !== databank);
    return {
      databank,
      baseUrl,
      url: `${baseUrl}${DATABANK_PATHS.upload}`,
      letters: message.letters.filter((letter) => routeOf(letter) === databank),
      xml: databanks.length === 1 ? rawXml : without(rawXml, others),
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
      const response = await postExpectingOk(delivery.databank, delivery.url, 'application/xml; charset=utf-8', delivery.xml, policy.timeoutMs, {
        [LPS_SYSTEM_HEADER]: lpsSystem,
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
