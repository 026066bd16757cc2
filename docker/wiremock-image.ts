/**
 * The WireMock image: the WireMock jar of the npm package `wiremock` on the Java base image, built with the
 * classic builder and no pull. Tagged by a hash of the base tag, the Dockerfile and the jar, so an unchanged
 * tree reuses its image. Built at most once per process; a build removes all but the newest few WireMock images.
 *
 * Run alone: `npx tsx docker/wiremock-image.ts` prints the tag.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { WIREMOCK_JAR, wiremockJavaArguments } from '../contracts/wiremock';
import { fileFingerprint, hashParts, shortHash } from './content-hash';
import { buildImage, imageExists, pruneOldTags, removeTag, tagImage } from './engine-images';
import { commitWithClassArchive, useClassArchive } from './wiremock-class-archive';
import { ensureJavaBaseImage } from './java-base-image';
import { oncePerProcess } from './once-per-process';

export const WIREMOCK_REPOSITORY = 'lokalsvar-e2e-wiremock';
export const WIREMOCK_DOCKERFILE = path.join(__dirname, 'wiremock.Dockerfile');
/** Where the image has the jar and WireMock's (empty, writable) root dir; wiremock.Dockerfile copies them there. */
export const WIREMOCK_IMAGE_PATHS = { jar: '/wiremock.jar', rootDir: '/tmp/wiremock' } as const;
/** The class-data archive the image carries (docker/wiremock-class-archive.ts), in a folder wiremock.Dockerfile makes. */
export const WIREMOCK_CLASS_ARCHIVE = '/opt/wiremock/classes.jsa';
/** Bump when the way the image is built changes without changing its inputs. */
const RECIPE_VERSION = 'wiremock-2';
/** WireMock images kept after a build; older ones are removed unless a container uses them. */
const TAGS_KEPT = 3;

/** Tag of the WireMock image; builds it (and the Java base) when the engine lacks it. At most once per process. */
export const ensureWireMockImage = oncePerProcess(async () => {
  const base = await ensureJavaBaseImage();
  const dockerfile = await readFile(WIREMOCK_DOCKERFILE);
  const jar = await fileFingerprint(WIREMOCK_JAR).catch(() => {
    throw new Error(`the WireMock jar is not at ${WIREMOCK_JAR}: run npm ci`);
  });
  const tag = `${WIREMOCK_REPOSITORY}:${shortHash(hashParts([RECIPE_VERSION, base, dockerfile, path.basename(WIREMOCK_JAR), jar]))}`;
  if (await imageExists(tag)) return tag;
  // Built without the class archive under a tag of this process's own, then run once to write it.
  const plain = `${tag}-plain-${process.pid}`;
  const context = await mkdtemp(path.join(os.tmpdir(), 'lokalsvar-e2e-wiremock-'));
  try {
    await copyFile(WIREMOCK_DOCKERFILE, path.join(context, 'Dockerfile'));
    await copyFile(WIREMOCK_JAR, path.join(context, 'wiremock.jar'));
    await mkdir(path.join(context, 'root-dir'));
    await mkdir(path.join(context, 'archive-dir'));
    await buildImage(context, plain, base, { BASE_IMAGE: base });
    try {
      // Any port: what WireMock loads at start does not depend on it.
      await commitWithClassArchive(plain, tag, { ...WIREMOCK_IMAGE_PATHS, port: 8080, bindAddress: '127.0.0.1' }, WIREMOCK_CLASS_ARCHIVE);
    } catch (error) {
      // The archive only speeds WireMock up: without it the image is the plain one, and its JVM starts without.
      process.stderr.write(`lokalsvar-e2e: ${(error as Error).message}\nThe WireMock image is used without its class archive; WireMock starts about 0.7 s slower.\n`);
      await tagImage(plain, tag);
    }
  } finally {
    await rm(context, { recursive: true, force: true });
    await removeTag(plain).catch(() => false);
  }
  await pruneOldTags(WIREMOCK_REPOSITORY, TAGS_KEPT);
  return tag;
});

/**
 * The command of a container of the image (its entrypoint is java): the arguments local mode runs WireMock with
 * (contracts/wiremock.ts), with the image's jar, root dir and class archive.
 */
export function wiremockImageArguments(port: number, bindAddress: string): string[] {
  return wiremockJavaArguments({ ...WIREMOCK_IMAGE_PATHS, port, bindAddress, jvmFlags: [useClassArchive(WIREMOCK_CLASS_ARCHIVE)] });
}

if (require.main === module) {
  ensureWireMockImage().then(
    (tag) => console.log(tag),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
