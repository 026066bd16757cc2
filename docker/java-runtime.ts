/**
 * This machine's Java runtime, as the Java base image takes it: the JDK or JRE folder behind `java` on PATH (or
 * $JAVA, as local mode uses it), symlinks resolved, and the parts of it a headless JVM loads at run time.
 * Left out: other tools than bin/java, sources, docs, jmods, man pages, headers, licence texts, javac's ct.sym,
 * and the native libraries of the desktop, sound and smart-card modules (they would pull in X11, ALSA, freetype
 * and pcsc, and WireMock never loads them).
 */
import { accessSync, constants, realpathSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** WireMock 3 needs Java 11 or newer. */
export const MINIMUM_JAVA_MAJOR = 11;
const HOW_TO_INSTALL = 'install openjdk-17-jre-headless (apt-get install -y openjdk-17-jre-headless), or set JAVA to a java binary';

/** Folders of the runtime the image takes (besides bin/java); everything else is left out. */
const KEPT_FOLDERS = ['conf', 'lib'];
/** Files of those folders a headless JVM never opens. */
const DROPPED_FILES = new Set([
  'lib/src.zip',
  'lib/ct.sym', // javac's symbol table
  'lib/classlist', // input of CDS archive generation
  'lib/jexec',
  'lib/jar.binfmt',
  'lib/server/classes_nocoops.jsa', // CDS archive for heaps over 32 GB; WireMock runs with 256 MB
  'lib/psfont.properties.ja',
  'lib/psfontj2d.properties',
]);
/** Natives of java.desktop, java.smartcardio and jdk.accessibility. */
const DESKTOP_NATIVES = new Set([
  'libawt.so',
  'libawt_headless.so',
  'libawt_xawt.so',
  'libjawt.so',
  'libfontmanager.so',
  'libjavajpeg.so',
  'liblcms.so',
  'libmlib_image.so',
  'libsplashscreen.so',
  'libjsound.so',
  'libatk-wrapper.so',
  'libj2pcsc.so',
]);

export interface JavaRuntime {
  /** The runtime's folder (java.home), symlinks resolved. */
  home: string;
  /** bin/java in it. */
  binary: string;
  /** From its `release` file, e.g. 17.0.15. */
  version: string;
  /** The `release` file's text: names the exact build. */
  release: string;
  /** Paths relative to home of every file the image takes, bin/java included, sorted. */
  files: string[];
  /** Absolute paths of the runtime's own native libraries among them (libjvm.so, libnet.so, ...). */
  natives: string[];
}

export async function findJavaRuntime(env: NodeJS.ProcessEnv = process.env): Promise<JavaRuntime> {
  const binary = await realJavaBinary(env);
  const home = path.dirname(path.dirname(binary));
  for (const required of ['lib/modules', 'lib/server/libjvm.so', 'release']) {
    if (!(await exists(path.join(home, required)))) {
      throw new Error(`no Java runtime at ${home} (the home of ${binary}): ${required} is missing; ${HOW_TO_INSTALL}`);
    }
  }
  const release = await readFile(path.join(home, 'release'), 'utf8');
  const version = /^JAVA_VERSION="([^"]+)"/m.exec(release)?.[1] ?? '';
  const major = Number(/^(?:1\.)?(\d+)/.exec(version)?.[1]);
  if (!(major >= MINIMUM_JAVA_MAJOR)) {
    throw new Error(`the Java at ${home} is ${version || 'of unknown version'}; WireMock needs ${MINIMUM_JAVA_MAJOR} or newer: ${HOW_TO_INSTALL}`);
  }
  const files = ['bin/java'];
  for (const folder of KEPT_FOLDERS) files.push(...(await runtimeFiles(home, folder)));
  files.sort();
  const natives = files.filter((file) => file.endsWith('.so')).map((file) => path.join(home, file));
  return { home, binary, version, release, files, natives };
}

/**
 * $JAVA (a path, or a name looked up on PATH), else `java` on PATH, symlinks resolved (/usr/bin/java ->
 * /etc/alternatives/...); undefined when there is none that can be run. The one home of finding the Java that local
 * mode runs (environments/wiremock/process.ts spawns the same name) and the Java base image takes.
 */
export function findJavaBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const name = env.JAVA || 'java';
  const candidates = name.includes('/')
    ? [name]
    : (env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, name));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return realpathSync(candidate);
    } catch {
      // not this one
    }
  }
  return undefined;
}

async function realJavaBinary(env: NodeJS.ProcessEnv): Promise<string> {
  const found = findJavaBinary(env);
  if (found) return found;
  const name = env.JAVA || 'java';
  const where = name.includes('/') ? name : `${name} on PATH (${env.PATH ?? 'unset'})`;
  throw new Error(`no Java found at ${where}: ${HOW_TO_INSTALL}`);
}

/** Files under home/folder that the image takes; symlinks that point nowhere (src.zip) are skipped. */
async function runtimeFiles(home: string, folder: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(path.join(home, folder), { withFileTypes: true })) {
    const relative = `${folder}/${entry.name}`;
    if (DROPPED_FILES.has(relative) || DESKTOP_NATIVES.has(entry.name)) continue;
    const info = await stat(path.join(home, relative)).catch(() => undefined);
    if (!info) continue;
    if (info.isDirectory()) files.push(...(await runtimeFiles(home, relative)));
    else if (info.isFile()) files.push(relative);
  }
  return files;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
