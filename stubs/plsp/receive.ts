/**
 * The hub's handling of one message from an LPS: read and validate, check the sending system's approval,
 * forward to the databanks, count, and answer with a MedCom receipt. Nothing is forwarded from a refused message.
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
import { isApproved, type PlspConfig } from './config';
import { UpstreamError } from '../common/fetch-json';
import { deliver, planDeliveries } from './forward';
import { contentsOf, MAX_KEPT_BYTES, type MessageJournal } from './journal';
import type { HubMetrics } from './metrics';
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

  async receive(system: string | undefined, xml: string): Promise<HubAnswer> {
    // When it arrived, not when handling ended: two messages keep their order even if forwarding one takes longer.
    const receivedAt = new Date().toISOString();
    const outcome = readEmessage(xml);
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
        ...(keepContent && xml.length <= MAX_KEPT_BYTES ? { xml } : {}),
        receiptXml,
        ...contents,
        ...(keepContent ? {} : { patientIds: [] }),
      });
    };
    const refuse = (status: number, code: RefuseCode, findings: Finding[], keepContent = true): HubAnswer => {
      this.metrics.refused(system ?? '(unnamed)');
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
    const deliveries = planDeliveries(this.config, message, xml);
    try {
      await Promise.all(deliveries.map((delivery) => deliver(delivery, this.config.forwarding, system)));
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      return refuse(502, 'ikke_specificeret', hubFinding('/Emessage', `${error.message}; nothing was confirmed, send the message again`));
    }
    this.metrics.accepted(system);
    // MON-01: a letter accepted before with the same content is a resend, counted apart from the results shared.
    const resend = (letter: ReportLetter): boolean => this.accepted.has(`${system}\u0000${letterContentKey(letter)}`);
    for (const letter of message.letters.filter((letter) => !resend(letter))) this.metrics.resultsShared(system, letter.kind, resultCount(letter));
    for (const delivery of deliveries) {
      const count = (letters: ReportLetter[]): number => letters.reduce((sum, letter) => sum + resultCount(letter), 0);
      this.metrics.resultsForwarded(system, delivery.databank, count(delivery.letters.filter((letter) => !resend(letter))));
      this.metrics.resultsResent(system, delivery.databank, count(delivery.letters.filter(resend)));
    }
    for (const letter of message.letters) this.accepted.add(`${system}\u0000${letterContentKey(letter)}`);
    const answer = this.answer(200, positiveReceipt(outcome.refs, { ean: this.config.ean }));
    record(200, undefined, outcome.findings, answer.receiptXml);
    return answer;
  }

  private answer(status: number, receipt: Parameters<typeof writeReceipt>[0]): HubAnswer {
    return { status, receiptXml: writeReceipt(receipt) };
  }
}
