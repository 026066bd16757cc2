/**
 * Stages the build context of the stubs image: stubs/main.ts bundled with esbuild into app/main.js (better-sqlite3
 * left out, it has a native addon), better-sqlite3 with just what it loads at run time, and the Dockerfile.
 */
import { build } from 'esbuild';
import { cp, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const STUBS_ENTRY = path.join(REPO_ROOT, 'stubs', 'main.ts');
export const STUBS_DOCKERFILE = path.join(REPO_ROOT, 'docker', 'stubs.Dockerfile');

/** Packages the bundle loads from node_modules, and the parts of each it needs at run time. */
const RUNTIME_PACKAGES: ReadonlyArray<{ name: string; resolveFrom: string | null; parts: readonly string[] }> = [
  { name: 'better-sqlite3', resolveFrom: null, parts: ['package.json', 'lib', 'build/Release/better_sqlite3.node'] },
  { name: 'bindings', resolveFrom: 'better-sqlite3', parts: ['package.json', 'bindings.js'] },
  { name: 'file-uri-to-path', resolveFrom: 'bindings', parts: ['package.json', 'index.js'] },
];
const EXTERNAL = RUNTIME_PACKAGES.filter((pkg) => pkg.resolveFrom === null).map((pkg) => pkg.name);

/**
 * Writes Dockerfile, app/main.js (+ map) and app/node_modules into dir. Returns every file of this machine the
 * context was made from (absolute paths): the bundle's sources, the packages' files, the Dockerfile, what decides
 * how esbuild bundles (its own package.json, tsconfig.json, package.json) and the code that stages and builds it.
 */
export async function stageStubsContext(dir: string, entry: string = STUBS_ENTRY): Promise<string[]> {
  await mkdir(path.join(dir, 'app'), { recursive: true });
  const sources = await bundle(entry, path.join(dir, 'app'));
  const packageFiles = await copyRuntimePackages(path.join(dir, 'app', 'node_modules'));
  await cp(STUBS_DOCKERFILE, path.join(dir, 'Dockerfile'));
  const esbuildPackage = require.resolve('esbuild/package.json', { paths: [REPO_ROOT] });
  // How the context is made is a source too: this file (esbuild's options, the packages) and the image's recipe.
  const recipe = [__filename, path.join(__dirname, 'stubs-image.ts')];
  return [...sources, ...packageFiles, STUBS_DOCKERFILE, esbuildPackage, path.join(REPO_ROOT, 'tsconfig.json'), path.join(REPO_ROOT, 'package.json'), ...recipe];
}

/** Bundles entry into appDir; returns the absolute paths of every source file the bundle was made from. */
async function bundle(entry: string, appDir: string): Promise<string[]> {
  // Built in memory against a fixed output path inside the repo, so source map paths (and with them the image's
  // content hash) do not depend on the staging folder.
  const virtualOut = path.join(REPO_ROOT, '.tmp', 'stubs-image', 'main.js');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: EXTERNAL,
    outfile: virtualOut,
    absWorkingDir: REPO_ROOT,
    metafile: true,
    write: false,
    sourcemap: 'external',
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'silent',
  }).catch((error: unknown) => {
    throw new Error(`esbuild could not bundle ${path.relative(REPO_ROOT, entry)}: ${(error as Error).message}`);
  });
  for (const file of result.outputFiles) {
    await writeFile(path.join(appDir, path.basename(file.path)), file.contents);
  }
  return Object.keys(result.metafile.inputs).map((input) => path.resolve(REPO_ROOT, input));
}

/** Copies the packages' parts; returns the absolute paths of every file copied. */
async function copyRuntimePackages(nodeModules: string): Promise<string[]> {
  const dirs = new Map<string, string>();
  const copied: string[] = [];
  for (const pkg of RUNTIME_PACKAGES) {
    const from = pkg.resolveFrom === null ? REPO_ROOT : dirs.get(pkg.resolveFrom);
    if (from === undefined) throw new Error(`${pkg.name} must come after ${pkg.resolveFrom} in RUNTIME_PACKAGES`);
    let packageJson: string;
    try {
      packageJson = require.resolve(`${pkg.name}/package.json`, { paths: [from] });
    } catch {
      throw new Error(`${pkg.name} is not installed (needed in the stubs image): run npm ci`);
    }
    const source = path.dirname(packageJson);
    dirs.set(pkg.name, source);
    for (const part of pkg.parts) {
      await cp(path.join(source, part), path.join(nodeModules, pkg.name, part), { recursive: true, dereference: true });
      copied.push(...(await filesUnder(path.join(source, part))));
    }
  }
  return copied;
}

/** The file itself, or every file under a folder (symlinks followed). */
async function filesUnder(file: string): Promise<string[]> {
  if (!(await stat(file)).isDirectory()) return [file];
  const entries = await readdir(file);
  return (await Promise.all(entries.map((entry) => filesUnder(path.join(file, entry))))).flat();
}
