/**
 * The image operations this platform needs, straight on the engine's API (the Dockerode client testcontainers
 * set up): whether a tag exists, `tar | docker import`, and a classic-builder `docker build` that never pulls.
 * Not testcontainers' own: its existence check caches, and its build swallows the builder's error message.
 */
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { docker } from './testcontainers';

/** Whether the engine has an image with this exact tag (asked every time, never cached). */
export async function imageExists(tag: string): Promise<boolean> {
  const engine = await docker();
  try {
    await engine.getImage(tag).inspect();
    return true;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return false;
    throw error;
  }
}

/** `tar -C root -c . | docker import - tag`; every file owned by root in the image. */
export async function importImage(root: string, tag: string): Promise<void> {
  const engine = await docker();
  const { repo, version } = splitTag(tag);
  await withTar(root, async (tar) => {
    await follow(await engine.importImage(tar, { repo, tag: version }));
  }).catch((error: unknown) => {
    throw new Error(`docker import of ${tag} failed: ${(error as Error).message}`);
  });
  if (!(await imageExists(tag))) throw new Error(`docker import reported success but ${tag} is not there`);
}

/**
 * `docker build` of a context folder with the classic builder and no forced pull. The FROM image must exist
 * locally (checked first): the builder would otherwise try a registry.
 */
export async function buildImage(context: string, tag: string, from: string, buildArgs: Record<string, string>): Promise<void> {
  if (!(await imageExists(from))) throw new Error(`cannot build ${tag}: its base image ${from} is not in the engine`);
  const engine = await docker();
  await withTar(context, async (tar) => {
    const options = { t: tag, buildargs: buildArgs, pull: false, rm: true, forcerm: true, version: '1' as const };
    await follow(await engine.buildImage(tar, options));
  }).catch((error: unknown) => {
    throw new Error(`docker build of ${tag} failed: ${(error as Error).message}`);
  });
  if (!(await imageExists(tag))) throw new Error(`docker build reported success but ${tag} is not there`);
}

/** `repo:tag` split at its last colon (a registry port stays in repo). */
export function splitTag(tag: string): { repo: string; version: string } {
  const colon = tag.lastIndexOf(':');
  if (colon <= 0 || tag.includes('/', colon)) throw new Error(`${tag} is not a repository:tag`);
  return { repo: tag.slice(0, colon), version: tag.slice(colon + 1) };
}

/** Streams a folder as a tar archive to `use`; fails when either tar or `use` fails. */
async function withTar(dir: string, use: (tar: Readable) => Promise<void>): Promise<void> {
  const tar = spawn('tar', ['-C', dir, '--numeric-owner', '--owner=0', '--group=0', '-c', '.'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  tar.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const exited = new Promise<void>((resolve, reject) => {
    tar.on('error', (error) => reject(new Error(`tar could not run (${error.message}): install tar`)));
    tar.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`tar exited with ${code}: ${errors.trim()}`))));
  });
  const [tarResult, useResult] = await Promise.allSettled([exited, use(tar.stdout)]);
  if (useResult.status === 'rejected') {
    tar.kill();
    throw useResult.reason;
  }
  if (tarResult.status === 'rejected') throw tarResult.reason;
}

/** Reads a progress stream of the engine to its end; the first `error` entry in it fails. */
async function follow(progress: NodeJS.ReadableStream): Promise<void> {
  const engine = await docker();
  await new Promise<void>((resolve, reject) => {
    engine.modem.followProgress(progress, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

/** Gives an image (named by a tag) a further tag. */
export async function tagImage(source: string, tag: string): Promise<void> {
  const engine = await docker();
  const { repo, version } = splitTag(tag);
  await engine.getImage(source).tag({ repo, tag: version });
}

/** Removes one tag; a tag that is not there, or still used by a container, is left as it is. True: removed. */
export async function removeTag(tag: string): Promise<boolean> {
  const engine = await docker();
  try {
    await engine.getImage(tag).remove();
    return true;
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== 404 && status !== 409) throw error; // 409: in use by a container
    return false;
  }
}

/**
 * Removes the older tags of a repository, keeping the `keep` newest (by creation). Tags a container still uses
 * are left alone (the engine refuses them without force), so a run in progress is never disturbed.
 * Returns the tags removed.
 */
export async function pruneOldTags(repository: string, keep: number): Promise<string[]> {
  const engine = await docker();
  const images = await engine.listImages({ filters: { reference: [repository] } });
  const tags = images
    .sort((a, b) => b.Created - a.Created)
    .slice(keep)
    .flatMap((image) => (image.RepoTags ?? []).filter((tag) => tag.startsWith(`${repository}:`)));
  const removed: string[] = [];
  for (const tag of tags) if (await removeTag(tag)) removed.push(tag);
  return removed;
}
