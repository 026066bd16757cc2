/**
 * The node base image, made without any registry (docker/root-image.ts): this machine's node binary, the
 * libraries it and better-sqlite3's addon load, the dynamic loader and a minimal /etc. Tagged by a hash of its
 * contents, so a second run finds it and imports nothing.
 *
 * Run alone: `npx tsx docker/base-image.ts` prints the tag.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { oncePerProcess } from './once-per-process';
import { ensureRootImage, rootImageRecipe, type ImageUser, type RootImageRecipe } from './root-image';

export const BASE_REPOSITORY = 'lokalsvar-e2e-base';
/** Where node lives in the image. */
export const NODE_IN_IMAGE = '/usr/local/bin/node';
/** Unprivileged user the stubs run as. */
export const IMAGE_USER: ImageUser = { name: 'node', uid: 1000, gid: 1000 };
/** Bump when the layout below changes, so old images are not reused. */
const RECIPE_VERSION = 'base-2';

export function betterSqliteAddon(): string {
  const packageJson = require.resolve('better-sqlite3/package.json', { paths: [path.resolve(__dirname, '..')] });
  return path.join(path.dirname(packageJson), 'build', 'Release', 'better_sqlite3.node');
}

export async function baseImageRecipe(): Promise<RootImageRecipe> {
  const nodeBinary = await realpath(process.execPath);
  return rootImageRecipe({
    repository: BASE_REPOSITORY,
    identity: [RECIPE_VERSION, process.version, process.arch],
    files: [{ source: nodeBinary, target: NODE_IN_IMAGE, mode: 0o755 }],
    // The addon itself goes into the stubs image; its libraries must be here.
    loads: [nodeBinary, betterSqliteAddon()],
    user: IMAGE_USER,
  });
}

/** The base image's tag; imports it when the engine lacks it. At most once per process. */
export const ensureBaseImage = oncePerProcess(async () => ensureRootImage(await baseImageRecipe()));

if (require.main === module) {
  ensureBaseImage().then(
    (tag) => console.log(tag),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
