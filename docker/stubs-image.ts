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
import { withFileStamps } from './file-stamp-cache';

export const STUBS_REPOSITORY = 'lokalsvar-e2e-stubs';
/** Bump when the way the image is built changes without changing its context (an edit of this file or of
 * stubs-context.ts already gives a new tag: both are among the files the remembered tag depends on). */
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
  let staged: StagedContext | undefined;
  try {
    // The tag is remembered while none of the files the context is made from changed (docker/file-stamp-cache.ts):
    // bundling and hashing cost about 0.6 s of every run.
    const tag = await withFileStamps('stubs-image', [RECIPE_VERSION, base, entry].join('\0'), async () => {
      staged = await stage(entry, base);
      return { value: staged.tag, files: staged.sources };
    });
    if (await imageExists(tag)) return tag;
    staged ??= await stage(entry, base);
    await buildImage(staged.context, staged.tag, base, { BASE_IMAGE: base });
    await pruneOldTags(STUBS_REPOSITORY, TAGS_KEPT);
    return staged.tag;
  } finally {
    if (staged) await rm(staged.context, { recursive: true, force: true });
  }
}

interface StagedContext {
  /** The build context's folder (temporary). */
  context: string;
  tag: string;
  /** The files of this machine it was made from. */
  sources: string[];
}

async function stage(entry: string, base: string): Promise<StagedContext> {
  const context = await mkdtemp(path.join(os.tmpdir(), 'lokalsvar-e2e-stubs-'));
  try {
    const sources = await stageStubsContext(context, entry);
    const tag = `${STUBS_REPOSITORY}:${shortHash(hashParts([RECIPE_VERSION, base, await hashTree(context)]))}`;
    return { context, tag, sources };
  } catch (error) {
    await rm(context, { recursive: true, force: true });
    throw error;
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
