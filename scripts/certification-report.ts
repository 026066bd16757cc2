/**
 * Writes the certification report of a suite run: `tsx scripts/certification-report.ts <reports folder> <mode>`
 * reads <folder>/messages.ndjson and writes into <folder>:
 *   evidens/…              every file the scenarios attached (messages, receipts, findings, databank contents,
 *                          screenshots, test data), a folder a scenario
 *   certificering.json     per business rule → scenario → step: action, test data, expected, actual, verdict,
 *                          duration, evidence (shape: requirements/certification-data.ts, docs/certificering.md)
 *   certificering.html     the same in Danish for people, offline, each evidence file one click away
 *   certificering.md       the per-rule summary
 *   evidens.zip            all of the above plus MANIFEST.sha256 (sha256sum -c verifies it)
 *   medcom-skema-koersel.json  MedCom's official schemas' verdict on every message and receipt of the run, judged
 *                          here, once (requirements/official-verdicts.ts); each scenario's evidence gets its own
 * Manual attestations of E2E_ATTESTATIONS (requirements/attestations.ts) decide rules no scenario tried.
 * Prints one summary line.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readAttestations } from '../requirements/attestations';
import { requirementIds } from '../requirements/catalogue';
import { platformVersion } from '../requirements/platform-version';
import { BUNDLE_FILE, REPORT_FILES, writeCertificationFiles } from '../requirements/certification-files';
import { summaryLine } from '../requirements/render-certification';
import { judgeRunOfficially, withOfficialVerdicts } from '../requirements/official-verdicts';
import { readRun } from '../requirements/run-results';
import { declaredScenarios } from '../requirements/scenario-tags';
import { lpsMode, vendorSettings } from '../run/lps-mode';
import { CUCUMBER_OUTPUTS } from './report-dirs';

export { REPORT_FILES };

export async function writeCertificationReport(dir: string, environment: string): Promise<string> {
  const messages = path.join(dir, CUCUMBER_OUTPUTS.messages);
  if (!existsSync(messages)) throw new Error(`${messages} does not exist: cucumber did not run the suite (its error is above), or run the suite first (npm run e2e)`);
  const run = readRun(readFileSync(messages, 'utf8'));
  // Only a run cucumber finished is reported: one it stopped in, or never began, would count what did not run.
  if (run.finishedAt === undefined) throw new Error(`${messages} holds no finished run (cucumber stopped before the end of its run; its error is above)`);
  // libxml2 judges in its own thread while this one gathers the rest.
  const judging = judgeRunOfficially(run.scenarios, dir);
  judging.catch(() => undefined); // awaited below
  const attestations = process.env.E2E_ATTESTATIONS ? readAttestations(process.env.E2E_ATTESTATIONS, requirementIds()) : [];
  const root = path.resolve(__dirname, '..');
  const context = {
    environment,
    lpsSystem: lpsMode() === 'vendor' ? `${vendorSettings().system} (leverandørens LPS)` : 'Pilot-LPS (pilot-LPS-simulatoren)',
    finishedAt: run.finishedAt,
    platformVersion: platformVersion(root),
  };
  const declared = declaredScenarios(root);
  await judging;
  const { verdicts: result } = writeCertificationFiles(dir, withOfficialVerdicts(run.scenarios, dir), declared, attestations, context);
  return `${summaryLine(result)} (${path.join(dir, REPORT_FILES.html)}, evidens: ${path.join(dir, BUNDLE_FILE)})`;
}

if (require.main === module) {
  const [dir = 'reports', environment = 'local'] = process.argv.slice(2);
  writeCertificationReport(dir, environment).then(
    (summary) => console.log(summary),
    (error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    },
  );
}
