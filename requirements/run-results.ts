/**
 * Reads a cucumber run from its messages (reports/messages.ndjson): every scenario that ran, with its rule tags,
 * its outcome, its example row (outlines), and step by step what was done, with which data, how it went, how long
 * it took and what it attached, and the tester's attested answers (vendor mode).
 */
import { ATTESTATION_MEDIA_TYPE, type TesterAttestation } from './tester-attestation';

export type Outcome = 'passed' | 'failed' | 'skipped' | 'undefined';

/** Something a step or hook attached (this.attach): the body as cucumber wrote it. */
export interface RunAttachment {
  mediaType: string;
  fileName?: string;
  /** 'BASE64' for binary bodies (screenshots), 'IDENTITY' for text. */
  contentEncoding: string;
  body: string;
}

/** What a step did, as the feature file says it: shared by the run's steps and the report's (certification-data.ts). */
export interface StepAction {
  /** Gherkin keyword as written ("Givet ", "Når ", "Så ", "Og "); a hook has "Hook". */
  keyword: string;
  /** The step text in Danish; for a hook, its name or "Før scenariet" / "Efter scenariet". */
  text: string;
  hook: boolean;
  /** The step's data table or docstring. */
  dataTable?: string[][];
  docString?: string;
  /** The values its step definition took from the text (test person, analysis, value ...). */
  arguments: string[];
}

export interface StepRun extends StepAction {
  outcome: Outcome;
  /** The cucumber status, e.g. PASSED, FAILED, SKIPPED, UNDEFINED, AMBIGUOUS, PENDING. */
  status: string;
  durationMs: number;
  /** The whole error message of a failed step. */
  error?: string;
  attachments: RunAttachment[];
}

export interface ScenarioRun {
  name: string;
  uri: string;
  requirementIds: string[];
  outcome: Outcome;
  /** First line of the first failure. */
  error?: string;
  /** Line of the scenario (or of its example row) in the feature file. */
  line?: number;
  /** The example row of a scenario outline, column by column. */
  example?: Record<string, string>;
  tags?: string[];
  durationMs?: number;
  /** Steps and the hooks that failed or attached something, in run order. */
  steps?: StepRun[];
  /** The tester's answers in this scenario (vendor mode), as attached by the tester channel. */
  attested?: TesterAttestation[];
  /** Which run the result comes from, when a report combines several (the test camp's per-vendor report): "kørsel 2 (…)". */
  source?: string;
  /** True when the run ended (was stopped) before every step and hook of the scenario had a result. */
  unfinished?: boolean;
}

export interface RunSummary {
  scenarios: ScenarioRun[];
  finishedAt?: string;
}

interface Duration {
  seconds: number;
  nanos: number;
}
interface GherkinStep {
  id: string;
  keyword: string;
}
interface TableRow {
  id: string;
  location: { line: number };
  cells: { value: string }[];
}
interface GherkinScenario {
  id: string;
  location: { line: number };
  steps: GherkinStep[];
  examples: { tableHeader?: TableRow; tableBody: TableRow[] }[];
}
interface GherkinChild {
  scenario?: GherkinScenario;
  background?: { steps: GherkinStep[] };
  rule?: { children: GherkinChild[] };
}
interface PickleStep {
  id: string;
  text: string;
  astNodeIds: string[];
  argument?: { docString?: { content: string }; dataTable?: { rows: { cells: { value: string }[] }[] } };
}
interface Pickle {
  id: string;
  uri: string;
  name: string;
  astNodeIds?: string[];
  tags: { name: string }[];
  steps?: PickleStep[];
}
interface TestStep {
  id: string;
  pickleStepId?: string;
  hookId?: string;
  stepMatchArgumentsLists?: { stepMatchArguments: { group: { value?: string } }[] }[];
}
interface StepResult {
  status: string;
  message?: string;
  duration?: Duration;
}
type Envelope = {
  gherkinDocument?: { feature?: { children: GherkinChild[] } };
  pickle?: Pickle;
  hook?: { id: string; name?: string };
  testCase?: { id: string; pickleId: string; testSteps?: TestStep[] };
  testCaseStarted?: { id: string; testCaseId: string };
  testStepFinished?: { testCaseStartedId: string; testStepId?: string; testStepResult: StepResult };
  attachment?: RunAttachment & { testCaseStartedId?: string; testStepId?: string };
  testRunFinished?: { timestamp?: { seconds: number } };
};

/** Worst first: a scenario takes the worst status of its steps. */
export const SEVERITY: Record<string, number> = { PASSED: 0, SKIPPED: 1, PENDING: 2, UNDEFINED: 3, AMBIGUOUS: 4, UNKNOWN: 4, FAILED: 5 };
export const OUTCOME: Record<string, Outcome> = { PASSED: 'passed', SKIPPED: 'skipped', PENDING: 'undefined', UNDEFINED: 'undefined', AMBIGUOUS: 'failed', UNKNOWN: 'failed', FAILED: 'failed' };
const KRAV = /^@krav:(.+)$/;

function millis(duration: Duration | undefined): number {
  return duration ? duration.seconds * 1000 + Math.round(duration.nanos / 1e6) : 0;
}

/** What the feature files say about their AST nodes: step keywords, scenario lines, example rows with their header. */
class GherkinIndex {
  readonly keywords = new Map<string, string>();
  readonly lines = new Map<string, number>();
  readonly rows = new Map<string, { header: string[]; cells: string[]; line: number }>();

  add(children: readonly GherkinChild[]): void {
    for (const child of children) {
      for (const step of child.background?.steps ?? []) this.keywords.set(step.id, step.keyword);
      if (child.scenario) {
        this.lines.set(child.scenario.id, child.scenario.location.line);
        for (const step of child.scenario.steps) this.keywords.set(step.id, step.keyword);
        for (const examples of child.scenario.examples) {
          const header = examples.tableHeader?.cells.map((cell) => cell.value) ?? [];
          for (const row of examples.tableBody) this.rows.set(row.id, { header, cells: row.cells.map((cell) => cell.value), line: row.location.line });
        }
      }
      if (child.rule) this.add(child.rule.children);
    }
  }
}

interface CaseRecord {
  pickle: Pickle;
  testSteps: TestStep[];
  startedId?: string;
}

export function readRun(ndjson: string): RunSummary {
  const gherkin = new GherkinIndex();
  const pickles = new Map<string, Pickle>();
  const hooks = new Map<string, string>();
  const cases = new Map<string, CaseRecord>();
  /** testCaseStarted id → testCase id; a retried case keeps its last attempt. */
  const started = new Map<string, string>();
  const results = new Map<string, Map<string, StepResult>>();
  const attachments = new Map<string, Map<string, RunAttachment[]>>();
  let finishedAt: string | undefined;
  for (const [index, line] of ndjson.split('\n').entries()) {
    if (line.trim() === '') continue;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(line) as Envelope;
    } catch {
      throw new Error(`line ${index + 1} of the cucumber messages is not JSON`);
    }
    if (envelope.gherkinDocument?.feature) gherkin.add(envelope.gherkinDocument.feature.children);
    if (envelope.pickle) pickles.set(envelope.pickle.id, envelope.pickle);
    if (envelope.hook) hooks.set(envelope.hook.id, envelope.hook.name ?? '');
    if (envelope.testCase) {
      const pickle = pickles.get(envelope.testCase.pickleId);
      if (!pickle) throw new Error(`the cucumber messages name a scenario ${envelope.testCase.pickleId} they do not describe`);
      cases.set(envelope.testCase.id, { pickle, testSteps: envelope.testCase.testSteps ?? [] });
    }
    if (envelope.testCaseStarted) {
      const record = cases.get(envelope.testCaseStarted.testCaseId);
      if (record) {
        record.startedId = envelope.testCaseStarted.id;
        started.set(envelope.testCaseStarted.id, envelope.testCaseStarted.testCaseId);
        results.set(envelope.testCaseStarted.id, new Map());
        attachments.set(envelope.testCaseStarted.id, new Map());
      }
    }
    const finished = envelope.testStepFinished;
    if (finished && started.has(finished.testCaseStartedId)) {
      results.get(finished.testCaseStartedId)?.set(finished.testStepId ?? `#${results.get(finished.testCaseStartedId)?.size ?? 0}`, finished.testStepResult);
    }
    const attachment = envelope.attachment;
    if (attachment?.testCaseStartedId && started.has(attachment.testCaseStartedId)) {
      const perStep = attachments.get(attachment.testCaseStartedId) as Map<string, RunAttachment[]>;
      const key = attachment.testStepId ?? '';
      const { mediaType, fileName, contentEncoding, body } = attachment;
      perStep.set(key, [...(perStep.get(key) ?? []), { mediaType, contentEncoding, body, ...(fileName ? { fileName } : {}) }]);
    }
    if (envelope.testRunFinished?.timestamp) finishedAt = new Date(envelope.testRunFinished.timestamp.seconds * 1000).toISOString();
  }
  const scenarios: ScenarioRun[] = [];
  for (const record of cases.values()) {
    if (!record.startedId) continue;
    const stepResults = results.get(record.startedId) as Map<string, StepResult>;
    if (stepResults.size === 0) continue;
    const stepAttachments = attachments.get(record.startedId) as Map<string, RunAttachment[]>;
    const scenario = scenarioOf(record, stepResults, stepAttachments, gherkin, hooks);
    const unfinished = record.testSteps.some((step) => !stepResults.has(step.id));
    scenarios.push(unfinished ? { ...scenario, unfinished } : scenario);
  }
  return { scenarios, ...(finishedAt ? { finishedAt } : {}) };
}

function scenarioOf(
  record: CaseRecord,
  stepResults: Map<string, StepResult>,
  stepAttachments: Map<string, RunAttachment[]>,
  gherkin: GherkinIndex,
  hooks: Map<string, string>,
): ScenarioRun {
  const { pickle } = record;
  const pickleSteps = new Map((pickle.steps ?? []).map((step) => [step.id, step]));
  const steps: StepRun[] = [];
  let worst: StepResult | undefined;
  let firstFailure: string | undefined;
  let seenPickleStep = false;
  // A stream whose test cases list no steps: its results, in order, stand for the steps.
  const testSteps = record.testSteps.length > 0 ? record.testSteps : [...stepResults.keys()].map((id): TestStep => ({ id }));
  testSteps.forEach((testStep) => {
    const result = stepResults.get(testStep.id);
    if (!result) return;
    if (!worst || (SEVERITY[result.status] ?? 4) > (SEVERITY[worst.status] ?? 4)) worst = result;
    const outcome = OUTCOME[result.status] ?? 'failed';
    if (outcome === 'failed' && firstFailure === undefined && result.message) firstFailure = result.message.split('\n')[0];
    const attached = stepAttachments.get(testStep.id) ?? [];
    const pickleStep = testStep.pickleStepId ? pickleSteps.get(testStep.pickleStepId) : undefined;
    if (pickleStep) seenPickleStep = true;
    // A hook is worth a line only when it failed or attached evidence.
    if (!pickleStep && outcome !== 'failed' && attached.length === 0) return;
    const base = {
      outcome,
      status: result.status,
      durationMs: millis(result.duration),
      ...(outcome === 'failed' && result.message ? { error: result.message } : {}),
      attachments: attached,
    };
    if (pickleStep) {
      const table = pickleStep.argument?.dataTable?.rows.map((row) => row.cells.map((cell) => cell.value));
      steps.push({
        keyword: pickleStep.astNodeIds.map((id) => gherkin.keywords.get(id)).find((keyword) => keyword !== undefined) ?? '',
        text: pickleStep.text,
        hook: false,
        ...(table ? { dataTable: table } : {}),
        ...(pickleStep.argument?.docString ? { docString: pickleStep.argument.docString.content } : {}),
        arguments: (testStep.stepMatchArgumentsLists?.[0]?.stepMatchArguments ?? []).map((argument) => (argument.group.value ?? '').trim()).filter((value) => value !== ''),
        ...base,
      });
    } else {
      const name = (testStep.hookId && hooks.get(testStep.hookId)) || (seenPickleStep ? 'Efter scenariet' : 'Før scenariet');
      steps.push({ keyword: 'Hook', text: name, hook: true, arguments: [], ...base });
    }
  });
  // Attachments cucumber could not tie to a step of this case.
  const known = new Set(testSteps.map((step) => step.id));
  const loose = [...stepAttachments].filter(([stepId]) => !known.has(stepId)).flatMap(([, list]) => list);
  if (loose.length > 0) steps.push({ keyword: 'Hook', text: 'Efter scenariet', hook: true, arguments: [], outcome: 'passed', status: 'PASSED', durationMs: 0, attachments: loose });
  const row = (pickle.astNodeIds ?? []).map((id) => gherkin.rows.get(id)).find((found) => found !== undefined);
  const example = row ? Object.fromEntries(row.header.map((column, index) => [column, row.cells[index] ?? ''])) : undefined;
  const line = row?.line ?? (pickle.astNodeIds ?? []).map((id) => gherkin.lines.get(id)).find((found) => found !== undefined);
  const outcome = OUTCOME[worst?.status ?? 'SKIPPED'] ?? 'failed';
  const attested = [...stepAttachments.values()]
    .flat()
    .filter((attachment) => attachment.mediaType === ATTESTATION_MEDIA_TYPE)
    .map((attachment) => JSON.parse(attachment.contentEncoding === 'BASE64' ? Buffer.from(attachment.body, 'base64').toString('utf8') : attachment.body) as TesterAttestation);
  return {
    name: pickle.name,
    uri: pickle.uri,
    requirementIds: pickle.tags.map((tag) => KRAV.exec(tag.name)?.[1]).filter((id): id is string => id !== undefined),
    outcome,
    ...(outcome === 'failed' && firstFailure ? { error: firstFailure } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(example ? { example } : {}),
    tags: pickle.tags.map((tag) => tag.name),
    durationMs: [...stepResults.values()].reduce((sum, result) => sum + millis(result.duration), 0),
    steps,
    ...(attested.length > 0 ? { attested } : {}),
  };
}
