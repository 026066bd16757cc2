/**
 * Compares two certification reports (certificering.json of an earlier, known-good run and of this one): every rule
 * and scenario whose verdict changed, appeared or disappeared, worse first. A rule that was "opfyldt" and is now
 * anything else got worse; so did a scenario that passed and now did not, and a new rule or scenario that fails.
 */
import { readFileSync } from 'node:fs';
import type { Verdict } from './certification';
import { REPORT_FORMAT, type CertificationReport, type StepVerdict } from './certification-data';

export type ChangeKind = 'forværret' | 'forbedret' | 'ændret' | 'ny' | 'forsvundet';

export interface VerdictChange {
  kind: ChangeKind;
  /** True when the change makes the run worse: the comparison then fails. */
  worse: boolean;
  subject: 'krav' | 'scenarie';
  /** Rule id, or the rule ids a scenario is tagged with. */
  requirementIds: string[];
  /** Scenario label (name plus example row) and its stable key; absent for a rule. */
  scenario?: { label: string; key: string; uri: string };
  before?: string;
  after?: string;
}

/** Higher is better. */
const REQUIREMENT_RANK: Record<Verdict, number> = { opfyldt: 3, 'delvist afprøvet': 2, 'ikke afprøvet': 1, 'ikke opfyldt': 0 };
const SCENARIO_RANK: Record<StepVerdict, number> = { bestået: 4, attesteret: 3, 'ikke relevant': 2, 'ikke afprøvet': 1, fejlet: 0 };

/** Reads a certificering.json; throws a message naming the file and what is wrong with it. */
export function readReport(file: string): CertificationReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): give the path of a run's reports/certificering.json`);
  }
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`);
  }
  const candidate = report as Partial<CertificationReport> | null;
  if (candidate?.format !== REPORT_FORMAT || !Array.isArray(candidate.requirements)) {
    throw new Error(`${file} is not a certification report (${REPORT_FORMAT}): give the certificering.json a run wrote into reports/`);
  }
  return candidate as CertificationReport;
}

function ranked<T extends string>(ranks: Record<T, number>, before: T | undefined, after: T | undefined): { kind: ChangeKind; worse: boolean } | undefined {
  if (before === after) return undefined;
  if (before === undefined) return { kind: 'ny', worse: (ranks[after as T] ?? 0) === 0 };
  if (after === undefined) return { kind: 'forsvundet', worse: (ranks[before] ?? 0) === Math.max(...Object.values<number>(ranks)) };
  const delta = (ranks[after] ?? 0) - (ranks[before] ?? 0);
  return delta < 0 ? { kind: 'forværret', worse: true } : { kind: delta > 0 ? 'forbedret' : 'ændret', worse: false };
}

interface ScenarioEntry {
  label: string;
  key: string;
  uri: string;
  verdict: StepVerdict;
  requirementIds: string[];
}

function scenariosOf(report: CertificationReport): Map<string, ScenarioEntry> {
  const scenarios = new Map<string, ScenarioEntry>();
  for (const requirement of report.requirements) {
    for (const scenario of requirement.scenarios) {
      const entry = scenarios.get(scenario.key) ?? { label: scenario.label, key: scenario.key, uri: scenario.uri, verdict: scenario.verdict, requirementIds: [] };
      entry.requirementIds.push(requirement.id);
      scenarios.set(scenario.key, entry);
    }
  }
  return scenarios;
}

const ORDER: Record<ChangeKind, number> = { forværret: 0, forsvundet: 1, ny: 2, ændret: 3, forbedret: 4 };

export function compareReports(previous: CertificationReport, current: CertificationReport): VerdictChange[] {
  const changes: VerdictChange[] = [];
  const before = new Map(previous.requirements.map((requirement) => [requirement.id, requirement.verdict]));
  const after = new Map(current.requirements.map((requirement) => [requirement.id, requirement.verdict]));
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const change = ranked(REQUIREMENT_RANK, before.get(id), after.get(id));
    if (change) changes.push({ ...change, subject: 'krav', requirementIds: [id], ...verdicts(before.get(id), after.get(id)) });
  }
  const earlier = scenariosOf(previous);
  const now = scenariosOf(current);
  for (const key of new Set([...earlier.keys(), ...now.keys()])) {
    const was = earlier.get(key);
    const is = now.get(key);
    const change = ranked(SCENARIO_RANK, was?.verdict, is?.verdict);
    const entry = (is ?? was) as ScenarioEntry;
    if (change) changes.push({ ...change, subject: 'scenarie', requirementIds: entry.requirementIds, scenario: { label: entry.label, key, uri: entry.uri }, ...verdicts(was?.verdict, is?.verdict) });
  }
  // Worse first; then disappeared, new, changed, better; rules before their scenarios.
  return changes
    .map((change, index) => ({ change, index }))
    .sort((a, b) => Number(b.change.worse) - Number(a.change.worse) || ORDER[a.change.kind] - ORDER[b.change.kind] || a.index - b.index)
    .map(({ change }) => change);
}

function verdicts(before: string | undefined, after: string | undefined): Pick<VerdictChange, 'before' | 'after'> {
  return { ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
}

/** One Danish line a change, e.g. "FORVÆRRET  krav DEL-03: opfyldt → ikke afprøvet". */
export function describeChange(change: VerdictChange): string {
  const what =
    change.subject === 'krav'
      ? `krav ${change.requirementIds.join(', ')}`
      : `scenarie "${change.scenario?.label ?? ''}" (${change.requirementIds.join(', ')}; ${change.scenario?.uri ?? ''})`;
  return `${change.kind.toUpperCase().padEnd(10)} ${what}: ${change.before ?? '(fandtes ikke)'} → ${change.after ?? '(findes ikke)'}`;
}

export interface Comparison {
  changes: VerdictChange[];
  worse: boolean;
  lines: string[];
}

/** Compares two reports and says so in Danish lines: a header, a line a change, a summary. */
export function compareFiles(previousFile: string, currentFile: string): Comparison {
  const previous = readReport(previousFile);
  const current = readReport(currentFile);
  const changes = compareReports(previous, current);
  const worse = changes.filter((change) => change.worse).length;
  const lines = [
    `Sammenligning med grundlinjen: ${previousFile} (kørt ${previous.context.finishedAt}, ${previous.context.lpsSystem}) → ${currentFile} (kørt ${current.context.finishedAt}, ${current.context.lpsSystem})`,
    ...changes.map(describeChange),
    changes.length === 0
      ? 'Ingen ændringer: hvert krav og hvert scenarie har samme resultat som i grundlinjen.'
      : `${changes.length} ændring${changes.length === 1 ? '' : 'er'}, heraf ${worse} forværret${worse > 0 ? ' (kørslen er dårligere end grundlinjen)' : ''}.`,
  ];
  return { changes, worse: worse > 0, lines };
}
