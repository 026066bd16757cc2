/**
 * One certification report per vendor, over all of its finished runs: every scenario counts with its result from
 * the latest run that ran it, so a rule rerun after a failure counts from the rerun and the rest from the full run,
 * as the matrix shows them. Every scenario and rule says which run its result comes from; the test leader's
 * judgements are the manual attestations. The files (requirements/certification-files.ts: HTML, JSON, Markdown,
 * evidence, evidens.zip) go to DATA/rapporter/<session id>/, written when asked for and again only after a run
 * finished or a judgement was made. A run stopped half-way (afbrudt) does not count.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAttestations } from '../requirements/attestations';
import { requirementIds } from '../requirements/catalogue';
import { scenarioKey } from '../requirements/certification-data';
import { BUNDLE_FILE, REPORT_FILES, writeCertificationFiles } from '../requirements/certification-files';
import { readRun, type ScenarioRun } from '../requirements/run-results';
import { declaredScenarios } from '../requirements/scenario-tags';
import { attestationsJson } from './attestations';
import { time } from './html';
import type { CampStore, Run, VendorSession } from './store';

const ROOT = path.resolve(__dirname, '..');
export const COMBINED_DIR = 'rapporter';
/** What a download of the combined report may ask for. */
export const COMBINED_FILES: readonly string[] = [REPORT_FILES.html, REPORT_FILES.json, REPORT_FILES.markdown, BUNDLE_FILE];
const FINGERPRINT_FILE = '.grundlag';

/** How the report names the run a result comes from. */
export function runLabel(run: Run): string {
  return `kørsel ${run.id} (${run.scope}, ${time(run.finishedAt ?? run.startedAt)})`;
}

/** The finished runs that count, oldest first. */
export function countedRuns(store: CampStore, sessionId: string): Run[] {
  return store
    .runs(sessionId)
    .filter((run) => run.state === 'færdig')
    .sort((a, b) => a.id - b.id);
}

function platformVersionOf(run: Run): string | undefined {
  try {
    const report = JSON.parse(readFileSync(path.join(run.reportsDir, REPORT_FILES.json), 'utf8')) as { context?: { platformVersion?: unknown } };
    return typeof report.context?.platformVersion === 'string' ? report.context.platformVersion : undefined;
  } catch {
    return undefined;
  }
}

/** Per scenario the result of the latest run that ran it, tagged with that run; and the runs that could not be read. */
export function latestScenarios(runs: readonly Run[]): { scenarios: ScenarioRun[]; unreadable: string[] } {
  const latest = new Map<string, ScenarioRun>();
  const unreadable: string[] = [];
  for (const run of runs) {
    let ran: ScenarioRun[];
    try {
      ran = readRun(readFileSync(path.join(run.reportsDir, 'messages.ndjson'), 'utf8')).scenarios;
    } catch (error) {
      unreadable.push(`kørsel ${run.id}: ${(error as Error).message}`);
      continue;
    }
    for (const scenario of ran) latest.set(scenarioKey(scenario), { ...scenario, source: runLabel(run) });
  }
  return { scenarios: [...latest.values()], unreadable };
}

/** Writes (when out of date) and returns the folder of the session's combined report; undefined before any run finished. */
export function combinedReport(store: CampStore, dataDir: string, session: VendorSession): string | undefined {
  const runs = countedRuns(store, session.id);
  if (runs.length === 0) return undefined;
  const judgements = store.judgements(session.id);
  const dir = path.join(path.resolve(dataDir), COMBINED_DIR, session.id);
  const fingerprint = JSON.stringify({ runs: runs.map((run) => run.id), judgement: judgements[0]?.id ?? 0 });
  const fingerprintFile = path.join(dir, FINGERPRINT_FILE);
  if (existsSync(fingerprintFile) && readFileSync(fingerprintFile, 'utf8') === fingerprint && COMBINED_FILES.every((file) => existsSync(path.join(dir, file)))) return dir;
  mkdirSync(dir, { recursive: true });
  const { scenarios, unreadable } = latestScenarios(runs);
  const json = attestationsJson(judgements);
  const attestations = json ? parseAttestations(json, 'testlederens vurderinger', requirementIds()) : [];
  const newest = runs[runs.length - 1] as Run;
  writeCertificationFiles(dir, scenarios, declaredScenarios(ROOT), attestations, {
    environment: `testcamp, samlet af ${runs.map((run) => `kørsel ${run.id}`).join(', ')}${unreadable.length > 0 ? `; kunne ikke læses: ${unreadable.join('; ')}` : ''}`,
    lpsSystem: `${session.system} (leverandørens LPS)`,
    finishedAt: newest.finishedAt ?? newest.startedAt,
    platformVersion: platformVersionOf(newest) ?? 'ukendt',
  });
  writeFileSync(fingerprintFile, fingerprint);
  return dir;
}
