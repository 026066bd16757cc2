/** Where each mode's suite run writes its reports (cucumber.cjs names the same folders for its formatters). */
import path from 'node:path';

export const REPORT_DIRS = { local: 'reports', containers: path.join('reports', 'containers'), remote: path.join('reports', 'remote') } as const;
