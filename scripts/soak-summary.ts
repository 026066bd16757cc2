/** What a soak (the suite run N times, scripts/soak.ts) found: every scenario that was not green in every run. */
import type { Outcome, RunSummary } from '../requirements/run-results';

export interface UnsteadyScenario {
  /** feature file:line, and the scenario's name. */
  where: string;
  name: string;
  /** Its outcome in each run, in run order; 'missing' when that run did not have it. */
  outcomes: (Outcome | 'missing')[];
}

function keyOf(scenario: RunSummary['scenarios'][number]): string {
  return `${scenario.uri}:${scenario.line ?? '?'}`;
}

/** Every scenario that did not pass in every run, in the order the runs first met them. */
export function unsteadyScenarios(runs: readonly RunSummary[]): UnsteadyScenario[] {
  const seen = new Map<string, { name: string; outcomes: (Outcome | 'missing')[] }>();
  runs.forEach((run, index) => {
    for (const scenario of run.scenarios) {
      const key = keyOf(scenario);
      const entry = seen.get(key) ?? { name: scenario.name, outcomes: Array<Outcome | 'missing'>(runs.length).fill('missing') };
      entry.outcomes[index] = scenario.outcome;
      seen.set(key, entry);
    }
  });
  return [...seen]
    .filter(([, entry]) => entry.outcomes.some((outcome) => outcome !== 'passed'))
    .map(([where, entry]) => ({ where, name: entry.name, outcomes: entry.outcomes }));
}

/** The soak's report, one line per unsteady scenario: where, name, and how each run went. */
export function soakReport(runs: readonly RunSummary[]): string {
  const unsteady = unsteadyScenarios(runs);
  const total = new Set(runs.flatMap((run) => run.scenarios.map(keyOf))).size;
  if (unsteady.length === 0) return `Soak: ${runs.length} runs, all ${total} scenarios passed every time.`;
  const lines = unsteady.map((scenario) => {
    const passed = scenario.outcomes.filter((outcome) => outcome === 'passed').length;
    return `  ${scenario.where}  ${scenario.name}  (passed ${passed} of ${runs.length}: ${scenario.outcomes.join(', ')})`;
  });
  return [`Soak: ${runs.length} runs; ${unsteady.length} of ${total} scenarios were not green every time:`, ...lines].join('\n');
}
