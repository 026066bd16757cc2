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
import { WIREMOCK_JAR } from '../contracts/wiremock';
import { fileFingerprint, hashParts, shortHash } from './content-hash';
import { buildImage, imageExists, pruneOldTags } from './engine-images';
import { ensureJavaBaseImage } from './java-base-image';
import { oncePerProcess } from './once-per-process';

export const WIREMOCK_REPOSITORY = 'lokalsvar-e2e-wiremock';
export const WIREMOCK_DOCKERFILE = path.join(__dirname, 'wiremock.Dockerfile');
/** Where the image has the jar and WireMock's (empty, writable) root dir; wiremock.Dockerfile copies them there. */
export const WIREMOCK_IMAGE_PATHS = { jar: '/wiremock.jar', rootDir: '/tmp/wiremock' } as const;
/** Bump when the way the image is built changes without changing its inputs. */
const RECIPE_VERSION = 'wiremock-1';
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
  const context = await mkdtemp(path.join(os.tmpdir(), 'lokalsvar-e2e-wiremock-'));
  try {
    await copyFile(WIREMOCK_DOCKERFILE, path.join(context, 'Dockerfile'));
    await copyFile(WIREMOCK_JAR, path.join(context, 'wiremock.jar'));
    await mkdir(path.join(context, 'root-dir'));
    await buildImage(context, tag, base, { BASE_IMAGE: base });
  } finally {
    await rm(context, { recursive: true, force: true });
  }
  await pruneOldTags(WIREMOCK_REPOSITORY, TAGS_KEPT);
  return tag;
});

if (require.main === module) {
  ensureWireMockImage().then(
    (tag) => console.log(tag),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
