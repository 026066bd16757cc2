/**
 * A robot standing in for the tester at a vendor's LPS: runs the suite in vendor mode as a child process, reads
 * the LOKALSVAR-INSTRUKTION lines it prints, and does what they say by sending the message a vendor's LPS would.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeEmessage } from '../../medcom';
import { clinicEmessage } from '../../medcom/compose-clinic-report';
import { findAnalysis } from '../../medcom/npu-catalogue';
import type { ResultToRegister } from '../../steps/drivers/lps';

const ROOT = path.resolve(__dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A cucumber config of its own, so the robot's runs do not overwrite the reports of the real run. */
function robotConfig(dir: string): string {
  const file = path.join(dir, 'cucumber.cjs');
  writeFileSync(
    file,
    `module.exports = { default: ${JSON.stringify({
      paths: [path.join(ROOT, 'features/**/*.feature')],
      requireModule: ['tsx/cjs'],
      require: [path.join(ROOT, 'steps/**/*.ts')],
      format: ['progress'],
      strict: true,
    })} };`,
  );
  return file;
}

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
  const configDir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-robot-'));
  const child = spawn(path.join(ROOT, 'node_modules/.bin/cucumber-js'), ['--config', path.relative(ROOT, robotConfig(configDir)), '--tags', tags], {
    cwd: ROOT,
    env: { ...process.env, E2E_ENV: 'local', LPS: 'vendor', VENDOR_LPS_SYSTEM: system, VENDOR_TIMEOUT_S: String(timeoutSeconds), E2E_PLSP_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const instructions: string[] = [];
  const answers: Promise<void>[] = [];
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const json = /^LOKALSVAR-INSTRUKTION-JSON: (.*)$/.exec(line);
      if (json?.[1]) answers.push(respond(JSON.parse(json[1]), hubUrl));
      else if (line.startsWith('LOKALSVAR-INSTRUKTION: ')) instructions.push(line.slice('LOKALSVAR-INSTRUKTION: '.length));
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  rmSync(configDir, { recursive: true, force: true });
  await Promise.all(answers);
  return { exitCode, output, instructions };
}

/** What a vendor's LPS does when the tester registers and shares: compose the XRPT and send it to the hub. */
export async function sendAsVendorLps(result: ResultToRegister, system: string, hubUrl: string): Promise<number> {
  const analysis = findAnalysis(result.analysis);
  if (!analysis) throw new Error(`unknown analysis ${result.analysis}`);
  const now = new Date();
  const message = clinicEmessage({
    clinic: { name: result.clinic, ydernummer: '054321', ean: '5790000000123', producerCode: 'RB' },
    patient: { ...result.patient, consentGiven: result.consentGiven ?? true },
    analysis,
    value: result.value,
    ...(result.unit ? { unit: result.unit } : {}),
    ...(result.referenceInterval ? { referenceInterval: result.referenceInterval } : {}),
    sampleNumber: String(now.getTime()).slice(-10),
    sampledAt: now,
    resultAt: now,
  });
  const response = await fetch(`${hubUrl}/plsp/v1/xrpt`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml', 'x-lps-system': system },
    body: writeEmessage(message),
  });
  return response.status;
}
