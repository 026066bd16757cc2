/**
 * Routing: XRPT01 to LABA, XRPT05 to MiBa. A message whose letters all go to one databank is forwarded as the
 * exact bytes received, with the charset it came with (DEL-01: unchanged); a mixed message is split into one message per databank with the
 * same envelope. ASSUMPTION: the databanks' upload is `POST <databank>/api/v1/upload` with the Emessage as XML.
 */
import { writeEmessage } from '../../medcom';
import { setTimeout as delay } from 'node:timers/promises';
import { postExpectingOk, UpstreamError } from '../common/fetch-json';
import type { Emessage, ReportLetter } from '../../medcom/model';
import type { PlspConfig } from './config';

export type DatabankName = 'LABA' | 'MiBa';

export interface Delivery {
  databank: DatabankName;
  url: string;
  letters: ReportLetter[];
  /** What is sent: the received bytes as they are, or (split from a mixed message) the part written anew. */
  body: Uint8Array | string;
  contentType: string;
}

/** A message as received: its bytes and the charset its HTTP Content-Type named, if any. */
export interface ReceivedBytes {
  bytes: Uint8Array;
  charset: string | undefined;
}

export function routeOf(letter: ReportLetter): DatabankName {
  return letter.kind === 'XRPT01' ? 'LABA' : 'MiBa';
}

export function planDeliveries(config: PlspConfig, message: Emessage, received: ReceivedBytes): Delivery[] {
  const groups = new Map<DatabankName, ReportLetter[]>();
  for (const letter of message.letters) {
    const databank = routeOf(letter);
    groups.set(databank, [...(groups.get(databank) ?? []), letter]);
  }
  return [...groups].map(([databank, letters]) => ({
    databank,
    url: `${databank === 'LABA' ? config.labaUrl : config.mibaUrl}/api/v1/upload`,
    letters,
    ...(groups.size === 1
      ? { body: received.bytes, contentType: received.charset ? `application/xml; charset=${received.charset}` : 'application/xml' }
      : { body: writeEmessage({ envelope: message.envelope, letters }), contentType: 'application/xml; charset=utf-8' }),
  }));
}

/**
 * Delivers to a databank, trying again after a missing answer, a timeout or a 5xx, with doubling waits. A 4xx is
 * final. A retry after a lost answer is safe: the databank stores the same result once (LABA-06). The LPS system
 * the message came from goes along in X-LPS-System (ASSUMPTION), so what sits between can tell senders apart.
 */
export async function deliver(delivery: Delivery, policy: PlspConfig['forwarding'], lpsSystem: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await postExpectingOk(delivery.databank, delivery.url, delivery.contentType, delivery.body, policy.timeoutMs, {
        'x-lps-system': lpsSystem,
      });
      return;
    } catch (error) {
      if (!(error instanceof UpstreamError) || !error.retryable || attempt >= policy.attempts) {
        if (error instanceof UpstreamError && attempt > 1) error.message += ` (after ${attempt} attempts)`;
        throw error;
      }
      await delay(policy.backoffMs * 2 ** (attempt - 1));
    }
  }
}
