/**
 * How long the Danish suite takes, end to end, as `npm run e2e` runs it (scripts/run-suite.ts: the browser check, two
 * workers on one shared environment unless E2E_PARALLEL says otherwise, the certification report): wall time of whole
 * runs, the CPU time of every process of the run (sampled from /proc: node, Chromium, WireMock's Java; Linux only),
 * and the slowest scenarios. In containers mode a run's containers are removed by a process of their own after the run
 * has ended (environments/containers/run-resources.ts): each run waits until the previous one's are gone, so runs are
 * timed apart, and says how long after the end of its run that took. Not a test; nothing is asserted.
 *
 *   npx tsx bench/suite-time.bench.ts        (BENCH_RUNS, default 3; BENCH_ENV, default local; E2E_PARALLEL=1 for serial)
 *
 * BENCH_ENV=pairs times issue 8's second target: BENCH_RUNS pairs, each an embedded run followed at once by a
 * containers run, and the ratio of each pair (containers / embedded) and their median. The VM's speed drifts within
 * minutes, so a ratio of runs side by side says more than one of two medians an hour apart.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sampleProcessTree } from './process-tree-cpu';
import { runSuiteArguments } from '../run/suite-command';
import { LABEL_PID } from '../docker/run-labels';
import { waitFor } from '../run/wait-for';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROOT = path.resolve(__dirname, '..');

interface Timing {
  wallSeconds: number;
  cpuSeconds: number;
  cpuByProcess: Record<string, number>;
  scenarios: { name: string; seconds: number }[];
  /** Containers mode: seconds from the run's end until its containers and network were gone. */
  removedAfterSeconds?: number;
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

async function runOnce(mode = process.env.BENCH_ENV ?? 'local'): Promise<Timing> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-bench-'));
  const started = performance.now();
  const child = spawn(process.execPath, runSuiteArguments([mode]), {
    cwd: ROOT,
    env: { ...process.env, E2E_REPORTS_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const cpu = sampleProcessTree(child.pid as number, 100);
  const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const wallSeconds = (performance.now() - started) / 1000;
  const used = cpu.stop();
  if (status !== 0) throw new Error(`the suite failed:\n${output}`);
  const removedAfterSeconds = mode === 'containers' ? await secondsUntilRemoved(child.pid as number) : undefined;
  const timing = { wallSeconds, cpuSeconds: used.total, cpuByProcess: used.byName, scenarios: scenarioTimes(readFileSync(path.join(dir, 'messages.ndjson'), 'utf8')), removedAfterSeconds };
  rmSync(dir, { recursive: true, force: true });
  return timing;
}

/** Waits until the engine holds nothing labelled with the run's process; the seconds that took. */
async function secondsUntilRemoved(pid: number): Promise<number> {
  const started = performance.now();
  const { docker } = require('../docker/testcontainers') as typeof import('../docker/testcontainers');
  const engine = await docker();
  const filters = { label: [`${LABEL_PID}=${pid}`] };
  await waitFor(
    async () => ((await engine.listContainers({ all: true, filters })).length + (await engine.listNetworks({ filters })).length === 0 ? true : undefined),
    { what: `the removal of the containers of run-suite's process ${pid}`, timeoutMs: 60_000, intervalMs: 50 },
  );
  return (performance.now() - started) / 1000;
}

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** BENCH_ENV=pairs: embedded then containers, BENCH_RUNS times; each pair's ratio and the median ratio. */
async function pairs(): Promise<void> {
  const ratios: number[] = [];
  const walls = { local: [] as number[], containers: [] as number[] };
  for (let pair = 0; pair < RUNS; pair++) {
    const embedded = await runOnce('local');
    const containers = await runOnce('containers');
    walls.local.push(embedded.wallSeconds);
    walls.containers.push(containers.wallSeconds);
    ratios.push(containers.wallSeconds / embedded.wallSeconds);
    console.log(`pair ${pair + 1}: embedded ${embedded.wallSeconds.toFixed(1)} s, containers ${containers.wallSeconds.toFixed(1)} s: ${(ratios.at(-1) as number).toFixed(2)} times`);
  }
  console.log(
    `${RUNS} pairs (E2E_PARALLEL=${process.env.E2E_PARALLEL ?? 'default'}): embedded median ${median(walls.local).toFixed(1)} s (${walls.local.filter((seconds) => seconds > 15).length} above 15 s), ` +
      `containers median ${median(walls.containers).toFixed(1)} s; containers / embedded median ${median(ratios).toFixed(2)} (${ratios.filter((ratio) => ratio > 1.5).length} of ${RUNS} pairs above 1.5)`,
  );
}

async function main(): Promise<void> {
  if (process.env.BENCH_ENV === 'pairs') return pairs();
  const timings: Timing[] = [];
  for (let run = 0; run < RUNS; run++) timings.push(await runOnce());
  const walls = timings.map((timing) => timing.wallSeconds).sort((a, b) => a - b);
  const cpus = timings.map((timing) => timing.cpuSeconds).sort((a, b) => a - b);
  console.log(`suite (${process.env.BENCH_ENV ?? 'local'}, E2E_PARALLEL=${process.env.E2E_PARALLEL ?? 'default'}), ${RUNS} runs: wall min ${walls[0]?.toFixed(1)} s, median ${median(walls).toFixed(1)} s, max ${walls.at(-1)?.toFixed(1)} s; CPU (user + sys, every process) median ${median(cpus).toFixed(1)} s`);
  const removals = timings.flatMap((timing) => (timing.removedAfterSeconds === undefined ? [] : [timing.removedAfterSeconds]));
  if (removals.length > 0) console.log(`containers removed after the end of each run: ${removals.map((seconds) => `${seconds.toFixed(1)} s`).join(', ')}`);
  const last = timings.at(-1);
  if (last) console.log(`CPU of the last run by process: ${Object.entries(last.cpuByProcess).filter(([, seconds]) => seconds >= 0.1).sort((a, b) => b[1] - a[1]).map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`).join(', ')}`);
  const slowest = last?.scenarios.sort((a, b) => b.seconds - a.seconds).slice(0, 5) ?? [];
  console.log('slowest scenarios (last run):');
  for (const scenario of slowest) console.log(`  ${scenario.seconds.toFixed(2).padStart(6)} s  ${scenario.name}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
