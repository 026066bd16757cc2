/** Where each mode's suite run writes its reports (cucumber.cjs names the same folders and files for its formatters). */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE_FILE, REPORT_FILES } from '../requirements/certification-files';
import { EVIDENCE_DIR } from '../requirements/evidence-files';
import { RUN_VERDICTS_FILE } from '../requirements/evidence-names';

export const REPORT_DIRS = { local: 'reports', containers: path.join('reports', 'containers'), remote: path.join('reports', 'remote') } as const;

/** The folder a run writes its reports into: E2E_REPORTS_DIR (a test camp's run), else the mode's, under root. */
export function reportDirOf(mode: keyof typeof REPORT_DIRS, root: string): string {
  return process.env.E2E_REPORTS_DIR ? path.resolve(process.env.E2E_REPORTS_DIR) : path.join(root, REPORT_DIRS[mode]);
}

/** What cucumber's formatters write into a run's folder (cucumber.cjs). */
export const CUCUMBER_OUTPUTS = { messages: 'messages.ndjson', html: 'cucumber.html', junit: 'junit.xml' } as const;

/**
 * Removes what a run of the suite writes into its folder: cucumber's reports, the certification report, its evidence
 * and the official schemas' verdicts. Other folders inside it (another mode's, the unit tests', the traces of failed
 * scenarios, which every mode keeps in reports/traces) stay.
 */
export function removeRunOutputs(dir: string): void {
  for (const file of [...Object.values(CUCUMBER_OUTPUTS), ...Object.values(REPORT_FILES), RUN_VERDICTS_FILE, BUNDLE_FILE, EVIDENCE_DIR]) {
    rmSync(path.join(dir, file), { recursive: true, force: true });
  }
}
