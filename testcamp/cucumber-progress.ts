/**
 * Follows a run's cucumber messages as they are written (messages.ndjson, one envelope a line) and turns them into
 * the scenario results the cockpit shows: queued when cucumber plans the test case, running when it starts, each
 * step's status as it finishes, and the scenario's outcome (the worst of its steps, as in the certification report).
 */
import { OUTCOME, SEVERITY } from '../requirements/run-results';
import type { ScenarioOutcome, ScenarioResult, StepResult } from './store';

interface Envelope {
  pickle?: { id: string; uri: string; name: string; location?: { line: number }; tags: { name: string }[]; steps: { id: string; text: string }[] };
  testCase?: { id: string; pickleId: string; testSteps: { id: string; pickleStepId?: string }[] };
  testCaseStarted?: { id: string; testCaseId: string };
  testStepFinished?: { testCaseStartedId: string; testStepId: string; testStepResult: { status: string; message?: string }; timestamp?: { seconds: number; nanos: number } };
  testCaseFinished?: { testCaseStartedId: string };
}

const OUTCOME_IN_DANISH: Record<string, ScenarioOutcome> = { passed: 'bestået', failed: 'fejlet', skipped: 'sprunget over', undefined: 'fejlet' };

interface Tracked {
  result: ScenarioResult;
  /** Test step id -> index in result.steps (hooks have none). */
  stepIndex: Map<string, number>;
  worst?: { status: string; message?: string };
}

export class CucumberProgress {
  private readonly pickles = new Map<string, NonNullable<Envelope['pickle']>>();
  private readonly byTestCase = new Map<string, Tracked>();
  private readonly byStarted = new Map<string, Tracked>();

  constructor(
    private readonly runId: number,
    /** Called with a scenario's new state whenever it changes. */
    private readonly changed: (scenario: ScenarioResult) => void,
    /** Called with the time (ms since the epoch) at which a step finished, e.g. the step that waited for the tester. */
    private readonly stepDone: (finishedAtMs: number) => void = () => undefined,
  ) {}

  /** One line of messages.ndjson; lines that are not cucumber envelopes are ignored. */
  line(text: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(text) as Envelope;
    } catch {
      return;
    }
    if (envelope.pickle) this.pickles.set(envelope.pickle.id, envelope.pickle);
    else if (envelope.testCase) this.planned(envelope.testCase);
    else if (envelope.testCaseStarted) this.started(envelope.testCaseStarted);
    else if (envelope.testStepFinished) this.stepFinished(envelope.testStepFinished);
    else if (envelope.testCaseFinished) this.finished(envelope.testCaseFinished.testCaseStartedId);
  }

  /** Scenarios still queued or running when the run ended without finishing them. */
  abandon(): void {
    for (const tracked of this.byTestCase.values()) {
      if (tracked.result.outcome === 'afventer' || tracked.result.outcome === 'kører') this.update(tracked, { outcome: 'afbrudt' });
    }
  }

  private planned(testCase: NonNullable<Envelope['testCase']>): void {
    const pickle = this.pickles.get(testCase.pickleId);
    if (!pickle) return;
    const stepText = new Map(pickle.steps.map((step) => [step.id, step.text]));
    const stepIndex = new Map<string, number>();
    const steps: StepResult[] = [];
    for (const testStep of testCase.testSteps) {
      const text = testStep.pickleStepId === undefined ? undefined : stepText.get(testStep.pickleStepId);
      if (text === undefined) continue;
      stepIndex.set(testStep.id, steps.length);
      steps.push({ text });
    }
    const tracked: Tracked = {
      stepIndex,
      result: {
        key: `${pickle.uri}:${pickle.location?.line ?? pickle.name}`,
        name: pickle.name,
        uri: pickle.uri,
        rules: pickle.tags.map((tag) => /^@krav:(.+)$/.exec(tag.name)?.[1]).filter((id): id is string => id !== undefined),
        outcome: 'afventer',
        steps,
        runId: this.runId,
        updatedAt: new Date().toISOString(),
      },
    };
    this.byTestCase.set(testCase.id, tracked);
    this.changed(tracked.result);
  }

  private started(started: NonNullable<Envelope['testCaseStarted']>): void {
    const tracked = this.byTestCase.get(started.testCaseId);
    if (!tracked) return;
    this.byStarted.set(started.id, tracked);
    tracked.worst = undefined;
    this.update(tracked, { outcome: 'kører', steps: tracked.result.steps.map(({ text }) => ({ text })) });
  }

  private stepFinished(finished: NonNullable<Envelope['testStepFinished']>): void {
    const tracked = this.byStarted.get(finished.testCaseStartedId);
    if (!tracked) return;
    const result = finished.testStepResult;
    if (finished.timestamp) this.stepDone(finished.timestamp.seconds * 1000 + Math.floor(finished.timestamp.nanos / 1e6));
    if (!tracked.worst || (SEVERITY[result.status] ?? 4) > (SEVERITY[tracked.worst.status] ?? 4)) tracked.worst = result;
    const index = tracked.stepIndex.get(finished.testStepId);
    if (index === undefined) return;
    const steps = tracked.result.steps.map((step, at) =>
      at === index ? { text: step.text, status: result.status, ...(result.message ? { message: result.message } : {}) } : step,
    );
    this.update(tracked, { steps });
  }

  private finished(startedId: string): void {
    const tracked = this.byStarted.get(startedId);
    if (!tracked) return;
    const worst = tracked.worst ?? { status: 'PASSED' };
    const outcome = OUTCOME_IN_DANISH[OUTCOME[worst.status] ?? 'failed'] ?? 'fejlet';
    const { error: _previous, ...rest } = tracked.result;
    tracked.result = { ...rest, outcome, ...(outcome === 'fejlet' && worst.message ? { error: worst.message.split('\n')[0] ?? '' } : {}), updatedAt: new Date().toISOString() };
    this.changed(tracked.result);
  }

  private update(tracked: Tracked, change: Partial<ScenarioResult>): void {
    tracked.result = { ...tracked.result, ...change, updatedAt: new Date().toISOString() };
    this.changed(tracked.result);
  }
}
