/**
 * `npm run mutation [-- FOLDER] [-- stryker options]`: StrykerJS over stubs/ (stryker.config.json), or over
 * stubs/FOLDER only (e.g. `npm run mutation -- plsp`), or over the MedCom layer (`npm run mutation -- medcom`), each
 * with its incremental file in bench/mutation/incremental/
 * (so a rerun tries only what changed), then the score per folder
 * with and without the mutants judged equivalent, and the survivors still to kill, in reports/mutation/summary.md.
 * A measurement, not a test: not part of CI. Stryker runs in a sandbox copy of the project, so the MedCom schema and
 * example folders are handed to it as absolute paths.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../medcom/official-xsd/schema-dirs';
import { type EquivalentMutant, type MutationReport } from './score';
import { summaryLines } from './summary';

const REPORT = path.join(PROJECT_ROOT, 'reports', 'mutation', 'mutation.json');
const SUMMARY = path.join(PROJECT_ROOT, 'reports', 'mutation', 'summary.md');
const EQUIVALENT = path.join(__dirname, 'equivalent-mutants.json');

const absolute = (name: string, fallback: string) => path.resolve(PROJECT_ROOT, process.env[name] || fallback);
const env = {
  ...process.env,
  MEDCOM_XSD_DIR: absolute('MEDCOM_XSD_DIR', '../shared/medcom-xsd'),
  MEDCOM_EXAMPLES_DIR: absolute('MEDCOM_EXAMPLES_DIR', '../shared/medcom-examples'),
};

const started = Date.now();
const stryker = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'stryker');
const [first, ...rest] = process.argv.slice(2).filter((argument) => argument !== '--');
const folder = first !== undefined && !first.startsWith('-') ? first.replace(/^stubs\//, '').replace(/\/+$/, '') : undefined;
/** `medcom` is the MedCom layer (medcom/); any other folder is one of stubs/. */
const mutated = folder === 'medcom' ? 'medcom' : `stubs/${folder}`;
const options = folder === undefined ? [first, ...rest].filter((argument) => argument !== undefined) : rest;
const scope = folder === undefined ? ['--incrementalFile', 'bench/mutation/incremental/stubs.json'] : ['--mutate', `${mutated}/**/*.ts`, '--incrementalFile', `bench/mutation/incremental/${folder}.json`];
const run = spawnSync(stryker, ['run', ...scope, ...options], { cwd: PROJECT_ROOT, env, stdio: 'inherit' });
const minutes = (Date.now() - started) / 60_000;
if (run.status !== 0 || !existsSync(REPORT)) {
  console.error(`Stryker ended with ${run.status ?? run.signal} after ${minutes.toFixed(1)} min; no summary written.`);
  process.exit(run.status ?? 1);
}

const report = JSON.parse(readFileSync(REPORT, 'utf8')) as MutationReport;
const equivalents = JSON.parse(readFileSync(EQUIVALENT, 'utf8')) as EquivalentMutant[];
const title = `Mutation score of ${folder ? `${mutated}/` : 'stubs/'} (${new Date().toISOString().slice(0, 16)}Z, ${minutes.toFixed(1)} min)`;
const { table, all } = summaryLines(title, report, equivalents);
mkdirSync(path.dirname(SUMMARY), { recursive: true });
writeFileSync(SUMMARY, all.join('\n'));
console.log(table.join('\n'));
console.log(`\nSurvivors to kill: listed in ${path.relative(PROJECT_ROOT, SUMMARY)}; the score of all of stubs/ from every folder's last run: npm run mutation:score`);
