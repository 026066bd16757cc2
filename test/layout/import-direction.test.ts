/**
 * The import direction of the layout (README "Layout"): steps -> drivers -> contracts -> medcom;
 * stubs -> contracts -> medcom; environments -> stubs; steps, drivers and scripts -> run; docker needs no environment;
 * testcamp -> requirements, contracts, medcom. Read from the import
 * statements (import, export ... from, require, dynamic import) of every .ts file of the repository.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const SKIPPED = new Set(['node_modules', '.git', 'reports', '.tmp', 'dist']);

/** Every .ts file under the repository, as a path relative to it with forward slashes. */
function sourceFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [path.relative(ROOT, full).split(path.sep).join('/')] : [];
  });
}

/** The project files a file imports (relative specifiers resolved against it); packages are left out. */
export function projectImports(file: string, text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((imported) => imported.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)));
}

const under = (file: string, folder: string): boolean => file === folder || file.startsWith(`${folder}/`);
const stubFolder = (file: string): string | undefined => /^stubs\/([^/]+)\//.exec(file)?.[1];

interface Rule {
  /** The files the rule is about. */
  applies(file: string): boolean;
  /** Why `target` may not be imported by `file`, or undefined when it may. */
  forbids(file: string, target: string): string | undefined;
}

const RULES: readonly Rule[] = [
  {
    applies: (file) => stubFolder(file) !== undefined,
    forbids: (file, target) => {
      if (under(target, 'steps')) return 'a stub never imports steps/ (it does not know it is under test)';
      if (under(target, 'environments')) return 'a stub never imports environments/ (it does not know where it runs)';
      const own = stubFolder(file);
      const other = stubFolder(target);
      if (other !== undefined && other !== own && other !== 'common') return `a stub never imports another stub (stubs/${other}/); share a type through contracts/`;
      if (under(target, 'stubs') && other === undefined) return 'a stub never imports the stub registry or runner';
      return undefined;
    },
  },
  {
    applies: (file) => under(file, 'steps/drivers'),
    forbids: (_file, target) => {
      if (under(target, 'stubs')) return "a driver never imports a stub: it speaks HTTP, with the types of contracts/";
      if (under(target, 'environments')) return 'a driver never imports environments/: it gets base URLs';
      if (under(target, 'steps') && !under(target, 'steps/drivers')) return 'a driver imports no scenario code (steps/); run-level helpers are in run/';
      return undefined;
    },
  },
  {
    applies: (file) => under(file, 'run') || under(file, 'scripts'),
    forbids: (_file, target) => (under(target, 'steps') ? 'run/ and scripts/ import no step code; what both need is in run/' : undefined),
  },
  {
    applies: (file) => under(file, 'docker'),
    forbids: (_file, target) => (under(target, 'environments') ? 'nothing under docker/ imports environments/ (environments use docker/)' : undefined),
  },
  {
    applies: (file) => under(file, 'medcom'),
    forbids: (_file, target) => (under(target, 'medcom') ? undefined : 'medcom imports nothing of the project outside medcom/'),
  },
  {
    applies: (file) => under(file, 'contracts'),
    forbids: (_file, target) => (under(target, 'contracts') || under(target, 'medcom') ? undefined : 'contracts import only medcom/ (and each other)'),
  },
  {
    applies: (file) => under(file, 'testcamp'),
    forbids: (_file, target) =>
      ['testcamp', 'requirements', 'contracts', 'medcom'].some((folder) => under(target, folder))
        ? undefined
        : 'the cockpit runs the suite as a child process and speaks HTTP to the stubs: it imports only testcamp/, requirements/, contracts/ and medcom/',
  },
];

/** Every import that breaks a rule, as `file imports target: why`. */
export function violations(files: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [file, text] of files) {
    const rules = RULES.filter((rule) => rule.applies(file));
    if (rules.length === 0) continue;
    for (const target of projectImports(file, text)) {
      for (const rule of rules) {
        const why = rule.forbids(file, target);
        if (why) found.push(`${file} imports ${target}: ${why}`);
      }
    }
  }
  return found;
}

test('every import of the repository runs the way the layout says', () => {
  const files = new Map(sourceFiles().map((file) => [file, readFileSync(path.join(ROOT, file), 'utf8')]));
  assert.ok(files.has('contracts/databank.ts') && files.has('stubs/plsp/routes.ts'), `the walk found the sources (${files.size} files)`);
  assert.deepEqual(violations(files), []);
});

test('a planted wrong import is named with its file and the rule', () => {
  const planted = new Map([
    ['stubs/labportal/routes.ts', "import type { PortalResult } from '../sundhedsjournal/portal-result';\nimport { x } from '../common/config';"],
    ['steps/drivers/plsp.ts', "const store = require('../../stubs/databank/store');"],
    ['docker/wiremock-image.ts', "export { WIREMOCK_JAR } from '../environments/wiremock/process';"],
    ['medcom/index.ts', "const contract = import('../contracts/plsp');"],
    ['contracts/plsp.ts', "import type { Hub } from '../stubs/plsp/receive';\nimport type { Finding } from '../medcom/model';"],
    ['scripts/ensure-browser.ts', "import { launchBrowser } from '../steps/support/browser';"],
    ['steps/drivers/vendor-lps.ts', "import { waitFor } from '../../run/wait-for';\nimport { testPerson } from '../support/test-persons';"],
    ['stubs/plsp/journal.ts', "import type { HubJournalEntry } from '../../contracts/plsp';"],
  ]);
  assert.deepEqual(violations(planted), [
    'stubs/labportal/routes.ts imports stubs/sundhedsjournal/portal-result: a stub never imports another stub (stubs/sundhedsjournal/); share a type through contracts/',
    'steps/drivers/plsp.ts imports stubs/databank/store: a driver never imports a stub: it speaks HTTP, with the types of contracts/',
    'docker/wiremock-image.ts imports environments/wiremock/process: nothing under docker/ imports environments/ (environments use docker/)',
    'medcom/index.ts imports contracts/plsp: medcom imports nothing of the project outside medcom/',
    'contracts/plsp.ts imports stubs/plsp/receive: contracts import only medcom/ (and each other)',
    'scripts/ensure-browser.ts imports steps/support/browser: run/ and scripts/ import no step code; what both need is in run/',
    'steps/drivers/vendor-lps.ts imports steps/support/test-persons: a driver imports no scenario code (steps/); run-level helpers are in run/',
  ]);
});
