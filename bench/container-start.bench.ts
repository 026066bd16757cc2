/**
 * How long containers mode takes to get ready: base and stubs image builds (cold: images removed first; warm:
 * the tree unchanged) and the environment's start and stop.
 *
 *   npx tsx bench/container-start.bench.ts [--cold] [--runs N]
 *
 * --cold first removes every lokalsvar-e2e-stubs and lokalsvar-e2e-base image that no container uses (do not
 * run it next to a suite). Without it the images are found by their content hash: the warm case. Prints one line
 * a measurement and p50/max of the start and stop times.
 */
import { dockerAvailable } from '../docker/availability';
import { BASE_REPOSITORY, baseImageRecipe, ensureBaseImage } from '../docker/base-image';
import { STUBS_REPOSITORY, ensureStubsImage } from '../docker/stubs-image';
import { imageExists, pruneOldTags } from '../docker/engine-images';
import { startContainersEnvironment } from '../environments/containers';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const cold = args.includes('--cold');
  const runsIndex = args.indexOf('--runs');
  const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 5;

  const availability = await dockerAvailable();
  if (!availability.ok) throw new Error(availability.reason);

  if (cold) await removeImagesOfThisTree();
  const base = await timed('base image', () => ensureBaseImage());
  const stubs = await timed(cold ? 'stubs image (cold)' : 'stubs image', () => ensureStubsImage());
  console.log(`images: ${base.value}, ${stubs.value}`);

  const starts: number[] = [];
  const stops: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const started = await timed(`start #${run}`, () => startContainersEnvironment({}, { image: stubs.value }));
    const stopped = await timed(`stop #${run}`, () => started.value.stop());
    starts.push(started.ms);
    stops.push(stopped.ms);
  }
  console.log(`start p50 ${percentile(starts, 50)} ms, max ${Math.max(...starts)} ms over ${runs} runs`);
  console.log(`stop  p50 ${percentile(stops, 50)} ms, max ${Math.max(...stops)} ms`);
}

async function removeImagesOfThisTree(): Promise<void> {
  // The stubs tag is only known after staging: remove every stubs image no container uses, then the base.
  const removed = await pruneOldTags(STUBS_REPOSITORY, 0);
  const { tag: baseTag } = await baseImageRecipe();
  const left = await pruneOldTags(BASE_REPOSITORY, 0);
  console.log(`cold: removed ${[...removed, ...left].join(', ') || 'nothing'}`);
  if (await imageExists(baseTag)) throw new Error(`${baseTag} is in use by a container: stop it for a cold measurement`);
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const startedAt = process.hrtime.bigint();
  const value = await work();
  const ms = Math.round(Number(process.hrtime.bigint() - startedAt) / 1e6);
  console.log(`${label}: ${ms} ms`);
  return { value, ms };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
