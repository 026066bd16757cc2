/**
 * Labels on every container and network the containers environment creates (and the WireMock image's warm-up): which run made it, and which process
 * on which machine, so a later run can remove what a killed run left behind (Ryuk is off, see docker/testcontainers.ts).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';

export const LABEL_RUN = 'lokalsvar-e2e.run';
export const LABEL_PID = 'lokalsvar-e2e.pid';
export const LABEL_HOST = 'lokalsvar-e2e.host';

/** Short, unique and usable in container names, e.g. `m3x9k2a1-4f2c`. */
export function newRunId(): string {
  return `${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
}

export function runLabels(runId: string): Record<string, string> {
  return { [LABEL_RUN]: runId, [LABEL_PID]: String(process.pid), [LABEL_HOST]: os.hostname() };
}

/** Docker list filter for everything of one run. */
export function runFilter(runId: string): { label: string[] } {
  return { label: [`${LABEL_RUN}=${runId}`] };
}
