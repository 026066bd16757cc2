/**
 * The base image, made without any registry: a root folder with this machine's node binary, the libraries it and
 * better-sqlite3's addon load, the dynamic loader and a minimal /etc, imported with `tar | docker import`.
 * Tagged by a hash of its contents, so a second run finds it and imports nothing.
 *
 * Run alone: `npx tsx docker/base-image.ts` prints the tag.
 */
import { chmod, copyFile, mkdir, mkdtemp, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hashParts, shortHash } from './content-hash';
import { sharedLibraries } from './shared-libraries';
import { imageExists, importImage } from './engine-images';

export const BASE_REPOSITORY = 'lokalsvar-e2e-base';
/** Where node lives in the image. */
export const NODE_IN_IMAGE = '/usr/local/bin/node';
/** Unprivileged user the stubs run as. */
export const IMAGE_USER = { name: 'node', uid: 1000, gid: 1000 } as const;
/** Bump when the layout below changes, so old images are not reused. */
const RECIPE_VERSION = 'base-1';

const ETC_FILES: Readonly<Record<string, string>> = {
  'etc/passwd': `root:x:0:0:root:/root:/sbin/nologin\n${IMAGE_USER.name}:x:${IMAGE_USER.uid}:${IMAGE_USER.gid}:node:/tmp:/sbin/nologin\n`,
  'etc/group': `root:x:0:\n${IMAGE_USER.name}:x:${IMAGE_USER.gid}:\n`,
  // glibc resolves names itself (no shell, no resolver tools); Docker's embedded DNS answers network aliases.
  'etc/nsswitch.conf': 'hosts: files dns\n',
};

export interface BaseImageRecipe {
  /** The node binary copied into the image (symlinks resolved). */
  nodeBinary: string;
  /** Every library node and better-sqlite3's addon load, loader included. */
  libraries: string[];
  tag: string;
}

export function betterSqliteAddon(): string {
  const packageJson = require.resolve('better-sqlite3/package.json', { paths: [path.resolve(__dirname, '..')] });
  return path.join(path.dirname(packageJson), 'build', 'Release', 'better_sqlite3.node');
}

export async function baseImageRecipe(): Promise<BaseImageRecipe> {
  if (process.platform !== 'linux') {
    throw new Error(
      `The stubs image is made from this machine's node binary, which only runs in a container on Linux ` +
        `(this is ${process.platform}). Use E2E_ENV=local here, or run containers mode on a Linux machine.`,
    );
  }
  const nodeBinary = await realpath(process.execPath);
  const libraries = await sharedLibraries([nodeBinary, betterSqliteAddon()]);
  const parts: Array<string | Buffer> = [RECIPE_VERSION, process.version, process.arch, nodeBinary];
  parts.push(String((await stat(nodeBinary)).size));
  for (const [file, content] of Object.entries(ETC_FILES)) parts.push(file, content);
  for (const library of libraries) parts.push(library, await readFile(library));
  return { nodeBinary, libraries, tag: `${BASE_REPOSITORY}:${shortHash(hashParts(parts))}` };
}

let ensured: Promise<string> | undefined;

/** The base image's tag; imports it when the engine lacks it. At most once per process. */
export function ensureBaseImage(): Promise<string> {
  ensured ??= buildBaseImageIfMissing().catch((error: unknown) => {
    ensured = undefined;
    throw error;
  });
  return ensured;
}

async function buildBaseImageIfMissing(): Promise<string> {
  const recipe = await baseImageRecipe();
  if (await imageExists(recipe.tag)) return recipe.tag;
  const root = await mkdtemp(path.join(os.tmpdir(), 'lokalsvar-e2e-base-'));
  try {
    await writeRoot(root, recipe);
    await importImage(root, recipe.tag);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return recipe.tag;
}

async function writeRoot(root: string, recipe: BaseImageRecipe): Promise<void> {
  await placeFile(root, recipe.nodeBinary, NODE_IN_IMAGE, 0o755);
  for (const library of recipe.libraries) await placeFile(root, library, library, 0o755);
  for (const [file, content] of Object.entries(ETC_FILES)) {
    await mkdir(path.join(root, path.dirname(file)), { recursive: true });
    await writeFile(path.join(root, file), content, { mode: 0o644 });
  }
  for (const dir of ['tmp', 'root']) await mkdir(path.join(root, dir), { recursive: true });
  await chmod(path.join(root, 'tmp'), 0o1777);
  await chmod(path.join(root, 'root'), 0o700);
}

/** Copies source (symlinks followed) to the same absolute path inside root. */
async function placeFile(root: string, source: string, target: string, mode: number): Promise<void> {
  const destination = path.join(root, target);
  await mkdir(path.dirname(destination), { recursive: true });
  await copyFile(source, destination);
  await chmod(destination, mode);
}

if (require.main === module) {
  ensureBaseImage().then(
    (tag) => console.log(tag),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
