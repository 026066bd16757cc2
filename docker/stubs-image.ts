/**
 * The stubs image: one image holding every stub, run by name (`docker run IMAGE plsp`). Built FROM the base image
 * with the classic builder and no pull, tagged by a hash of the staged context (bundle, better-sqlite3, Dockerfile)
 * and the base tag, so an unchanged tree reuses its image. Built at most once per process; a build removes all but
 * the newest few stubs images.
 *
 * Run alone: `npx tsx docker/stubs-image.ts [ENTRY.ts]` prints the tag (ENTRY: another entry point than stubs/main.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureBaseImage } from './base-image';
import { hashParts, hashTree, shortHash } from './content-hash';
import { STUBS_ENTRY, stageStubsContext } from './stubs-context';
import { buildImage, imageExists, pruneOldTags } from './engine-images';

export const STUBS_REPOSITORY = 'lokalsvar-e2e-stubs';
/** Bump when the way the image is built changes without changing its context. */
const RECIPE_VERSION = 'stubs-1';
/**
 * Stubs images kept after a build; older ones are removed unless a container uses them. Every edit of the stubs
 * makes a new one (about 5 MB over the shared base).
 */
const TAGS_KEPT = 3;

export interface StubsImageOptions {
  /** Entry point to bundle instead of stubs/main.ts (tests of the image pipeline). */
  entry?: string;
}

const ensured = new Map<string, Promise<string>>();

/** Tag of the stubs image for the current tree; builds it when the engine lacks it. */
export function ensureStubsImage(options: StubsImageOptions = {}): Promise<string> {
  const entry = path.resolve(options.entry ?? STUBS_ENTRY);
  let pending = ensured.get(entry);
  if (!pending) {
    pending = buildIfMissing(entry).catch((error: unknown) => {
      ensured.delete(entry);
      throw error;
    });
    ensured.set(entry, pending);
  }
  return pending;
}

async function buildIfMissing(entry: string): Promise<string> {
  const base = await ensureBaseImage();
  const context = await mkdtemp(path.join(os.tmpdir(), 'lokalsvar-e2e-stubs-'));
  try {
    await stageStubsContext(context, entry);
    const tag = `${STUBS_REPOSITORY}:${shortHash(hashParts([RECIPE_VERSION, base, await hashTree(context)]))}`;
    if (await imageExists(tag)) return tag;
    await buildImage(context, tag, base, { BASE_IMAGE: base });
    await pruneOldTags(STUBS_REPOSITORY, TAGS_KEPT);
    return tag;
  } finally {
    await rm(context, { recursive: true, force: true });
  }
}

if (require.main === module) {
  ensureStubsImage({ entry: process.argv[2] }).then(
    (tag) => console.log(tag),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
