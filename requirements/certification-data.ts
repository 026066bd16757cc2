/**
 * The certification report as data: the shape of reports/certificering.json (documented in docs/certificering.md),
 * built from the verdicts per rule and the run's scenarios, steps and evidence files. The HTML report and
 * `lokalsvar sammenlign` read this shape; change REPORT_FORMAT when it changes incompatibly.
 */
import type { Attestation } from './attestations';
import type { TesterAttestation } from './tester-attestation';
import { notRelevant, type RequirementVerdict, type Verdict } from './certification';
import { expectedAndActual } from './expected-actual';
import type { RunAttachment, ScenarioRun, StepAction, StepRun } from './run-results';

export const REPORT_FORMAT = 'lokalsvar-certificering/1';

export interface ReportContext {
  /** Where the systems ran: local / containers / remote. */
  environment: string;
  /** LPS system(s) that sent, e.g. Pilot-LPS. */
  lpsSystem: string;
  /** When the run finished (ISO). */
  finishedAt: string;
  /** Platform version: git commit or package version (in a combined report of mixed versions: all of them). */
  platformVersion: string;
  /** In a report that combines several runs: each platform version its results come from, with those runs. */
  platformVersions?: PlatformVersionRuns[];
  /** In a report that combines several runs: true when they ran on more than one platform version (or one is unknown). */
  mixedPlatformVersions?: boolean;
}

export interface PlatformVersionRuns {
  /** Git commit or package version; "ukendt" when the run did not record it. */
  version: string;
  /** The runs on it, e.g. "kørsel 3". */
  runs: string[];
}

/** In a combined report: a result of a scenario the current feature files no longer declare; it counts for no rule. */
export interface RetiredScenario {
  key: string;
  label: string;
  uri: string;
  verdict: StepVerdict;
  error?: string;
  source?: string;
}

/** A step's or scenario's verdict, as in MedCom's test protocols. */
export type StepVerdict = 'bestået' | 'fejlet' | 'ikke afprøvet' | 'attesteret' | 'ikke relevant';

/** One evidence file, beside the report (and in evidens.zip) at `path`. */
export interface EvidenceFile {
  /** What it is, e.g. "besked-ENV123.xml", "sundhedsjournal-1.png". */
  name: string;
  /** Relative to the report's folder, with forward slashes: evidens/003-.../01-besked-ENV123.xml */
  path: string;
  mediaType: string;
  bytes: number;
  sha256: string;
}

/** keyword, text, hook, dataTable?, docString?, arguments: see StepAction in run-results.ts. */
export interface StepReport extends StepAction {
  verdict: StepVerdict;
  durationMs: number;
  /** For a failed step: what it expected and what it found, when the error message says. */
  expected?: string;
  actual?: string;
  /** The whole error message of a failed step. */
  error?: string;
  evidence: EvidenceFile[];
}

export interface ScenarioReport {
  /** Stable across runs: feature file, scenario name and, for an outline, its example row. */
  key: string;
  name: string;
  /** The name plus the example row's data: what tells an outline's examples apart. */
  label: string;
  uri: string;
  line?: number;
  /** The example row of an outline, column by column. */
  example?: Record<string, string>;
  tags: string[];
  verdict: StepVerdict;
  durationMs: number;
  /** The scenario's test data: its example row and what the scenario recorded (test person, results ...). */
  testData: Record<string, string>;
  /** First line of the first failure. */
  error?: string;
  steps: StepReport[];
  /** Every evidence file of the scenario, its steps' included. */
  evidence: EvidenceFile[];
  /** The tester's answers to the run's questions in this scenario (vendor mode): who answered what, and when. */
  attested?: TesterAttestation[];
  /** In a report that combines several runs: the run this scenario's result comes from. */
  source?: string;
}

export interface RequirementReport {
  id: string;
  title: string;
  source: string;
  verdict: Verdict;
  /** True when the verdict rests on manual attestations, not on scenarios. */
  manual: boolean;
  attestations: Attestation[];
  scenarios: ScenarioReport[];
  /** In a report that combines several runs: the runs the verdict's scenarios come from, each once. */
  sources?: string[];
}

export interface CertificationReport {
  format: typeof REPORT_FORMAT;
  context: ReportContext;
  /** The counts in one Danish line, e.g. "14 af 15 krav opfyldt, 1 ikke opfyldt, 0 ikke afprøvet". */
  summary: string;
  requirements: RequirementReport[];
  /**
   * In a combined report: results of scenarios that are no longer in the feature files (removed, renamed, or an
   * outline's example row that changed), listed so nothing silently vanishes; they count for no rule.
   */
  notInRequirements?: RetiredScenario[];
}

/** The file name the World's evidence hook gives the scenario's test data (steps/support/scenario-evidence.ts). */
export const TEST_DATA_FILE = 'testdata.json';

export function scenarioLabel(scenario: Pick<ScenarioRun, 'name' | 'example'>): string {
  if (!scenario.example) return scenario.name;
  return `${scenario.name} (${Object.entries(scenario.example).map(([column, value]) => `${column}: ${value || '–'}`).join(', ')})`;
}

export function scenarioKey(scenario: Pick<ScenarioRun, 'uri' | 'name' | 'example'>): string {
  return `${scenario.uri} › ${scenario.name}${scenario.example ? ` [${Object.values(scenario.example).join(' | ')}]` : ''}`;
}

function stepVerdict(step: StepRun): StepVerdict {
  if (step.outcome === 'passed') return 'bestået';
  return step.outcome === 'skipped' ? 'ikke afprøvet' : 'fejlet';
}

function scenarioVerdict(scenario: ScenarioRun, attested: boolean): StepVerdict {
  // Passed on the tester's word (vendor mode: a question answered ja) rather than on what the wire showed alone.
  if (scenario.outcome === 'passed') return (scenario.attested?.length ?? 0) > 0 ? 'attesteret' : 'bestået';
  if (scenario.outcome !== 'skipped') return 'fejlet';
  if (attested) return 'attesteret';
  return notRelevant(scenario) ? 'ikke relevant' : 'ikke afprøvet';
}

function testDataOf(scenario: ScenarioRun): Record<string, string> {
  const data: Record<string, string> = { ...scenario.example };
  for (const attachment of scenario.steps?.flatMap((step) => step.attachments) ?? []) {
    if (attachment.fileName !== TEST_DATA_FILE || attachment.contentEncoding !== 'IDENTITY') continue;
    try {
      for (const [field, value] of Object.entries(JSON.parse(attachment.body) as Record<string, unknown>)) data[field] = String(value);
    } catch {
      // Not the hook's JSON: the file is still in the evidence.
    }
  }
  return data;
}

export type EvidenceIndex = ReadonlyMap<RunAttachment, EvidenceFile>;

function stepReport(step: StepRun, evidence: EvidenceIndex): StepReport {
  const failed = step.outcome === 'failed' || step.outcome === 'undefined';
  const comparison = failed && step.error ? expectedAndActual(step.error) : undefined;
  return {
    keyword: step.keyword,
    text: step.text,
    hook: step.hook,
    ...(step.dataTable ? { dataTable: step.dataTable } : {}),
    ...(step.docString !== undefined ? { docString: step.docString } : {}),
    arguments: step.arguments,
    verdict: stepVerdict(step),
    durationMs: step.durationMs,
    ...(comparison?.expected !== undefined ? { expected: comparison.expected } : {}),
    ...(comparison ? { actual: comparison.actual } : failed ? { actual: `trinnet er ikke defineret (${step.status})` } : {}),
    ...(step.error ? { error: step.error } : {}),
    evidence: step.attachments.map((attachment) => evidence.get(attachment)).filter((file): file is EvidenceFile => file !== undefined),
  };
}

export function scenarioReport(scenario: ScenarioRun, evidence: EvidenceIndex, attested = false): ScenarioReport {
  const steps = (scenario.steps ?? []).map((step) => stepReport(step, evidence));
  return {
    key: scenarioKey(scenario),
    name: scenario.name,
    label: scenarioLabel(scenario),
    uri: scenario.uri,
    ...(scenario.line !== undefined ? { line: scenario.line } : {}),
    ...(scenario.example ? { example: scenario.example } : {}),
    tags: scenario.tags ?? [],
    verdict: scenarioVerdict(scenario, attested),
    durationMs: scenario.durationMs ?? 0,
    testData: testDataOf(scenario),
    ...(scenario.error ? { error: scenario.error } : {}),
    steps,
    evidence: steps.flatMap((step) => step.evidence),
    ...(scenario.attested ? { attested: scenario.attested } : {}),
    ...(scenario.source ? { source: scenario.source } : {}),
  };
}

/** The runs a rule's verdict rests on, in a report that combines several: its scenarios' sources, each once. */
export function sourcesOf(scenarios: readonly Pick<ScenarioRun, 'source'>[]): string[] {
  return [...new Set(scenarios.map((scenario) => scenario.source).filter((source): source is string => source !== undefined))];
}

export function retiredScenario(scenario: ScenarioRun): RetiredScenario {
  const { key, label, uri, verdict, error, source } = scenarioReport(scenario, new Map());
  return { key, label, uri, verdict, ...(error ? { error } : {}), ...(source ? { source } : {}) };
}

export function certificationReport(
  verdicts: readonly RequirementVerdict[],
  context: ReportContext,
  summary: string,
  evidence: EvidenceIndex,
  retired: readonly ScenarioRun[] = [],
): CertificationReport {
  return {
    format: REPORT_FORMAT,
    context,
    summary,
    requirements: verdicts.map((entry) => ({
      id: entry.requirement.id,
      title: entry.requirement.title,
      source: entry.requirement.source,
      verdict: entry.verdict,
      manual: entry.manual,
      attestations: entry.attestations,
      scenarios: entry.scenarios.map((scenario) => scenarioReport(scenario, evidence, entry.manual)),
      ...(sourcesOf(entry.scenarios).length > 0 ? { sources: sourcesOf(entry.scenarios) } : {}),
    })),
    ...(retired.length > 0 ? { notInRequirements: retired.map(retiredScenario) } : {}),
  };
}
