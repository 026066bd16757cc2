/**
 * `npm run mutation:score`: the score of all of stubs/ (and, apart, of medcom/) from the last run of every folder (the incremental files in
 * bench/mutation/incremental/, one per `npm run mutation -- FOLDER`), without running Stryker again. Each folder's
 * file is as current as that folder's last run. Writes reports/mutation/stubs-summary.md.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mergeReports, type EquivalentMutant, type MutationReport } from './score';
import { summaryLines } from './summary';

const INCREMENTAL = path.join(__dirname, 'incremental');
const SUMMARY = path.join(__dirname, '..', '..', 'reports', 'mutation', 'stubs-summary.md');
const folders = readdirSync(INCREMENTAL).filter((name) => name.endsWith('.json') && name !== 'stubs.json').sort();
const reports = folders.map((name) => ({ name, report: JSON.parse(readFileSync(path.join(INCREMENTAL, name), 'utf8')) as MutationReport }));
const equivalents = JSON.parse(readFileSync(path.join(__dirname, 'equivalent-mutants.json'), 'utf8')) as EquivalentMutant[];
const stubs = summaryLines('Mutation score of stubs/, from each folder\'s last run', mergeReports(reports.filter(({ name }) => name !== 'medcom.json')), equivalents);
const medcom = reports.filter(({ name }) => name === 'medcom.json');
const layer = medcom.length === 0 ? undefined : summaryLines('Mutation score of medcom/, from its last run', mergeReports(medcom), equivalents);
const sources = ['', 'From:', ...folders.map((name) => `- bench/mutation/incremental/${name}`)];
mkdirSync(path.dirname(SUMMARY), { recursive: true });
writeFileSync(SUMMARY, [...stubs.all, ...(layer ? ['', ...layer.all] : []), ...sources, ''].join('\n'));
console.log([...stubs.table, ...(layer ? ['', ...layer.table] : []), ...sources].join('\n'));
