/**
 * Writes a certification report's files into a folder, from the scenarios that ran (one run's, or the latest of
 * several runs' per scenario, as the test camp's per-vendor report does):
 *   evidens/…              every file the scenarios attached, a folder a scenario
 *   certificering.json     per business rule → scenario → step (requirements/certification-data.ts)
 *   certificering.html     the same in Danish for people, offline, each evidence file one click away
 *   certificering.md       the per-rule summary
 *   evidens.zip            all of the above plus MANIFEST.sha256 (sha256sum -c verifies it)
 * Declared scenarios that did not run leave their rules untried; attestations decide rules no scenario tried.
 * `retired`: results of scenarios the feature files no longer declare (a combined report), listed apart.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Attestation } from './attestations';
import { REQUIREMENTS } from './catalogue';
import { verdicts, withScenariosNotRun, type DeclaredScenario, type RequirementVerdict } from './certification';
import { certificationReport, type CertificationReport, type ReportContext } from './certification-data';
import { writeEvidenceBundle } from './evidence-bundle';
import { writeEvidence } from './evidence-files';
import { counts, renderHtml, renderMarkdown } from './render-certification';
import type { ScenarioRun } from './run-results';

/** The report's files in its folder; evidens.zip and evidens/ beside them. */
export const REPORT_FILES = { json: 'certificering.json', html: 'certificering.html', markdown: 'certificering.md' } as const;
export const BUNDLE_FILE = 'evidens.zip';

export interface WrittenReport {
  verdicts: RequirementVerdict[];
  report: CertificationReport;
}

export function writeCertificationFiles(
  dir: string,
  ran: readonly ScenarioRun[],
  declared: readonly DeclaredScenario[],
  attestations: readonly Attestation[],
  context: ReportContext,
  retired: readonly ScenarioRun[] = [],
): WrittenReport {
  const result = verdicts(REQUIREMENTS, withScenariosNotRun(ran, declared), attestations);
  const evidence = writeEvidence(ran, dir);
  const report = certificationReport(result, context, counts(result), evidence, retired);
  writeFileSync(path.join(dir, REPORT_FILES.json), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(dir, REPORT_FILES.html), renderHtml(report));
  writeFileSync(path.join(dir, REPORT_FILES.markdown), renderMarkdown(result, context, report.notInRequirements));
  writeEvidenceBundle(dir, [REPORT_FILES.html, REPORT_FILES.json, REPORT_FILES.markdown, ...[...evidence.values()].map((file) => file.path)], BUNDLE_FILE);
  return { verdicts: result, report };
}
