/**
 * A vendor's real LPS in a scenario (LPS=vendor): the step tells the tester what to do in the LPS, then waits
 * (with a timeout) for the message the LPS sends to the PLSP hub stub, matched by LPS system, test CPR and analysis
 * code among the messages received since the instruction. On timeout the error lists what did arrive meanwhile.
 */
import { readEmessage, readReceipt } from '../../medcom';
import type { ReportLetter } from '../../medcom/model';
import { findAnalysis } from '../../medcom/npu-catalogue';
import { waitFor } from '../../run/wait-for';
import type { RegisteredResult, SharedResult } from '../../contracts/pilot-lps';
import type { HubJournalEntry } from '../../contracts/plsp';
import type { LpsDriver, RegisteredAndShared, ResultToRegister } from './lps';
import type { PlspDriver } from './plsp';

/** One instruction to the tester: Danish text for people, the same as data for a robot tester. */
export interface Instruction {
  text: string;
  data: Record<string, unknown>;
}

export type Instruct = (instruction: Instruction) => void;

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
  const sample = result.withoutSampleNumber ? ', uden nationalt prøvenummer' : '';
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

function registeredFrom(entry: HubJournalEntry, code: string): RegisteredResult {
  const letter: ReportLetter | undefined = entry.xml ? readEmessage(entry.xml).message?.letters[0] : undefined;
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

export class VendorLpsDriver implements LpsDriver {
  constructor(
    readonly systemName: string,
    private readonly plsp: PlspDriver,
    private readonly instruct: Instruct,
    private readonly timeoutMs: number,
  ) {}

  async registerAndShare(result: ResultToRegister): Promise<RegisteredAndShared> {
    const code = codeOf(result);
    const entry = await this.awaitMessage(result, code, {
      text: `I LPS'et i praksis "${result.clinic}": registrér for testpersonen ${result.patient.givenName} ${result.patient.surname} (${result.patient.cpr}) ${describeResult(result)}, og del svaret.`,
      data: { action: 'registrer-og-del', ...result, code },
    });
    return { registered: registeredFrom(entry, code), shared: this.sharedFrom(entry) };
  }

  async correct(result: ResultToRegister, _registered: RegisteredResult, change: { value: string; unit?: string }): Promise<SharedResult> {
    const code = codeOf(result);
    const entry = await this.awaitMessage(result, code, {
      text: `I LPS'et: ret ${result.analysis}-svaret for ${result.patient.cpr} til ${change.value}${change.unit ? ` ${change.unit}` : ''}, så rettelsen sendes.`,
      data: { action: 'ret', ...result, code, change },
    });
    return this.sharedFrom(entry);
  }

  async shareAgain(result: ResultToRegister): Promise<SharedResult> {
    const code = codeOf(result);
    const entry = await this.awaitMessage(result, code, {
      text: `I LPS'et: send ${result.analysis}-svaret for ${result.patient.cpr} igen.`,
      data: { action: 'del-igen', ...result, code },
    });
    return this.sharedFrom(entry);
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

  private async awaitMessage(result: ResultToRegister, code: string, instruction: Instruction): Promise<HubJournalEntry> {
    const since = new Date().toISOString();
    this.instruct({ text: `${instruction.text} (venter højst ${Math.round(this.timeoutMs / 1000)} s)`, data: { ...instruction.data, system: this.systemName, since } });
    const matching = async (): Promise<HubJournalEntry | undefined> =>
      (await this.plsp.journal({ patient: result.patient.cpr, system: this.systemName, since })).find((entry) => entry.analysisCodes.includes(code));
    try {
      return await waitFor(matching, { timeoutMs: this.timeoutMs, intervalMs: 250, what: `a message from "${this.systemName}"` });
    } catch {
      const arrived = await this.plsp.journal({ since });
      throw new Error(
        `Ingen besked fra "${this.systemName}" for ${result.patient.cpr} med ${result.analysis} (${code}) inden for ${Math.round(this.timeoutMs / 1000)} s. ` +
          (arrived.length === 0 ? 'PLSP modtog intet i ventetiden.' : `Modtaget i ventetiden, uden match: ${arrived.map(describeEntry).join(' | ')}`),
      );
    }
  }
}
