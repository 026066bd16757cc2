/**
 * A robot standing in for the tester at a vendor's LPS: runs the suite in vendor mode as a child process, reads
 * the LOKALSVAR-INSTRUKTION lines it prints, and does what they say by sending the message a vendor's LPS would.
 */
import { writeEmessage } from '../../medcom';
import { clinicEmessage } from '../../medcom/compose-clinic-report';
import { findAnalysis } from '../../medcom/npu-catalogue';
import type { ResultToRegister } from '../../steps/drivers/lps';
import { freePort, runCucumberChild } from '../support/cucumber-child';

export type Respond = (instruction: ResultToRegister & { action: string; code: string; system: string }, hubUrl: string) => Promise<void>;

export interface RobotRun {
  exitCode: number;
  output: string;
  instructions: string[];
}

/** Runs the scenarios with the tags in vendor mode and answers every instruction with respond(). */
export async function runAsVendor(tags: string, system: string, timeoutSeconds: number, respond: Respond): Promise<RobotRun> {
  const port = await freePort();
  const hubUrl = `http://127.0.0.1:${port}`;
  const instructions: string[] = [];
  const answers: Promise<void>[] = [];
  const run = await runCucumberChild(
    tags,
    { E2E_ENV: 'local', LPS: 'vendor', VENDOR_LPS_SYSTEM: system, VENDOR_TIMEOUT_S: String(timeoutSeconds), E2E_PLSP_PORT: String(port) },
    {
      onLine: (line) => {
        const json = /^LOKALSVAR-INSTRUKTION-JSON: (.*)$/.exec(line);
        if (json?.[1]) answers.push(respond(JSON.parse(json[1]), hubUrl));
        else if (line.startsWith('LOKALSVAR-INSTRUKTION: ')) instructions.push(line.slice('LOKALSVAR-INSTRUKTION: '.length));
      },
    },
  );
  await Promise.all(answers);
  return { ...run, instructions };
}

export interface VendorShare {
  /** Send the result as corrected (svar_rettet) under this earlier sample number. */
  correctionOf?: string;
  /** A defect: send a national sample number even where the instruction says to register none (LABA-03). */
  ignoreWithoutSampleNumber?: boolean;
}

/**
 * What a vendor's LPS does when the tester registers and shares (or corrects): compose the XRPT and send it to
 * the hub. Resolves with PLSP's HTTP status and the sample number the result went under.
 */
export async function sendAsVendorLps(result: ResultToRegister, system: string, hubUrl: string, share: VendorShare = {}): Promise<{ status: number; sampleNumber: string }> {
  const analysis = findAnalysis(result.analysis);
  if (!analysis) throw new Error(`unknown analysis ${result.analysis}`);
  const now = new Date();
  const sampleNumber = share.correctionOf ?? String(now.getTime()).slice(-10);
  const withSampleNumber = !result.withoutSampleNumber || share.ignoreWithoutSampleNumber === true;
  const message = clinicEmessage({
    clinic: { name: result.clinic, ydernummer: '054321', ean: '5790000000123', producerCode: 'RB' },
    patient: { ...result.patient, consentGiven: result.consentGiven ?? true },
    analysis,
    value: result.value,
    ...(result.unit ? { unit: result.unit } : {}),
    ...(result.referenceInterval ? { referenceInterval: result.referenceInterval } : {}),
    ...(withSampleNumber ? { sampleNumber } : { internalSampleIdentifier: sampleNumber }),
    sampledAt: now,
    resultAt: now,
    ...(share.correctionOf ? { status: 'svar_rettet' as const } : {}),
  });
  const response = await fetch(`${hubUrl}/plsp/v1/xrpt`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml', 'x-lps-system': system },
    body: writeEmessage(message),
  });
  return { status: response.status, sampleNumber };
}
