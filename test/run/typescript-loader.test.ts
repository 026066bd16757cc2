/**
 * run/typescript-loader.cjs: the project's TypeScript through tsx, with source maps; a dependency's .js through Node's
 * own loader, without reading its source map; a dependency that is an ES module still loads (tsx converts it). Each
 * case runs in a child process of its own (the loader changes how that process requires files), over a made-up
 * project with a node_modules folder in a temporary directory.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

const LOADER = path.resolve(__dirname, '..', '..', 'run', 'typescript-loader.cjs');
const TSX_CJS = require.resolve('tsx/cjs');

let project: string;

function write(file: string, text: string): string {
  const full = path.join(project, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

before(() => {
  project = mkdtempSync(path.join(tmpdir(), 'typescript-loader-'));
  // A CommonJS dependency that names its source map, as most of node_modules does.
  write('node_modules/mapped/package.json', JSON.stringify({ name: 'mapped', version: '1.0.0', main: 'index.js' }));
  write('node_modules/mapped/index.js', 'module.exports = function twice(n) { return n * 2; };\n//# sourceMappingURL=index.js.map\n');
  write('node_modules/mapped/index.js.map', JSON.stringify({ version: 3, file: 'index.js', sources: ['index.ts'], names: [], mappings: 'AAAA' }));
  // A dependency that is an ES module only: Node 20 refuses to require it; tsx converts it.
  write('node_modules/esm-only/package.json', JSON.stringify({ name: 'esm-only', version: '1.0.0', type: 'module', main: 'index.js' }));
  write('node_modules/esm-only/index.js', 'export const answer = 42;\n');
  // A dependency that requires a file of the project while it loads (as a test runner loads a project's tests).
  write('node_modules/loads-project/package.json', JSON.stringify({ name: 'loads-project', version: '1.0.0', main: 'index.js' }));
  write('node_modules/loads-project/index.js', "module.exports = require(process.env.PROJECT_FILE);\n//# sourceMappingURL=index.js.map\n");
  // A dependency that requires an ES module Node cannot require (it awaits at its top level) while it runs.
  write('node_modules/esm-awaits/package.json', JSON.stringify({ name: 'esm-awaits', version: '1.0.0', type: 'module', main: 'index.js' }));
  write('node_modules/esm-awaits/index.js', 'await Promise.resolve();\nexport const late = 1;\n');
  write('node_modules/runs-once/package.json', JSON.stringify({ name: 'runs-once', version: '1.0.0', main: 'index.js' }));
  write('node_modules/runs-once/index.js', "globalThis.runsOnce = (globalThis.runsOnce ?? 0) + 1;\nmodule.exports = require('esm-awaits');\n");
  write('runs-once.ts', [
    'let failed = false;',
    "try { require('runs-once'); } catch { failed = true; }",
    'console.log(JSON.stringify({ runs: (globalThis as { runsOnce?: number }).runsOnce, failed }));',
    '',
  ].join('\n'));
  // A project file whose error is thrown on line 6 of the .ts file (type-only lines before it vanish when compiled).
  write('fails.ts', ['interface Unused {', '  a: number;', '  b: string;', '}', 'export function fail(): never {', "  throw new Error('planted');", '}', ''].join('\n'));
  write('main.ts', [
    "import { findSourceMap } from 'node:module';",
    "import twice from 'mapped';",
    "import { answer } from 'esm-only';",
    "const project = require('loads-project') as { fail(): never };",
    'let stack = "";',
    'try { project.fail(); } catch (error) { stack = (error as Error).stack ?? ""; }',
    'console.log(JSON.stringify({',
    '  twice: twice(21),',
    '  answer,',
    "  dependencyMap: findSourceMap(require.resolve('mapped')) !== undefined,",
    "  projectMap: findSourceMap(require.resolve('./fails.ts')) !== undefined,",
    "  failsAt: /fails\\.ts:(\\d+)/.exec(stack)?.[1],",
    '}));',
    '',
  ].join('\n'));
});

after(() => rmSync(project, { recursive: true, force: true }));

/** Node 20.19 and later require an ES module themselves; this flag makes them refuse, as older ones do (engines: 20.17). */
const REFUSE_REQUIRED_ESM = '--no-experimental-require-module';

function runMain(preload: string, nodeFlags: string[] = []): { twice: number; answer: number; dependencyMap: boolean; projectMap: boolean; failsAt?: string } {
  const result = spawnSync(process.execPath, [...nodeFlags, '--require', preload, path.join(project, 'main.ts')], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', PROJECT_FILE: path.join(project, 'fails.ts') },
    timeout: 60_000,
  });
  assert.equal(result.status, 0, `main.ts failed under ${preload}: ${result.stderr}`);
  return JSON.parse(result.stdout.trim()) as ReturnType<typeof runMain>;
}

test('dependencies load through Node, without their source maps; the project keeps its own', () => {
  const seen = runMain(LOADER);
  assert.equal(seen.twice, 42);
  assert.equal(seen.dependencyMap, false, "a dependency's source map was read: it went through tsx, not Node's own loader");
  assert.equal(seen.projectMap, true, "the project's .ts file has no source map: stack traces would name the compiled lines");
});

test('a stack trace names the line of the .ts file, also for a project file a dependency requires while it loads', () => {
  assert.equal(runMain(LOADER).failsAt, '6');
});

test('a dependency that is an ES module only is still required, also where Node refuses to (tsx converts it)', () => {
  assert.equal(runMain(LOADER).answer, 42);
  if (process.allowedNodeEnvironmentFlags.has(REFUSE_REQUIRED_ESM)) assert.equal(runMain(LOADER, [REFUSE_REQUIRED_ESM]).answer, 42);
});

test("a dependency that fails on an ES module it requires runs once: it is not loaded again through tsx", () => {
  const flags = process.allowedNodeEnvironmentFlags.has(REFUSE_REQUIRED_ESM) ? [REFUSE_REQUIRED_ESM] : [];
  const result = spawnSync(process.execPath, [...flags, '--require', LOADER, path.join(project, 'runs-once.ts')], { cwd: project, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout: 60_000 });
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout.trim()), { runs: 1, failed: true });
});

test('tsx alone reads the dependency source maps the loader avoids (what the loader is measured against)', () => {
  const seen = runMain(TSX_CJS);
  assert.equal(seen.dependencyMap, true);
  assert.equal(seen.failsAt, '6');
});
