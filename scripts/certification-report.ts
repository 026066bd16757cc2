/**
 * Writes the certification report of a suite run: `tsx scripts/certification-report.ts <reports folder> <mode>`
 * reads <folder>/messages.ndjson and writes <folder>/certificering.md and certificering.html: per business rule of
 * the catalogue, met / not met / partly tried / not tried, with the scenarios behind it, and the manual attestations
 * of E2E_ATTESTATIONS (requirements/attestations.ts) for rules no scenario tried. Prints one summary line.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readAttestations } from '../requirements/attestations';
import { REQUIREMENTS, requirementIds } from '../requirements/catalogue';
import { verdicts, withScenariosNotRun } from '../requirements/certification';
import { renderHtml, renderMarkdown, summaryLine } from '../requirements/render-certification';
import { readRun } from '../requirements/run-results';
import { featureFiles, scenariosOf } from '../requirements/scenario-tags';
import { lpsMode, vendorSettings } from '../run/lps-mode';

function platformVersion(root: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  }
}

export function writeCertificationReport(dir: string, environment: string): string {
  const messages = path.join(dir, 'messages.ndjson');
  if (!existsSync(messages)) throw new Error(`${messages} does not exist: run the suite first (npm run e2e)`);
  const run = readRun(readFileSync(messages, 'utf8'));
  const attestations = process.env.E2E_ATTESTATIONS ? readAttestations(process.env.E2E_ATTESTATIONS, requirementIds()) : [];
  const root = path.resolve(__dirname, '..');
  const declared = featureFiles(path.join(root, 'features'))
    .flatMap(scenariosOf)
    .map((scenario) => ({ uri: path.relative(root, scenario.file), name: scenario.name, requirementIds: scenario.requirementIds }));
  const result = verdicts(REQUIREMENTS, withScenariosNotRun(run.scenarios, declared), attestations);
  const context = {
    environment,
    lpsSystem: lpsMode() === 'vendor' ? `${vendorSettings().system} (leverandørens LPS)` : 'Pilot-LPS (pilot-LPS-simulatoren)',
    finishedAt: run.finishedAt ?? new Date().toISOString(),
    platformVersion: platformVersion(root),
  };
  writeFileSync(path.join(dir, 'certificering.md'), renderMarkdown(result, context));
  writeFileSync(path.join(dir, 'certificering.html'), renderHtml(result, context));
  return `${summaryLine(result)} (${path.join(dir, 'certificering.html')})`;
}

if (require.main === module) {
  const [dir = 'reports', environment = 'local'] = process.argv.slice(2);
  try {
    console.log(writeCertificationReport(dir, environment));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
