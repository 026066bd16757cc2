/**
 * The Java base image, made without any registry like the node one (docker/root-image.ts): this machine's Java
 * runtime (docker/java-runtime.ts) at /opt/java, every library ldd lists for bin/java, libjvm.so and the
 * runtime's other natives, the loader, a minimal /etc and, where this machine has it, glibc's C.UTF-8 locale (so
 * the JVM's native encoding is UTF-8, as on this machine). Tagged by a hash of its contents.
 *
 * Run alone: `npx tsx docker/java-base-image.ts` prints the tag.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { findJavaRuntime } from './java-runtime';
import { oncePerProcess } from './once-per-process';
import { ensureRootImage, rootImageRecipe, type ImageUser, type PlacedFile, type RootImageRecipe } from './root-image';

export const JAVA_BASE_REPOSITORY = 'lokalsvar-e2e-java';
/** java.home in the image; bin/java finds the rest relative to itself. */
export const JAVA_HOME_IN_IMAGE = '/opt/java';
export const JAVA_IMAGE_USER: ImageUser = { name: 'java', uid: 1000, gid: 1000 };
/** glibc's C.UTF-8 locale; the image sets LANG=C.UTF-8 (see docker/wiremock.Dockerfile). */
const UTF8_LOCALE = '/usr/lib/locale/C.utf8';
/** Bump when the layout below changes, so old images are not reused. */
const RECIPE_VERSION = 'java-base-1';

export async function javaBaseImageRecipe(): Promise<RootImageRecipe> {
  const java = await findJavaRuntime();
  const ownLibraries = new Set(java.natives.map((native) => path.basename(native)));
  const files: PlacedFile[] = java.files.map((file) => ({ source: path.join(java.home, file), target: `${JAVA_HOME_IN_IMAGE}/${file}` }));
  files.push(...(await localeFiles()));
  return rootImageRecipe({
    repository: JAVA_BASE_REPOSITORY,
    identity: [RECIPE_VERSION, process.arch, java.home, java.release],
    files,
    loads: [java.binary, ...java.natives],
    // The runtime's own libraries come with its folder; ldd finds libjli.so through $ORIGIN and libjvm.so not at all.
    provided: (library) => library.startsWith(`${java.home}/`) || ownLibraries.has(path.basename(library)),
    user: JAVA_IMAGE_USER,
  });
}

async function localeFiles(dir = UTF8_LOCALE): Promise<PlacedFile[]> {
  if (!existsSync(dir)) return [];
  const files: PlacedFile[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await localeFiles(file)));
    else if (entry.isFile()) files.push({ source: file, target: file, mode: 0o644 });
  }
  return files;
}

/** The Java base image's tag; imports it when the engine lacks it. At most once per process. */
export const ensureJavaBaseImage = oncePerProcess(async () => ensureRootImage(await javaBaseImageRecipe()));

if (require.main === module) {
  ensureJavaBaseImage().then(
    (tag) => console.log(tag),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
