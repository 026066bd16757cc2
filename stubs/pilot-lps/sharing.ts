/** What the LPS does when the doctor shares, corrects or cancels: compose, send to PLSP, record the outcome. */
import type { CorrectionRequest, PatientCancellationResponse, SendEncoding, ShareAllResponse, SharedResult } from '../../contracts/pilot-lps';
import { writeEmessage } from '../../medcom';
import { composeEmessage } from './compose';
import type { PilotLpsConfig } from './config';
import { type Journal, type LocalResult, LpsRefusal } from './journal';
import { cancelAtPlsp, sendToPlsp, type CancellationReply } from './plsp-client';

/** The message as an LPS writing ISO-8859-1 would: so declared, and characters beyond Latin-1 as references. */
export function inLatin1(xml: string): string {
  return xml
    .replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>/, '<?xml version="1.0" encoding="ISO-8859-1"?>')
    .replace(/[^\x00-\xff]/gu, (char) => `&#x${(char.codePointAt(0) as number).toString(16).toUpperCase()};`);
}

export class Sharing {
  constructor(
    private readonly config: PilotLpsConfig,
    private readonly journal: Journal,
  ) {}

  async share(result: LocalResult, encoding: SendEncoding = 'UTF-8'): Promise<SharedResult> {
    this.journal.assertShareable(result);
    const results = this.journal.letterMates(result);
    const message = composeEmessage(results);
    const written = writeEmessage(message);
    const sentXml = encoding === 'ISO-8859-1' ? inLatin1(written) : written;
    const reply = await sendToPlsp(this.config, Buffer.from(sentXml, encoding === 'ISO-8859-1' ? 'latin1' : 'utf8'), encoding);
    if (reply.receipt.kind === 'XCTL03') this.journal.markShared(results);
    return {
      id: result.id,
      ids: results.map((mate) => mate.id),
      httpStatus: reply.httpStatus,
      receipt: reply.receipt,
      receiptXml: reply.receiptXml,
      envelopeIdentifier: message.envelope.identifier,
      sentXml,
      sentEncoding: encoding,
    };
  }

  /** Shares every result not shared yet that was produced in this practice; says why it skipped the others. */
  async shareAll(): Promise<ShareAllResponse> {
    const outcome: ShareAllResponse = { shared: [], skipped: [] };
    for (const result of this.journal.unshared()) {
      if (outcome.shared.some((sent) => sent.ids?.includes(result.id))) continue;
      try {
        outcome.shared.push(await this.share(result));
      } catch (error) {
        if (!(error instanceof LpsRefusal)) throw error;
        outcome.skipped.push({ id: result.id, rule: error.rule, reason: error.message });
      }
    }
    return outcome;
  }

  /** Corrects a result; a result already shared is sent on at once as corrected (DEL-05). */
  async correct(id: string, change: CorrectionRequest): Promise<SharedResult | undefined> {
    const result = this.journal.correct(id, change);
    return result.pendingChange ? this.share(result) : undefined;
  }

  /** Makes a preliminary result final; a result already shared is sent on at once as final. */
  async makeFinal(id: string, change: CorrectionRequest): Promise<SharedResult | undefined> {
    const result = this.journal.makeFinal(id, change);
    return result.pendingChange ? this.share(result) : undefined;
  }

  /** LABA-05: cancels every result this practice shared for a (wrong) patient id, for each producer among them. */
  async cancelPatient(patientId: string, clinicName: string): Promise<PatientCancellationResponse> {
    const results = this.journal.sharedFor(patientId, clinicName);
    const producerCodes = [...new Set(results.map((result) => result.producer.code))];
    if (producerCodes.length === 0) throw new LpsRefusal('LABA-05', `${clinicName} has shared no results for ${patientId}: there is nothing to cancel`);
    const replies: CancellationReply[] = [];
    for (const producerCode of producerCodes) replies.push(await cancelAtPlsp(this.config, { patientId, producerCode }));
    const failed = replies.find((reply) => reply.httpStatus !== 200);
    if (failed) return { ...failed, results: results.map((result) => result.id) };
    this.journal.markCancelled(results);
    const cancelled = { LABA: 0, MiBa: 0 };
    for (const reply of replies) {
      const counts = (reply.body as { cancelled?: { LABA?: number; MiBa?: number } }).cancelled;
      cancelled.LABA += counts?.LABA ?? 0;
      cancelled.MiBa += counts?.MiBa ?? 0;
    }
    return { httpStatus: 200, body: { cancelled }, results: results.map((result) => result.id) };
  }
}
