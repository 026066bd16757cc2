/** What the LPS does when the doctor shares, corrects or cancels: compose, send to PLSP, record the outcome. */
import type { CorrectionRequest, PatientCancellationResponse, SendEncoding, ShareAllResponse, SharedResult } from '../../contracts/pilot-lps';
import { writeEmessage } from '../../medcom';
import { composeEmessage } from './compose';
import type { PilotLpsConfig } from './config';
import { type Journal, type LocalResult, LpsRefusal } from './journal';
import { cancelAtPlsp, sendToPlsp } from './plsp-client';

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
    const message = composeEmessage(result);
    const written = writeEmessage(message);
    const sentXml = encoding === 'ISO-8859-1' ? inLatin1(written) : written;
    const reply = await sendToPlsp(this.config, Buffer.from(sentXml, encoding === 'ISO-8859-1' ? 'latin1' : 'utf8'), encoding);
    if (reply.receipt.kind === 'XCTL03') this.journal.markShared(result);
    return {
      id: result.id,
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
    return result.corrected ? this.share(result) : undefined;
  }

  /** LABA-05: cancels every result this practice shared for a (wrong) patient id. */
  async cancelPatient(cpr: string, clinicName: string): Promise<PatientCancellationResponse> {
    const results = this.journal.sharedFor(cpr, clinicName);
    const producerCode = results[0]?.clinic.producerCode;
    if (!producerCode) throw new LpsRefusal('LABA-05', `${clinicName} has shared no results for ${cpr}: there is nothing to cancel`);
    const reply = await cancelAtPlsp(this.config, { patientId: cpr, producerCode });
    if (reply.httpStatus === 200) this.journal.markCancelled(results);
    return { ...reply, results: results.map((result) => result.id) };
  }
}
