/**
 * The certification verdict per business rule: a rule is met when every scenario tagged with it ran and passed;
 * not met when one failed; not shown when none of its scenarios ran (e.g. a run filtered by tags).
 */
import type { Requirement } from './catalogue';
import type { ScenarioRun } from './run-results';

export type Verdict = 'opfyldt' | 'ikke opfyldt' | 'ikke afprøvet';

export interface RequirementVerdict {
  requirement: Requirement;
  verdict: Verdict;
  scenarios: ScenarioRun[];
}

export function verdicts(requirements: readonly Requirement[], scenarios: readonly ScenarioRun[]): RequirementVerdict[] {
  return requirements.map((requirement) => {
    const tagged = scenarios.filter((scenario) => scenario.requirementIds.includes(requirement.id));
    const verdict: Verdict =
      tagged.length === 0 || tagged.every((scenario) => scenario.outcome === 'skipped')
        ? 'ikke afprøvet'
        : tagged.every((scenario) => scenario.outcome === 'passed')
          ? 'opfyldt'
          : 'ikke opfyldt';
    return { requirement, verdict, scenarios: tagged };
  });
}
