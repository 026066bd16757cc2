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
  constructor(
    private readonly config: PlspConfig,
    private readonly metrics: HubMetrics,
    private readonly journal: MessageJournal,
  ) {}

  async receive(system: string | undefined, xml: string): Promise<HubAnswer> {
    const outcome = readEmessage(xml);
    // keepContent false: the message is about a real person, so the journal keeps neither it nor its patient ids.
    const record = (httpStatus: number, refuseCode: RefuseCode | undefined, findings: Finding[], receiptXml: string, keepContent = true): void => {
      const contents = contentsOf(outcome.message);
      this.journal.record({
        envelopeIdentifier: outcome.refs.envelopeIdentifier,
        lpsSystem: system,
        receivedAt: new Date().toISOString(),
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
    const deliveries = planDeliveries(this.config, message, xml);
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
    for (const letter of message.letters) this.metrics.resultsShared(system, letter.kind, resultCount(letter));
    countForwarded(deliveries);
    const answer = this.answer(200, positiveReceipt(outcome.refs, { ean: this.config.ean }));
    record(200, undefined, outcome.findings, answer.receiptXml);
    return answer;
  }

  private answer(status: number, receipt: Parameters<typeof writeReceipt>[0]): HubAnswer {
    return { status, receiptXml: writeReceipt(receipt) };
  }
}
