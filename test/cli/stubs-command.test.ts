/** `lokalsvar stubs`: every system on the ports asked for, answering, and all of it gone after Ctrl-C. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { SYSTEMS, type EndpointName } from '../../environments/environment';
import { freePort } from '../support/cucumber-child';

const ROOT = path.resolve(__dirname, '../..');
const ENDPOINTS: readonly EndpointName[] = [...SYSTEMS, 'wiremock'];

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

/** Whether anything still listens on the port: any HTTP answer at all counts. */
async function listening(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

test('starts every stub and WireMock on the given ports, prints them, and stops everything on SIGINT', { timeout: 120_000 }, async () => {
  const ports = Object.fromEntries(await Promise.all(ENDPOINTS.map(async (name) => [name, await freePort()] as const))) as Record<EndpointName, number>;
  const args = ENDPOINTS.flatMap((name) => [`--${name}-port`, String(ports[name])]);
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'cli/lokalsvar.ts'), 'stubs', '--approved', 'Pilot-LPS,Test-LPS', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "Stop with Ctrl-C" within 60 s:\n${output}`)), 60_000);
      child.stdout.on('data', () => {
        if (output.includes('Stop with Ctrl-C.')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', () => reject(new Error(`lokalsvar stubs exited:\n${output}`)));
    });
    for (const name of ENDPOINTS) {
      assert.ok(output.includes(`http://127.0.0.1:${ports[name]}`), `${name}'s URL is not printed:\n${output}`);
      const health = name === 'wiremock' ? '/__admin/health' : '/health';
      assert.ok(await answers(`http://127.0.0.1:${ports[name]}${health}`), `${name} does not answer on port ${ports[name]}`);
    }
    assert.match(output, /Systems approved to upload \(LABA-01\): Pilot-LPS, Test-LPS/);
  } finally {
    child.kill('SIGINT');
  }
  assert.equal(await exited, 130);
  for (const name of ENDPOINTS) assert.equal(await listening(ports[name]), false, `${name} still listens on ${ports[name]} after Ctrl-C`);
});
