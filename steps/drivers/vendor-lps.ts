/**
 * A vendor's real LPS in a scenario (LPS=vendor): the step tells the tester what to do in the LPS (through the
 * tester channel), then waits (with a timeout) for the message the LPS sends to the PLSP hub stub. The answer is the
 * FIRST message since the instruction that carries the result's identity (LPS system, test CPR, analysis code, sample
 * number where known); a repeat of a letter already matched is a resend, reported as such and never a fault by itself
 * (steps/support/message-matching.ts). On timeout the error names the closest message that did arrive and every field
 * in which it differs from what was asked for.
 */
import { readReceipt } from '../../medcom';
import { findAnalysis } from '../../medcom/npu-catalogue';
import type { RegisteredResult, SharedResult } from '../../contracts/pilot-lps';
import type { HubJournalEntry } from '../../contracts/plsp';
import type { Finding } from '../../medcom/model';
import type { Instruction, TesterOutput } from '../../run/tester-channel';
import { waitFor } from '../../run/wait-for';
import { compareWithExpected, describeDifferences, rulesBroken, type Difference, type ExpectedShare } from './expected-message';
import { inArrivalOrder, pickFirst, readJournalLetter, type JournalLetter, type ResultIdentity } from './message-matching';
import { rulesOfRefusal } from './refusal-rules';
import { requisitionOf, type LpsDriver, type RegisteredAndShared, type ResultToRegister } from './lps';
import type { PlspDriver } from './plsp';

export type { Instruction, TesterOutput } from '../../run/tester-channel';

/** Letters matched in this run, by content: a later copy is a resend (run-wide, so a late resend never counts twice). */
const matchedContent = new Set<string>();

function describeInterval(interval: ResultToRegister['referenceInterval']): string {
  if (!interval) return '';
  const name = interval.typeOfInterval === 'terapeutisk' ? 'behandlingsmål' : 'referenceinterval';
  if (interval.lowerLimit && interval.upperLimit) return ` med ${name} ${interval.lowerLimit}-${interval.upperLimit}`;
  if (interval.upperLimit) return ` med ${name} under ${interval.upperLimit}`;
  if (interval.lowerLimit) return ` med ${name} over ${interval.lowerLimit}`;
  return interval.intervalText ? ` med ${name} "${interval.intervalText}"` : '';
}

function describeResult(result: ResultToRegister): string {
  const interval = describeInterval(result.referenceInterval);
  const consent = result.consentGiven === false ? ', hvor patienten har nægtet samtykke til videregivelse' : '';
  const sample = result.withoutSampleNumber ? ', uden nationalt prøvenummer' : result.sampleNumber ? `, under det nationale prøvenummer ${result.sampleNumber}` : '';
  return `${result.analysis} ${result.value}${result.unit ? ` ${result.unit}` : ''}${interval}${consent}${sample}`;
}

function describeEntry(entry: HubJournalEntry): string {
  const refused = entry.receipt === 'XCTL02' ? ` ${entry.refuseCode ?? ''}: ${entry.findings.filter((f) => f.severity === 'error').map((f) => `${f.path}: ${f.message}`).join('; ')}` : '';
  return `envelope ${entry.envelopeIdentifier ?? '?'} fra "${entry.lpsSystem ?? '?'}", CPR ${entry.patientIds.join(',') || '?'}, analyser ${entry.analysisCodes.join(',') || '?'}, kvittering ${entry.receipt}${refused}`;
}

function codeOf(result: ResultToRegister): string {
  const analysis = findAnalysis(result.analysis);
  if (!analysis) throw new Error(`"${result.analysis}" is not an analysis the platform knows (medcom/npu-catalogue.ts)`);
  return analysis.code;
}

function registeredFrom(found: JournalLetter, code: string): RegisteredResult {
  const { letter, entry } = found;
  const sample = letter?.requisitionInformation.sample;
  const producer =
    letter?.kind === 'XRPT01'
      ? letter.results.find((result) => result.analysis.analysisCode === code)?.producerOfLabResult
      : letter?.investigations.find((investigation) => investigation.examination.micAnalysisCode === code)?.examination.producerOfLabResult;
  return {
    id: entry.envelopeIdentifier ?? '',
    ...(sample?.requesterSampleIdentifier ? { sampleNumber: sample.requesterSampleIdentifier } : {}),
    internalSampleIdentifier: sample?.laboratoryInternalSampleIdentifier ?? '',
    clinic: { name: letter?.sender.organisationName ?? '', producerCode: producer?.identifierCode ?? '' },
  };
}

/** The differences of one arrived message from what was asked for: identity first, then the message's fields. */
function differencesOf(candidate: JournalLetter, identity: ResultIdentity, expected: ExpectedShare): Difference[] {
  const { entry } = candidate;
  const identityDifferences: Difference[] = [];
  const check = (field: string, path: string, want: string, got: string): void => {
    if (want !== got) identityDifferences.push({ rule: 'DEL-01', path, field, expected: want, actual: got || '(intet)' });
  };
  check('LPS-system', 'HTTP-header X-LPS-System', identity.system, entry.lpsSystem ?? '');
  check('patientens CPR-nummer', 'Patient', identity.cpr, entry.patientIds.join(', '));
  check('analysekode', 'Analysis/AnalysisCode', identity.code, entry.analysisCodes.join(', '));
  return [...identityDifferences, ...(candidate.letter || entry.xml ? compareWithExpected(candidate.letter, expected) : [])];
}

/** The arrived message that differs in the fewest fields from what was asked for, with those fields. */
function closest(arrived: readonly JournalLetter[], identity: ResultIdentity, expected: ExpectedShare): { candidate: JournalLetter; differences: Difference[] } | undefined {
  let best: { candidate: JournalLetter; differences: Difference[] } | undefined;
  for (const candidate of arrived) {
    const differences = differencesOf(candidate, identity, expected);
    if (!best || differences.length < best.differences.length) best = { candidate, differences };
  }
  return best;
}

interface Awaited {
  found: JournalLetter;
}

export class VendorLpsDriver implements LpsDriver {
  constructor(
    readonly systemName: string,
    private readonly plsp: PlspDriver,
    private readonly tester: TesterOutput,
    private readonly timeoutMs: number,
  ) {}

  async registerAndShare(result: ResultToRegister): Promise<RegisteredAndShared> {
    const code = codeOf(result);
    const { found } = await this.awaitMessage(
      result,
      { system: this.systemName, cpr: result.patient.cpr, code, ...(result.sampleNumber ? { sampleNumber: result.sampleNumber } : {}) },
      {
        text: `I LPS'et i praksis "${result.clinic}": registrér for testpersonen ${result.patient.givenName} ${result.patient.surname} (${result.patient.cpr}) ${describeResult(result)}, og del svaret.`,
        data: { action: 'registrer-og-del', ...result, code },
      },
      {},
    );
    return { registered: registeredFrom(found, code), shared: this.sharedFrom(found.entry) };
  }

  async correct(result: ResultToRegister, registered: RegisteredResult, change: { value: string; unit?: string }): Promise<SharedResult> {
    const code = codeOf(result);
    const originalSampleNumber = requisitionOf(registered);
    const { found } = await this.awaitMessage(
      result,
      { system: this.systemName, cpr: result.patient.cpr, code, sampleNumber: originalSampleNumber },
      {
        text: `I LPS'et: ret ${result.analysis}-svaret for ${result.patient.cpr} til ${change.value}${change.unit ? ` ${change.unit}` : ''}, så rettelsen sendes.`,
        data: { action: 'ret', ...result, code, change, originalSampleNumber },
      },
      { correction: { ...change, originalSampleNumber } },
    );
    return this.sharedFrom(found.entry);
  }

  async shareAgain(result: ResultToRegister, registered: RegisteredResult): Promise<SharedResult> {
    const code = codeOf(result);
    const { found } = await this.awaitMessage(
      result,
      { system: this.systemName, cpr: result.patient.cpr, code, sampleNumber: requisitionOf(registered) },
      { text: `I LPS'et: send ${result.analysis}-svaret for ${result.patient.cpr} igen.`, data: { action: 'del-igen', ...result, code } },
      { nationalSampleNumber: registered.sampleNumber },
      true,
    );
    return this.sharedFrom(found.entry);
  }

  private sharedFrom(entry: HubJournalEntry): SharedResult {
    return {
      id: entry.envelopeIdentifier ?? '',
      httpStatus: entry.httpStatus,
      receipt: readReceipt(entry.receiptXml),
      receiptXml: entry.receiptXml,
      envelopeIdentifier: entry.envelopeIdentifier ?? '',
      sentXml: entry.xml ?? '',
    };
  }

  private async awaitMessage(
    result: ResultToRegister,
    identity: ResultIdentity,
    instruction: Instruction,
    expectation: Partial<ExpectedShare>,
    resendAsked = false,
  ): Promise<Awaited> {
    const from = new Date();
    const since = from.toISOString();
    this.tester.instruct({ text: `${instruction.text} (venter højst ${Math.round(this.timeoutMs / 1000)} s)`, data: { ...instruction.data, system: this.systemName, since } });
    const shownResends = new Set<string>();
    const probe = async (): Promise<JournalLetter | undefined> => {
      const arrived = inArrivalOrder(await this.plsp.journal({ patient: result.patient.cpr, system: this.systemName, since })).map(readJournalLetter);
      const { match, resends } = pickFirst(arrived, identity, matchedContent, resendAsked);
      for (const resend of resends) {
        const envelope = resend.entry.envelopeIdentifier ?? '?';
        if (shownResends.has(envelope)) continue;
        shownResends.add(envelope);
        this.tester.note(`Gensendelse genkendt: envelope ${envelope} gentager et svar, der allerede er modtaget (${resend.entry.receipt}); det tæller ikke som et nyt svar og er ingen fejl i sig selv.`);
      }
      return match;
    };
    try {
      const found = await waitFor(probe, { timeoutMs: this.timeoutMs, intervalMs: 250, what: `a message from "${this.systemName}"` });
      if (found.contentKey !== undefined) matchedContent.add(found.contentKey);
      return { found };
    } catch {
      const arrived = inArrivalOrder(await this.plsp.journal({ since })).map(readJournalLetter);
      const expected: ExpectedShare = { result, window: { from, to: new Date() }, ...expectation };
      const near = closest(arrived, identity, expected);
      const head = `Ingen besked fra "${this.systemName}" for ${result.patient.cpr} med ${result.analysis} (${identity.code}) inden for ${Math.round(this.timeoutMs / 1000)} s.`;
      if (!near) throw new Error(`${head} PLSP modtog intet i ventetiden.`);
      const { entry } = near.candidate;
      const faults = entry.findings.filter((finding: Finding) => finding.severity === 'error').map((finding: Finding) => `${finding.path}: ${finding.message}`);
      // A refused message fails the rules its faults concern; otherwise the rules of the fields it differs in.
      const rules = entry.receipt === 'XCTL02' ? rulesOfRefusal(faults.join('\n'), entry.httpStatus) : rulesBroken(near.differences);
      const refused = entry.receipt === 'XCTL02' ? ` PLSP afviste beskeden (HTTP ${entry.httpStatus}): ${faults.join('; ')}.` : '';
      throw new Error(
        `${rules.map((rule) => `[${rule}]`).join(' ')} ${head}${refused} Nærmeste besked, der kom: ${describeEntry(entry)}; den afviger i:\n${describeDifferences(near.differences)}` +
          (arrived.length > 1 ? `\nModtaget i alt i ventetiden, uden match: ${arrived.map((letter) => describeEntry(letter.entry)).join(' | ')}` : ''),
      );
    }
  }
}
