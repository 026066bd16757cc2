/**
 * How long the Danish suite takes, end to end, in the embedded default: wall time of whole cucumber runs (start of
 * the stubs, WireMock and the browser included) and the slowest scenarios. Not a test; nothing is asserted.
 *
 *   npx tsx bench/suite-time.bench.ts        (BENCH_RUNS, default 3; BENCH_ENV, default local)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suiteConfig } from '../test/support/cucumber-child';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROOT = path.resolve(__dirname, '..');

interface Timing {
  wallSeconds: number;
  scenarios: { name: string; seconds: number }[];
}

function durationSeconds(duration: { seconds: number; nanos: number }): number {
  return duration.seconds + duration.nanos / 1e9;
}

/** Per scenario: the sum of its steps' durations, from the cucumber messages. */
function scenarioTimes(ndjson: string): { name: string; seconds: number }[] {
  const names = new Map<string, string>();
  const pickleOfCase = new Map<string, string>();
  const caseOfStart = new Map<string, string>();
  const seconds = new Map<string, number>();
  for (const line of ndjson.split('\n').filter(Boolean)) {
    const message = JSON.parse(line) as Record<string, any>;
    if (message.pickle) names.set(message.pickle.id, message.pickle.name);
    if (message.testCase) pickleOfCase.set(message.testCase.id, message.testCase.pickleId);
    if (message.testCaseStarted) caseOfStart.set(message.testCaseStarted.id, message.testCaseStarted.testCaseId);
    if (message.testStepFinished) {
      const pickle = pickleOfCase.get(caseOfStart.get(message.testStepFinished.testCaseStartedId) ?? '') ?? '';
      seconds.set(pickle, (seconds.get(pickle) ?? 0) + durationSeconds(message.testStepFinished.testStepResult.duration));
    }
  }
  return [...seconds].map(([pickle, total]) => ({ name: names.get(pickle) ?? pickle, seconds: total }));
}

function runOnce(): Timing {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-bench-'));
  const messages = path.join(dir, 'messages.ndjson');
  const started = performance.now();
  const config = suiteConfig(dir, [`message:${messages}`, 'summary']);
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/cucumber-js'), ['--config', config], {
    cwd: ROOT,
    env: { ...process.env, E2E_ENV: process.env.BENCH_ENV ?? 'local' },
    encoding: 'utf8',
  });
  const wallSeconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`the suite failed:\n${result.stdout}${result.stderr}`);
  const timing = { wallSeconds, scenarios: scenarioTimes(readFileSync(messages, 'utf8')) };
  rmSync(dir, { recursive: true, force: true });
  return timing;
}

const timings = Array.from({ length: RUNS }, runOnce);
const walls = timings.map((timing) => timing.wallSeconds).sort((a, b) => a - b);
console.log(`suite (${process.env.BENCH_ENV ?? 'local'}), ${RUNS} runs: wall min ${walls[0]?.toFixed(1)} s, median ${walls[Math.floor(walls.length / 2)]?.toFixed(1)} s, max ${walls.at(-1)?.toFixed(1)} s`);
const slowest = timings.at(-1)?.scenarios.sort((a, b) => b.seconds - a.seconds).slice(0, 5) ?? [];
console.log('slowest scenarios (last run):');
for (const scenario of slowest) console.log(`  ${scenario.seconds.toFixed(2).padStart(6)} s  ${scenario.name}`);
