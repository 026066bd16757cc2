/**
 * How long containers mode takes to get ready: the image builds (node and Java bases, stubs and WireMock images;
 * cold: images removed first; warm: the tree unchanged) and the environment's start and stop.
 *
 *   npx tsx bench/container-start.bench.ts [--cold] [--runs N]
 *
 * --cold first removes every lokalsvar-e2e-stubs, -wiremock, -base and -java image that no container uses (do not
 * run it next to a suite). Without it the images are found by their content hash: the warm case. Prints one line
 * a measurement and p50/max of the start and stop times.
 */
import { dockerAvailable } from '../docker/availability';
import { BASE_REPOSITORY, baseImageRecipe, ensureBaseImage } from '../docker/base-image';
import { imageExists, pruneOldTags } from '../docker/engine-images';
import { JAVA_BASE_REPOSITORY, ensureJavaBaseImage, javaBaseImageRecipe } from '../docker/java-base-image';
import { STUBS_REPOSITORY, ensureStubsImage } from '../docker/stubs-image';
import { WIREMOCK_REPOSITORY, ensureWireMockImage } from '../docker/wiremock-image';
import { startContainersEnvironment } from '../environments/containers';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const cold = args.includes('--cold');
  const runsIndex = args.indexOf('--runs');
  const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 5;

  const availability = await dockerAvailable();
  if (!availability.ok) throw new Error(availability.reason);

  if (cold) await removeImagesOfThisTree();
  const state = cold ? ' (cold)' : '';
  // One after the other here, to time each; the environment builds the two chains side by side.
  const base = await timed(`base image${state}`, () => ensureBaseImage());
  const stubs = await timed(`stubs image${state}`, () => ensureStubsImage());
  const javaBase = await timed(`java base image${state}`, () => ensureJavaBaseImage());
  const wiremock = await timed(`wiremock image${state}`, () => ensureWireMockImage());
  console.log(`images: ${base.value}, ${stubs.value}, ${javaBase.value}, ${wiremock.value}`);

  const starts: number[] = [];
  const stops: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const started = await timed(`start #${run}`, () => startContainersEnvironment({}, { image: stubs.value, wiremockImage: wiremock.value }));
    const stopped = await timed(`stop #${run}`, () => started.value.stop());
    starts.push(started.ms);
    stops.push(stopped.ms);
  }
  console.log(`start p50 ${percentile(starts, 50)} ms, max ${Math.max(...starts)} ms over ${runs} runs`);
  console.log(`stop  p50 ${percentile(stops, 50)} ms, max ${Math.max(...stops)} ms`);
}

async function removeImagesOfThisTree(): Promise<void> {
  // The derived tags are only known after staging: remove every derived image no container uses, then the bases.
  const removed = [...(await pruneOldTags(STUBS_REPOSITORY, 0)), ...(await pruneOldTags(WIREMOCK_REPOSITORY, 0))];
  removed.push(...(await pruneOldTags(BASE_REPOSITORY, 0)), ...(await pruneOldTags(JAVA_BASE_REPOSITORY, 0)));
  console.log(`cold: removed ${removed.join(', ') || 'nothing'}`);
  for (const { tag } of [await baseImageRecipe(), await javaBaseImageRecipe()]) {
    if (await imageExists(tag)) throw new Error(`${tag} is in use by a container: stop it for a cold measurement`);
  }
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
