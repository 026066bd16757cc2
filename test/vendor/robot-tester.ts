/**
 * A robot standing in for the tester at a vendor's LPS: runs the suite in vendor mode as a child process, reads
 * the LOKALSVAR-INSTRUKTION lines it prints, and does what they say by sending the message a vendor's LPS would.
 */
import { writeEmessage } from '../../medcom';
import type { Emessage } from '../../medcom/model';
import { clinicEmessage } from '../../medcom/compose-clinic-report';
import { findAnalysis } from '../../medcom/npu-catalogue';
import { validationOf } from '../../medcom/result-validation';
import type { ResultToRegister } from '../../steps/drivers/lps';
import { freePort, runCucumberChild } from '../support/cucumber-child';

export type Respond = (instruction: ResultToRegister & { action: string; code: string; system: string }, hubUrl: string) => Promise<void>;

/** A question on the tester channel (LOKALSVAR-SPØRGSMÅL-JSON). */
export interface ChannelQuestion {
  id: string;
  rule: string;
  question: string;
  answerUrl: string;
}

export interface RobotAnswer {
  svar: 'ja' | 'nej';
  note?: string;
}

/** How the robot answers a question (after doing what it may do first): by default "ja", as a correct LPS's tester would. */
export type AnswerQuestion = (question: ChannelQuestion) => RobotAnswer | Promise<RobotAnswer>;

export async function postAnswer(question: ChannelQuestion, answer: { svar: 'ja' | 'nej'; note?: string }): Promise<void> {
  const response = await fetch(question.answerUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...answer, af: 'Robot-tester (test/vendor)' }) });
  if (response.status !== 200) throw new Error(`the answer to ${question.id} was refused: HTTP ${response.status} ${await response.text()}`);
}

export interface RobotRun {
  exitCode: number;
  output: string;
  instructions: string[];
  questions: ChannelQuestion[];
}

/** Runs the scenarios with the tags in vendor mode and answers every instruction with respond(). */
export async function runAsVendor(
  tags: string,
  system: string,
  timeoutSeconds: number,
  respond: Respond,
  answer: AnswerQuestion = () => ({ svar: 'ja' }),
  env: Record<string, string> = {},
  messagesFile?: string,
): Promise<RobotRun> {
  const port = await freePort();
  const hubUrl = `http://127.0.0.1:${port}`;
  const instructions: string[] = [];
  const questions: ChannelQuestion[] = [];
  const answers: Promise<void>[] = [];
  const run = await runCucumberChild(
    tags,
    { E2E_ENV: 'local', LPS: 'vendor', VENDOR_LPS_SYSTEM: system, VENDOR_TIMEOUT_S: String(timeoutSeconds), E2E_PLSP_PORT: String(port), ...env },
    {
      ...(messagesFile ? { formats: [`message:${messagesFile}`] } : {}),
      onLine: (line) => {
        const json = /^LOKALSVAR-INSTRUKTION-JSON: (.*)$/.exec(line);
        const asked = /^LOKALSVAR-SPØRGSMÅL-JSON: (.*)$/.exec(line);
        // As a person would: one instruction at a time, each started when the one before is done (a resending
        // LPS's second copy of a result is sent before the robot turns to the correction of it).
        if (json?.[1]) {
          const instruction = JSON.parse(json[1]) as Parameters<Respond>[0];
          const before = [...answers];
          answers.push(Promise.allSettled(before).then(() => respond(instruction, hubUrl)));
        }
        else if (asked?.[1]) {
          const question = JSON.parse(asked[1]) as ChannelQuestion;
          questions.push(question);
          // As a person would: answer only after doing what the instructions before the question said.
          const before = [...answers];
          answers.push(Promise.allSettled(before).then(async () => postAnswer(question, await answer(question))));
        }
        else if (line.startsWith('LOKALSVAR-INSTRUKTION: ')) instructions.push(line.slice('LOKALSVAR-INSTRUKTION: '.length));
      },
    },
  );
  await Promise.all(answers);
  return { ...run, instructions, questions };
}

export interface VendorShare {
  /** Send the result as corrected (svar_rettet) under this earlier sample number. */
  correctionOf?: string;
  /** Send again under this sample number (a resend after a negative receipt). */
  sampleNumber?: string;
  /** A defect of a faulty LPS: changes the message before it is written (test/vendor/faulty-lps.ts). */
  mutate?: (message: Emessage) => void;
  /** A defect that is in the XML text itself (e.g. times with seconds). */
  rewriteXml?: (xml: string) => string;
  /** Send the same message this many times (a resending LPS: 2). */
  times?: number;
  /** Send under another producer code than the robot practice's (a faulty LPS sharing a received result). */
  producerCode?: string;
  /** Send in another letter type than the analysis's (a faulty LPS). */
  asLetterType?: 'XRPT01' | 'XRPT05';
  /** A defect: send a national sample number even where the instruction says to register none (LABA-03). */
  ignoreWithoutSampleNumber?: boolean;
}

/**
 * The producer code of a practice in the robot's LPS (ProducerOfLabResult/IdentifierCode and Sender/FromLabIdentifier):
 * the initials of its name, at most 3, so each practice has its own ("Lægerne Testgade" LT).
 */
export function producerCodeOf(clinic: string): string {
  return clinic.split(/\s+/).map((word) => word[0] ?? '').join('').toUpperCase().slice(0, 3) || 'RB';
}

/**
 * What a vendor's LPS does when the tester registers and shares (or corrects): compose the XRPT and send it to
 * the hub. Resolves with PLSP's HTTP status and the sample number the result went under.
 */
export async function sendAsVendorLps(result: ResultToRegister, system: string, hubUrl: string, share: VendorShare = {}): Promise<{ status: number; sampleNumber: string }> {
  const analysis = findAnalysis(result.analysis);
  if (!analysis) throw new Error(`unknown analysis ${result.analysis}`);
  const now = new Date();
  const drawn = String(now.getTime()).slice(-10);
  const withoutSampleNumber = result.withoutSampleNumber && share.ignoreWithoutSampleNumber !== true;
  const sampleNumber = share.correctionOf ?? share.sampleNumber ?? (withoutSampleNumber ? undefined : (result.sampleNumber ?? drawn));
  const validation = validationOf(result.value, result.referenceInterval);
  const message = clinicEmessage({
    clinic: { name: result.clinic, ydernummer: '054321', ean: '5790000000123', producerCode: share.producerCode ?? producerCodeOf(result.clinic) },
    patient: { ...result.patient, consentGiven: result.consentGiven ?? true },
    analysis: share.asLetterType ? { ...analysis, letterType: share.asLetterType } : analysis,
    value: result.value,
    ...(result.unit ? { unit: result.unit } : {}),
    ...(result.referenceInterval ? { referenceInterval: result.referenceInterval } : {}),
    // A correct LPS marks a value outside its interval (ResultValidation), as the pilot LPS does.
    ...(validation ? { resultValidation: validation } : {}),
    ...(sampleNumber ? { sampleNumber } : { internalSampleIdentifier: `P${drawn}` }),
    sampledAt: now,
    resultAt: now,
    ...(share.correctionOf ? { status: 'svar_rettet' as const } : {}),
  });
  share.mutate?.(message);
  const xml = (share.rewriteXml ?? ((text: string) => text))(writeEmessage(message));
  let status = 0;
  for (let time = 0; time < (share.times ?? 1); time += 1) {
    const response = await fetch(`${hubUrl}/plsp/v1/xrpt`, { method: 'POST', headers: { 'content-type': 'application/xml', 'x-lps-system': system }, body: xml });
    status = time === 0 ? response.status : status;
  }
  return { status, sampleNumber: sampleNumber ?? `P${drawn}` };
}

/** A vendor LPS's cancellation of every result it sent for a wrong patient id (LABA-05, ASSUMPTION: the hub's interface). */
export async function cancelAsVendorLps(cpr: string, system: string, hubUrl: string, producerCode: string): Promise<number> {
  const response = await fetch(`${hubUrl}/plsp/v1/cancellations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lps-system': system },
    body: JSON.stringify({ patientId: cpr, producerCode }),
  });
  return response.status;
}

/**
 * The robot as a correct LPS: registers and shares, corrects under the original sample number, resends, imports
 * nothing it must not share, and cancels for a wrong patient id.
 */
export type Instructed = Parameters<Respond>[0];

/** How a faulty LPS departs from a correct one; a correct LPS has none of these. */
export interface Behaviour {
  /** Every message it shares is changed so (share = the instruction's action). */
  share?: Omit<VendorShare, 'correctionOf' | 'sampleNumber'>;
  /** Instead of the correct handling of an action; returns true when it handled it. */
  instead?: (instruction: Instructed, hubUrl: string, system: string, sampleNumbers: Map<string, string>) => Promise<boolean>;
}

export function correctLps(system: string, behaviour: Behaviour = {}): Respond {
  const sampleNumbers = new Map<string, string>();
  const share = behaviour.share ?? {};
  return async (instruction, hubUrl) => {
    const key = `${instruction.patient?.cpr}:${instruction.code}`;
    if (await behaviour.instead?.(instruction, hubUrl, system, sampleNumbers)) return;
    switch (instruction.action) {
      case 'registrer-og-del': {
        const sent = await sendAsVendorLps(instruction, system, hubUrl, share);
        sampleNumbers.set(key, sent.sampleNumber);
        return;
      }
      case 'del-igen':
        await sendAsVendorLps(instruction, system, hubUrl, { ...share, sampleNumber: sampleNumbers.get(key) });
        return;
      case 'ret': {
        const change = (instruction as unknown as { change: { value: string; unit?: string } }).change;
        await sendAsVendorLps({ ...instruction, ...change }, system, hubUrl, { ...share, correctionOf: sampleNumbers.get(key) });
        return;
      }
      case 'annuller-patient':
        await cancelAsVendorLps(instruction.patient.cpr, system, hubUrl, producerCodeOf(instruction.clinic));
        return;
      default:
        // importer, del-alle-nye, forsoeg-at-dele: a correct LPS shares nothing it received from others.
        return;
    }
  };
}
