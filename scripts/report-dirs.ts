/** Where each mode's suite run writes its reports (cucumber.cjs names the same folders and files for its formatters). */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE_FILE, REPORT_FILES } from '../requirements/certification-files';
import { RUN_VERDICTS_FILE } from '../requirements/evidence-names';

export const REPORT_DIRS = { local: 'reports', containers: path.join('reports', 'containers'), remote: path.join('reports', 'remote') } as const;

/** What cucumber's formatters write into a run's folder (cucumber.cjs). */
export const CUCUMBER_OUTPUTS = { messages: 'messages.ndjson', html: 'cucumber.html', junit: 'junit.xml' } as const;

/**
 * Removes what a run of the suite writes into its folder: cucumber's reports, the certification report, its evidence
 * and the official schemas' verdicts. Other folders inside it (another mode's, the unit tests') stay.
 */
export function removeRunOutputs(dir: string): void {
  for (const file of [...Object.values(CUCUMBER_OUTPUTS), ...Object.values(REPORT_FILES), RUN_VERDICTS_FILE, BUNDLE_FILE, 'evidens']) {
    rmSync(path.join(dir, file), { recursive: true, force: true });
  }
}
