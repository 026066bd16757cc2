/**
 * Holds every LPS, the pilot simulator and a vendor's real one alike, to what the tester (or the scenario) asked it
 * to register: each message it shares is compared field by field with the expected message
 * (steps/support/expected-message.ts), and a difference fails the step with the rule it breaks, the path, the
 * expected and the sent value. A message PLSP refused for its content fails only the rules its faults concern.
 */
import { readEmessage } from '../../medcom';
import { compareWithExpected, describeDifferences, rulesBroken, type ExpectedShare } from './expected-message';
import { rulesOfRefusal } from './refusal-rules';
import type { RegisteredResult, SharedResult } from '../../contracts/pilot-lps';
import type { LpsDriver, RegisteredAndShared, ResultToRegister } from './lps';
import { requisitionOf } from './lps';

export interface CheckedLpsOptions {
  /** Give the tester a national sample number with each result (vendor mode); the pilot LPS draws its own. */
  assignSampleNumbers: boolean;
  /** Producer codes of other producers the scenario knows (laboratories, other practices). */
  foreignProducerCodes?: () => readonly string[];
}

let sampleCounter = 0;

/** A national sample number for the tester to register under: 10 digits, unique within the run. */
export function newNationalSampleNumber(now = Date.now()): string {
  sampleCounter = (sampleCounter + 1) % 100;
  return `${String(now).slice(-8)}${String(sampleCounter).padStart(2, '0')}`;
}

/** HTTP statuses of a refusal for the message's content or sender, which is the LPS's fault (not a databank's). */
const CONTENT_REFUSALS = new Set([400, 403, 422]);

export class CheckedLpsDriver implements LpsDriver {
  /** Per practice, the producer code its first result carried: later results must keep it. */
  private readonly producerCodes = new Map<string, string>();
  /** When each shared result's share began, by the LPS's id: a resend keeps the original's times. */
  private readonly windows = new Map<string, Date>();

  constructor(
    private readonly inner: LpsDriver,
    private readonly options: CheckedLpsOptions,
  ) {}

  get systemName(): string {
    return this.inner.systemName;
  }

  async registerAndShare(result: ResultToRegister): Promise<RegisteredAndShared> {
    const spec = this.options.assignSampleNumbers && !result.withoutSampleNumber && !result.sampleNumber ? { ...result, sampleNumber: newNationalSampleNumber() } : result;
    const from = new Date();
    const outcome = await this.inner.registerAndShare(spec);
    this.windows.set(outcome.registered.id, from);
    const nationalSampleNumber = spec.sampleNumber ?? outcome.registered.sampleNumber;
    this.check(outcome.shared, { result: spec, ...(nationalSampleNumber ? { nationalSampleNumber } : {}), window: { from, to: new Date() } });
    return outcome;
  }

  async correct(result: ResultToRegister, registered: RegisteredResult, change: { value: string; unit?: string }): Promise<SharedResult> {
    const from = new Date();
    const shared = await this.inner.correct(result, registered, change);
    this.check(shared, { result, correction: { ...change, originalSampleNumber: requisitionOf(registered) }, window: { from, to: new Date() } });
    return shared;
  }

  async shareAgain(result: ResultToRegister, registered: RegisteredResult): Promise<SharedResult> {
    const from = this.windows.get(registered.id) ?? new Date();
    const shared = await this.inner.shareAgain(result, registered);
    this.check(shared, { result, ...(registered.sampleNumber ? { nationalSampleNumber: registered.sampleNumber } : {}), window: { from, to: new Date() } });
    return shared;
  }

  private check(shared: SharedResult, expectation: Omit<ExpectedShare, 'knownProducerCode' | 'foreignProducerCodes'>): void {
    if (shared.receipt.kind === 'XCTL02' && CONTENT_REFUSALS.has(shared.httpStatus)) {
      const texts = [shared.receipt.refuseText, ...shared.receipt.originalLetters.map((letter: { refuseText?: string }) => letter.refuseText)].filter((text): text is string => Boolean(text));
      const rules = rulesOfRefusal(texts.join('\n'), shared.httpStatus);
      throw new Error(`${rules.map((rule) => `[${rule}]`).join(' ')} PLSP afviste beskeden fra "${this.systemName}" (HTTP ${shared.httpStatus}, envelope ${shared.envelopeIdentifier}): ${texts.join('; ')}`);
    }
    const letter = shared.sentXml ? readEmessage(shared.sentXml).message?.letters[0] : undefined;
    const clinic = expectation.result.clinic;
    const known = this.producerCodes.get(clinic);
    const differences = compareWithExpected(letter, {
      ...expectation,
      ...(known ? { knownProducerCode: known } : {}),
      foreignProducerCodes: this.options.foreignProducerCodes?.() ?? [],
    });
    const code = letter?.kind === 'XRPT01' ? letter.results[0]?.producerOfLabResult.identifierCode : letter?.investigations[0]?.examination.producerOfLabResult.identifierCode;
    if (!known && code && differences.length === 0) this.producerCodes.set(clinic, code);
    if (differences.length > 0) {
      throw new Error(
        `${rulesBroken(differences).map((rule) => `[${rule}]`).join(' ')} Beskeden fra "${this.systemName}" (envelope ${shared.envelopeIdentifier}) afviger fra det, der blev registreret:\n${describeDifferences(differences)}`,
      );
    }
  }
}
