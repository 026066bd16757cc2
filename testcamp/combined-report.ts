/**
 * One certification report per vendor, over all of its finished runs: every scenario counts with its result from
 * the latest run that ran it, so a rule rerun after a failure counts from the rerun and the rest from the full run,
 * as the matrix shows them. Every scenario and rule says which run its result comes from; the test leader's
 * judgements are the manual attestations. The files (requirements/certification-files.ts: HTML, JSON, Markdown,
 * evidence, evidens.zip) go to DATA/rapporter/<session id>/, written when asked for and again only after a run
 * finished or a judgement was made.
 * A run stopped half-way (afbrudt) counts with the scenarios it finished, so stopping a rerun that starts failing
 * cannot keep an older pass; a scenario it did not finish keeps its earlier result. Its source says it was stopped.
 * Each source names the platform version its run was started on, and the report warns when they differ. Results of
 * scenarios the feature files no longer declare (a removed or renamed scenario, a changed example row) count for no
 * rule and are listed apart as "ikke længere i kravene".
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAttestations } from '../requirements/attestations';
import { requirementIds } from '../requirements/catalogue';
import { scenarioKey, type PlatformVersionRuns } from '../requirements/certification-data';
import { BUNDLE_FILE, REPORT_FILES, writeCertificationFiles } from '../requirements/certification-files';
import { withOfficialVerdicts } from '../requirements/official-verdicts';
import { readRun, type ScenarioRun } from '../requirements/run-results';
import { declaredScenarios, pickleName } from '../requirements/scenario-tags';
import { attestationsJson } from './attestations';
import { time } from './html';
import type { CampStore, Run, VendorSession } from './store';

const ROOT = path.resolve(__dirname, '..');
export const COMBINED_DIR = 'rapporter';
/** What a download of the combined report may ask for. */
export const COMBINED_FILES: readonly string[] = [REPORT_FILES.html, REPORT_FILES.json, REPORT_FILES.markdown, BUNDLE_FILE];
const FINGERPRINT_FILE = '.grundlag';

const UNKNOWN_VERSION = 'ukendt';

/**
 * The platform version a run ran on: what its own certification report says (written when it finished), else what
 * the camp recorded when it started it (a stopped run writes no report), else unknown.
 */
export function platformVersionOf(run: Run): string {
  try {
    const report = JSON.parse(readFileSync(path.join(run.reportsDir, REPORT_FILES.json), 'utf8')) as { context?: { platformVersion?: unknown } };
    if (typeof report.context?.platformVersion === 'string') return report.context.platformVersion;
  } catch {
    // No report of its own: stopped, or from before reports were written.
  }
  return run.platformVersion ?? UNKNOWN_VERSION;
}

/** How the report names the run a result comes from: which run, what it ran, when, on which platform, stopped or not. */
export function runLabel(run: Run): string {
  const stopped = run.state === 'afbrudt' ? ', afbrudt: kun de scenarier, den nåede at gøre færdige, tæller' : '';
  return `kørsel ${run.id} (${run.scope}, ${time(run.finishedAt ?? run.startedAt)}, platform ${platformVersionOf(run)}${stopped})`;
}

/** Does the run count in the combined report: it ended, finished or stopped (not one still running). */
export function countsInCombined(run: Run): boolean {
  return run.state === 'færdig' || run.state === 'afbrudt';
}

/** The runs that count, oldest first. */
export function countedRuns(store: CampStore, sessionId: string): Run[] {
  return store
    .runs(sessionId)
    .filter(countsInCombined)
    .sort((a, b) => a.id - b.id);
}

/**
 * The runs per platform version, and whether there is more than one (an unknown version counts as its own). Pass the
 * runs results come from: a run whose every result a later run replaced adds no version.
 */
export function platformVersionsOf(runs: readonly Run[]): { versions: PlatformVersionRuns[]; mixed: boolean } {
  const byVersion = new Map<string, string[]>();
  for (const run of runs) {
    const version = platformVersionOf(run);
    byVersion.set(version, [...(byVersion.get(version) ?? []), `kørsel ${run.id}`]);
  }
  const versions = [...byVersion].map(([version, ids]) => ({ version, runs: ids }));
  return { versions, mixed: versions.length > 1 };
}

/** The keys (scenarioKey) of every scenario and example row the feature files declare now. */
export function declaredKeys(declared: readonly { uri: string; name: string; examples?: Record<string, string>[] }[]): Set<string> {
  return new Set(
    declared.flatMap((scenario) =>
      scenario.examples
        ? scenario.examples.map((example) => scenarioKey({ uri: scenario.uri, name: pickleName(scenario.name, example), example }))
        : [scenarioKey(scenario)],
    ),
  );
}

/**
 * Per scenario the result of the latest run that finished it, tagged with that run; and the runs that could not be
 * read. A stopped run's scenarios count when they finished (a failure is a failure); one it was stopped in does not.
 */
export function latestScenarios(runs: readonly Run[]): { scenarios: ScenarioRun[]; unreadable: string[] } {
  const latest = new Map<string, ScenarioRun>();
  const unreadable: string[] = [];
  for (const run of runs) {
    const file = path.join(run.reportsDir, 'messages.ndjson');
    // Stopped before cucumber wrote anything: it finished no scenario.
    if (run.state === 'afbrudt' && !existsSync(file)) continue;
    let ran: ScenarioRun[];
    try {
      ran = withOfficialVerdicts(readRun(readFileSync(file, 'utf8')).scenarios, run.reportsDir);
    } catch (error) {
      unreadable.push(`kørsel ${run.id}: ${(error as Error).message}`);
      continue;
    }
    for (const { unfinished, ...scenario } of ran) {
      if (!unfinished) latest.set(scenarioKey(scenario), { ...scenario, source: runLabel(run) });
    }
  }
  return { scenarios: [...latest.values()], unreadable };
}

/** Writes (when out of date) and returns the folder of the session's combined report; undefined before any run ended. */
export function combinedReport(store: CampStore, dataDir: string, session: VendorSession): string | undefined {
  const runs = countedRuns(store, session.id);
  if (runs.length === 0) return undefined;
  const judgements = store.judgements(session.id);
  const dir = path.join(path.resolve(dataDir), COMBINED_DIR, session.id);
  const declared = declaredScenarios(ROOT);
  const current = declaredKeys(declared);
  // The feature files are part of it: a scenario they dropped moves to "ikke længere i kravene".
  const fingerprint = JSON.stringify({ runs: runs.map((run) => run.id), judgement: judgements[0]?.id ?? 0, declared: createHash('sha256').update([...current].join('\n')).digest('hex') });
  const fingerprintFile = path.join(dir, FINGERPRINT_FILE);
  if (existsSync(fingerprintFile) && readFileSync(fingerprintFile, 'utf8') === fingerprint && COMBINED_FILES.every((file) => existsSync(path.join(dir, file)))) return dir;
  mkdirSync(dir, { recursive: true });
  const { scenarios, unreadable } = latestScenarios(runs);
  const json = attestationsJson(judgements);
  const attestations = json ? parseAttestations(json, 'testlederens vurderinger', requirementIds()) : [];
  const newest = runs[runs.length - 1] as Run;
  const counted = scenarios.filter((scenario) => current.has(scenarioKey(scenario)));
  const sources = new Set(counted.map((scenario) => scenario.source));
  const contributing = runs.filter((run) => sources.has(runLabel(run)));
  const { versions, mixed } = platformVersionsOf(contributing.length > 0 ? contributing : runs);
  const stopped = runs.filter((run) => run.state === 'afbrudt').map((run) => `kørsel ${run.id}`);
  writeCertificationFiles(
    dir,
    counted,
    declared,
    attestations,
    {
      environment: `testcamp, samlet af ${runs.map((run) => `kørsel ${run.id}`).join(', ')}${stopped.length > 0 ? `; afbrudt: ${stopped.join(', ')} (de scenarier, de nåede at gøre færdige, tæller)` : ''}${unreadable.length > 0 ? `; kunne ikke læses: ${unreadable.join('; ')}` : ''}`,
      lpsSystem: `${session.system} (leverandørens LPS)`,
      finishedAt: newest.finishedAt ?? newest.startedAt,
      platformVersion: mixed ? `blandet: ${versions.map((entry) => entry.version).join(', ')}` : (versions[0]?.version ?? UNKNOWN_VERSION),
      platformVersions: versions,
      mixedPlatformVersions: mixed,
    },
    scenarios.filter((scenario) => !current.has(scenarioKey(scenario))),
  );
  writeFileSync(fingerprintFile, fingerprint);
  return dir;
}
