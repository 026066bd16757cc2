/**
 * The parts of a running camp the routes share: the store, the runner, the change events, where the hub is, how
 * vendor systems are approved, and the views the pages are drawn from.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { APPROVED_FILE, writeApprovedSystems } from './approvals';
import { countsInCombined } from './combined-report';
import type { CampEvents } from './events';
import type { MatrixRow } from './leader-page';
import { sessionCells } from './matrix';
import type { CampRunner } from './runs';
import type { SessionView } from './session-page';
import type { CampStore, VendorSession } from './store';

export interface Camp {
  store: CampStore;
  runner: CampRunner;
  events: CampEvents;
  dataDir: string;
  /** The hub's base URL, for its journal. */
  plspUrl: string;
  /** The cockpit's address as vendors reach it, for their links. */
  publicUrl: string;
}

export function approveSessionSystems(camp: Pick<Camp, 'store' | 'dataDir'>): void {
  writeApprovedSystems(path.join(camp.dataDir, APPROVED_FILE), camp.store.sessions().map((session) => session.system));
}

export function matrixRows(camp: Camp): MatrixRow[] {
  return camp.store.sessions().map((session) => ({
    session,
    cells: sessionCells(camp.store.scenarios(session.id), camp.store.openPrompts(session.id), camp.store.judgements(session.id)),
    reportReady: camp.store.runs(session.id).some(countsInCombined),
  }));
}

/** The files of a run's reports folder (top level only) that can be downloaded. */
export function runFiles(reportsDir: string): string[] {
  try {
    return readdirSync(reportsDir)
      .filter((name) => !name.startsWith('.') && statSync(path.join(reportsDir, name)).isFile())
      .sort();
  } catch {
    return [];
  }
}

export function sessionView(camp: Camp, session: VendorSession): SessionView {
  const runs = camp.store.runs(session.id);
  const active = camp.runner.activeRun(session.id);
  return {
    session,
    ...(active ? { active } : {}),
    runs,
    files: new Map(runs.map((run) => [run.id, runFiles(run.reportsDir)])),
    prompts: camp.store.openPrompts(session.id),
    answered: camp.store.answeredQuestions(session.id),
    scenarios: camp.store.scenarios(session.id),
    judgements: camp.store.judgements(session.id),
  };
}
