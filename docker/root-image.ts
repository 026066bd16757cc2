/**
 * Images made without any registry from files of this machine: a root folder with the given files (a binary, a
 * runtime's folder), every library `ldd` lists for the binaries they load, the dynamic loader and a minimal /etc,
 * imported with `tar | docker import`. Tagged by a hash of what goes in, so a second run finds the image and
 * imports nothing. docker/base-image.ts (node) and docker/java-base-image.ts (Java) are recipes of this.
 */
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileFingerprint, hashParts, shortHash } from './content-hash';
import { imageExists, importImage, pruneOldTags } from './engine-images';
import { sharedLibraries } from './shared-libraries';

/** The unprivileged user the image's process runs as. */
export interface ImageUser {
  name: string;
  uid: number;
  gid: number;
}

/** A file of this machine copied into the image (symlinks followed). */
export interface PlacedFile {
  source: string;
  /** Absolute path in the image. */
  target: string;
  /** Permission bits in the image; default: the source's. */
  mode?: number;
}

export interface RootImageSpec {
  /** Repository of the tag, e.g. lokalsvar-e2e-base. */
  repository: string;
  /** Hash parts that name the recipe besides its files: a recipe version to bump when the layout changes, etc. */
  identity: ReadonlyArray<string | Buffer>;
  /** Files copied in besides the libraries. */
  files: readonly PlacedFile[];
  /** Binaries and native libraries `ldd` is asked about: every library they load is copied in at its own path. */
  loads: readonly string[];
  /** Libraries `files` already holds (see SharedLibraryOptions.provided). */
  provided?: (library: string) => boolean;
  user: ImageUser;
}

/**
 * Base images kept after an import: older ones are untagged (and removed once no image is built on them). Two,
 * so a process that found the previous one a moment ago can still build on it.
 */
const TAGS_KEPT = 2;

export interface RootImageRecipe {
  spec: RootImageSpec;
  /** Every library the loaded binaries need, loader included, at their paths on this machine and in the image. */
  libraries: string[];
  tag: string;
}

/** /etc for a process without shell or resolver tools: the user, and names resolved by glibc itself. */
export function etcFiles(user: ImageUser): Record<string, string> {
  return {
    'etc/passwd': `root:x:0:0:root:/root:/sbin/nologin\n${user.name}:x:${user.uid}:${user.gid}:${user.name}:/tmp:/sbin/nologin\n`,
    'etc/group': `root:x:0:\n${user.name}:x:${user.gid}:\n`,
    // Docker's embedded DNS answers network aliases.
    'etc/nsswitch.conf': 'hosts: files dns\n',
  };
}

/** What the image would hold and its tag; reads the files' fingerprints and asks ldd, imports nothing. */
export async function rootImageRecipe(spec: RootImageSpec): Promise<RootImageRecipe> {
  if (process.platform !== 'linux') {
    throw new Error(
      `The ${spec.repository} image is made from this machine's binaries, which only run in a container on Linux ` +
        `(this is ${process.platform}). Use E2E_ENV=local here, or run containers mode on a Linux machine.`,
    );
  }
  const libraries = await sharedLibraries(spec.loads, { provided: spec.provided });
  const parts: Array<string | Buffer> = [...spec.identity, spec.user.name, String(spec.user.uid), String(spec.user.gid)];
  const fingerprints = await Promise.all(spec.files.map((file) => fileFingerprint(file.source)));
  spec.files.forEach((file, index) => parts.push(file.target, String(file.mode ?? ''), fingerprints[index]));
  for (const [file, content] of Object.entries(etcFiles(spec.user))) parts.push(file, content);
  for (const library of libraries) parts.push(library, await readFile(library));
  return { spec, libraries, tag: `${spec.repository}:${shortHash(hashParts(parts))}` };
}

/** The recipe's tag; imports the image when the engine lacks it, then removes all but the newest few. */
export async function ensureRootImage(recipe: RootImageRecipe): Promise<string> {
  if (await imageExists(recipe.tag)) return recipe.tag;
  const root = await mkdtemp(path.join(os.tmpdir(), `${recipe.spec.repository}-`));
  try {
    await writeRoot(root, recipe);
    await importImage(root, recipe.tag);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  await pruneOldTags(recipe.spec.repository, TAGS_KEPT);
  return recipe.tag;
}

async function writeRoot(root: string, recipe: RootImageRecipe): Promise<void> {
  for (const file of recipe.spec.files) {
    await placeFile(root, file.source, file.target, file.mode ?? (await stat(file.source)).mode & 0o777);
  }
  for (const library of recipe.libraries) await placeFile(root, library, library, 0o755);
  for (const [file, content] of Object.entries(etcFiles(recipe.spec.user))) {
    await mkdir(path.join(root, path.dirname(file)), { recursive: true });
    await writeFile(path.join(root, file), content, { mode: 0o644 });
  }
  for (const dir of ['tmp', 'root']) await mkdir(path.join(root, dir), { recursive: true });
  await chmod(path.join(root, 'tmp'), 0o1777);
  await chmod(path.join(root, 'root'), 0o700);
}

/** Copies source (symlinks followed) to target inside root. */
async function placeFile(root: string, source: string, target: string, mode: number): Promise<void> {
  const destination = path.join(root, target);
  await mkdir(path.dirname(destination), { recursive: true });
  await copyFile(source, destination);
  await chmod(destination, mode);
}
