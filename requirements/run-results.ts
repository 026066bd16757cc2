/**
 * Reads a cucumber run from its messages (reports/messages.ndjson): every scenario that ran, with its rule tags,
 * its outcome and, for a failure, the first error message.
 */

export type Outcome = 'passed' | 'failed' | 'skipped' | 'undefined';

export interface ScenarioRun {
  name: string;
  uri: string;
  requirementIds: string[];
  outcome: Outcome;
  error?: string;
}

export interface RunSummary {
  scenarios: ScenarioRun[];
  finishedAt?: string;
}

type Envelope = {
  pickle?: { id: string; uri: string; name: string; tags: { name: string }[] };
  testCase?: { id: string; pickleId: string };
  testCaseStarted?: { id: string; testCaseId: string };
  testStepFinished?: { testCaseStartedId: string; testStepResult: { status: string; message?: string } };
  testRunFinished?: { timestamp?: { seconds: number } };
};

/** Worst first: a scenario takes the worst status of its steps. */
export const SEVERITY: Record<string, number> = { PASSED: 0, SKIPPED: 1, PENDING: 2, UNDEFINED: 3, AMBIGUOUS: 4, UNKNOWN: 4, FAILED: 5 };
export const OUTCOME: Record<string, Outcome> = { PASSED: 'passed', SKIPPED: 'skipped', PENDING: 'undefined', UNDEFINED: 'undefined', AMBIGUOUS: 'failed', UNKNOWN: 'failed', FAILED: 'failed' };

export function readRun(ndjson: string): RunSummary {
  const pickles = new Map<string, NonNullable<Envelope['pickle']>>();
  const testCases = new Map<string, string>();
  const started = new Map<string, string>();
  const worst = new Map<string, { status: string; message?: string }>();
  let finishedAt: string | undefined;
  for (const [index, line] of ndjson.split('\n').entries()) {
    if (line.trim() === '') continue;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(line) as Envelope;
    } catch {
      throw new Error(`line ${index + 1} of the cucumber messages is not JSON`);
    }
    if (envelope.pickle) pickles.set(envelope.pickle.id, envelope.pickle);
    if (envelope.testCase) testCases.set(envelope.testCase.id, envelope.testCase.pickleId);
    if (envelope.testCaseStarted) started.set(envelope.testCaseStarted.id, envelope.testCaseStarted.testCaseId);
    if (envelope.testStepFinished) {
      const pickleId = testCases.get(started.get(envelope.testStepFinished.testCaseStartedId) ?? '');
      if (pickleId === undefined) continue;
      const result = envelope.testStepFinished.testStepResult;
      const current = worst.get(pickleId);
      if (!current || (SEVERITY[result.status] ?? 4) > (SEVERITY[current.status] ?? 4)) worst.set(pickleId, result);
    }
    if (envelope.testRunFinished?.timestamp) finishedAt = new Date(envelope.testRunFinished.timestamp.seconds * 1000).toISOString();
  }
  const scenarios = [...worst].map(([pickleId, result]): ScenarioRun => {
    const pickle = pickles.get(pickleId);
    if (!pickle) throw new Error(`the cucumber messages name a scenario ${pickleId} they do not describe`);
    const outcome = OUTCOME[result.status] ?? 'failed';
    return {
      name: pickle.name,
      uri: pickle.uri,
      requirementIds: pickle.tags.map((tag) => /^@krav:(.+)$/.exec(tag.name)?.[1]).filter((id): id is string => id !== undefined),
      outcome,
      ...(outcome === 'failed' && result.message ? { error: result.message.split('\n')[0] } : {}),
    };
  });
  return { scenarios, ...(finishedAt ? { finishedAt } : {}) };
}
