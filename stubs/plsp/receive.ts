/**
 * The hub's handling of one message from an LPS: read and validate, check the sending system's approval,
 * forward to the databanks (all parts or none), count, and answer with a MedCom receipt. Nothing is forwarded from a
 * refused message.
 */
import {
  negativeReceipt,
  positiveReceipt,
  readEmessage,
  refuseCodeFor,
  writeReceipt,
} from '../../medcom';
import type { Finding, RefuseCode, ReportLetter } from '../../medcom/model';
import { letterContentKey } from '../../medcom/content-key';
import { readRefs } from '../../medcom/read/refs';
import { isApproved, type PlspConfig } from './config';
import { deliverAllOrNothing, DeliveryFailure } from './all-or-nothing';
import { planDeliveries, type Delivery } from './forward';
import { contentsOf, MAX_KEPT_BYTES, type MessageJournal } from './journal';
import type { HubMetrics } from './metrics';
import { UNNAMED_LABEL } from './system-labels';
import { realPersonFindings } from './test-person-guard';

export interface HubAnswer {
  status: number;
  receiptXml: string;
}

function resultCount(letter: ReportLetter): number {
  return letter.kind === 'XRPT01' ? letter.results.length : letter.investigations.length;
}

function hubFinding(path: string, message: string): Finding[] {
  return [{ severity: 'error', path, message }];
}

export class Hub {
  /** System and content of every letter accepted so far: what a resend repeats (MON-01). */
  private readonly accepted = new Set<string>();

  constructor(
    private readonly config: PlspConfig,
    private readonly metrics: HubMetrics,
    private readonly journal: MessageJournal,
  ) {}

  /**
   * One message as the bytes that arrived, with the charset of its HTTP Content-Type if any: decoded strictly (a
   * malformed byte or a contradictory or unsupported encoding is refused, naming the byte offset), forwarded as is.
   */
  async receive(system: string | undefined, body: Uint8Array, charset?: string): Promise<HubAnswer> {
    // When it arrived, not when handling ended: two messages keep their order even if forwarding one takes longer.
    const receivedAt = new Date().toISOString();
    const outcome = readEmessage(body, charset ? { charset } : {});
    const xml = outcome.text ?? '';
    // keepContent false: the message is about a real person, so the journal keeps neither it nor its patient ids.
    const record = (httpStatus: number, refuseCode: RefuseCode | undefined, findings: Finding[], receiptXml: string, keepContent = true): void => {
      const contents = contentsOf(outcome.message);
      this.journal.record({
        envelopeIdentifier: outcome.refs.envelopeIdentifier,
        lpsSystem: system,
        receivedAt,
        httpStatus,
        receipt: refuseCode ? 'XCTL02' : 'XCTL03',
        ...(refuseCode ? { refuseCode } : {}),
        findings,
        ...(keepContent && xml !== '' && xml.length <= MAX_KEPT_BYTES ? { xml } : {}),
        receiptXml,
        ...contents,
        ...(keepContent ? {} : { patientIds: [] }),
      });
    };
    const refuse = (status: number, code: RefuseCode, findings: Finding[], keepContent = true): HubAnswer => {
      this.metrics.refused(system ?? UNNAMED_LABEL);
      const answer = this.answer(status, negativeReceipt(outcome.refs, { ean: this.config.ean }, code, findings));
      record(status, code, [...outcome.findings.filter((finding) => !findings.includes(finding)), ...findings], answer.receiptXml, keepContent);
      return answer;
    };
    if (!system) {
      return refuse(400, 'ikke_specificeret', hubFinding('X-LPS-System', 'the HTTP header X-LPS-System is missing: send the name of the LPS system'));
    }
    if (!outcome.message) {
      return refuse(400, refuseCodeFor(outcome.findings), outcome.findings);
    }
    const message = outcome.message;
    const realPersons = this.config.testCprsOnly ? realPersonFindings(message) : [];
    if (realPersons.length > 0) return refuse(422, 'ikke_specificeret', realPersons, false);
    if (!isApproved(this.config, system)) {
      return refuse(403, 'ikke_specificeret', hubFinding('X-LPS-System', `the LPS system "${system}" is not approved by MedCom to upload lab results`));
    }
    const deliveries = planDeliveries(this.config, message, { bytes: body, charset });
    const countForwarded = (delivered: Delivery[]): void => {
      for (const delivery of delivered) {
        this.metrics.resultsForwarded(system, delivery.databank, delivery.letters.reduce((sum, letter) => sum + resultCount(letter), 0));
      }
    };
    try {
      await deliverAllOrNothing(deliveries, this.config.forwarding, system);
    } catch (error) {
      if (!(error instanceof DeliveryFailure)) throw error;
      countForwarded(error.staysStored);
      return refuse(502, 'ikke_specificeret', hubFinding('/Emessage', error.message));
    }
    this.metrics.accepted(system);
    // MON-01: a letter accepted before with the same content is a resend, counted apart from the results shared.
    const resend = (letter: ReportLetter): boolean => this.accepted.has(`${system}\u0000${letterContentKey(letter)}`);
    for (const letter of message.letters.filter((letter) => !resend(letter))) this.metrics.resultsShared(system, letter.kind, resultCount(letter));
    const count = (letters: ReportLetter[]): number => letters.reduce((sum, letter) => sum + resultCount(letter), 0);
    for (const delivery of deliveries) this.metrics.resultsResent(system, delivery.databank, count(delivery.letters.filter(resend)));
    countForwarded(deliveries.map((delivery) => ({ ...delivery, letters: delivery.letters.filter((letter) => !resend(letter)) })));
    for (const letter of message.letters) this.accepted.add(`${system}\u0000${letterContentKey(letter)}`);
    const answer = this.answer(200, positiveReceipt(outcome.refs, { ean: this.config.ean }));
    record(200, undefined, outcome.findings, answer.receiptXml);
    return answer;
  }

  /**
   * A request refused before its message was read (wrong content type, too large, the hub shutting down, an unknown
   * path): a negative receipt all the same, whose text says what was wrong and where, counted and journaled.
   */
  refuseUnread(system: string | undefined, status: number, where: string, message: string): HubAnswer {
    const findings = hubFinding(where, message);
    this.metrics.refused(system ?? UNNAMED_LABEL);
    const answer = this.refusal(status, where, message);
    this.journal.record({
      lpsSystem: system,
      receivedAt: new Date().toISOString(),
      httpStatus: status,
      receipt: 'XCTL02',
      refuseCode: 'ikke_specificeret',
      findings,
      receiptXml: answer.receiptXml,
      ...contentsOf(undefined),
    });
    return answer;
  }

  /**
   * A negative receipt naming no original message, whose text says what was wrong and where; neither counted nor
   * journaled as a message (a refused cancellation, which is no MedCom message, is kept in the cancellation journal).
   */
  refusal(status: number, where: string, message: string): HubAnswer {
    return this.answer(status, negativeReceipt(readRefs(undefined), { ean: this.config.ean }, 'ikke_specificeret', hubFinding(where, message)));
  }

  private answer(status: number, receipt: Parameters<typeof writeReceipt>[0]): HubAnswer {
    return { status, receiptXml: writeReceipt(receipt) };
  }
}
