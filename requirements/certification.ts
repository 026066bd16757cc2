/**
 * The certification verdict per business rule: a rule is met when every scenario tagged with it ran and passed;
 * not met when one failed; not tried when none of its scenarios ran (e.g. a run filtered by tags, or a vendor run
 * that skips @kun-pilot scenarios). A manual attestation decides a rule no scenario tried, and is shown beside
 * the scenarios where they did run; it never overrules a failed scenario.
 */
import type { Attestation } from './attestations';
import type { Requirement } from './catalogue';
import type { ScenarioRun } from './run-results';

/** 'delvist afprøvet': every scenario that ran passed, but some of the rule's scenarios were skipped. */
export type Verdict = 'opfyldt' | 'ikke opfyldt' | 'delvist afprøvet' | 'ikke afprøvet';

export interface RequirementVerdict {
  requirement: Requirement;
  verdict: Verdict;
  scenarios: ScenarioRun[];
  attestations: Attestation[];
  /** True when the verdict rests on attestations, not on scenarios. */
  manual: boolean;
}

/**
 * The rules a failure names itself: "[DEL-02] [LABA-04] ..." at the start of its first line (the expected-message
 * check and the tester's answers write so). Undefined when it names none.
 */
export function rulesNamedBy(error: string | undefined): string[] | undefined {
  const prefix = /^(?:[\w.]*Error: )?((?:\[[A-Z]+-\d+\]\s*)+)/.exec(error ?? '');
  return prefix ? [...(prefix[1] as string).matchAll(/\[([A-Z]+-\d+)\]/g)].map((match) => match[1] as string) : undefined;
}

/**
 * How a scenario counts for one rule: a failure that names rules it carries fails only those (for its other rules it
 * proved nothing: skipped); a failure that names a rule it does not carry fails that rule too.
 */
function outcomeFor(scenario: ScenarioRun, id: string): ScenarioRun['outcome'] | undefined {
  const named = scenario.outcome === 'failed' ? rulesNamedBy(scenario.error) : undefined;
  const tagged = scenario.requirementIds.includes(id);
  if (!named) return tagged ? scenario.outcome : undefined;
  if (named.includes(id)) return 'failed';
  if (!tagged) return undefined;
  return named.some((rule) => scenario.requirementIds.includes(rule)) ? 'skipped' : 'failed';
}

/**
 * A scenario only the pilot LPS simulator can play (tagged @kun-pilot: the national chain with data a vendor's LPS is
 * not asked to produce), skipped in a vendor run. It says nothing about the vendor's LPS: it neither fails nor
 * weakens a rule's verdict, and the report shows it as "ikke relevant". A scenario a tag filter left out (no steps
 * ran) is not that: it leaves its rule untried.
 */
export function notRelevant(scenario: ScenarioRun): boolean {
  return scenario.outcome === 'skipped' && (scenario.tags ?? []).includes('@kun-pilot') && (scenario.steps?.length ?? 0) > 0;
}

function automaticVerdict(tagged: readonly ScenarioRun[]): Verdict {
  if (tagged.some((scenario) => scenario.outcome === 'failed' || scenario.outcome === 'undefined')) return 'ikke opfyldt';
  const passed = tagged.filter((scenario) => scenario.outcome === 'passed').length;
  if (passed === 0) return 'ikke afprøvet';
  return passed === tagged.length ? 'opfyldt' : 'delvist afprøvet';
}

function manualVerdict(attestations: readonly Attestation[]): Verdict {
  if (attestations.length === 0) return 'ikke afprøvet';
  return attestations.every((attestation) => attestation.result === 'opfyldt') ? 'opfyldt' : 'ikke opfyldt';
}

export function verdicts(
  requirements: readonly Requirement[],
  scenarios: readonly ScenarioRun[],
  attestations: readonly Attestation[] = [],
): RequirementVerdict[] {
  return requirements.map((requirement) => {
    const tagged = scenarios.filter((scenario) => outcomeFor(scenario, requirement.id) !== undefined);
    const attested = attestations.filter((attestation) => attestation.requirementId === requirement.id);
    const counted = tagged.filter((scenario) => !notRelevant(scenario));
    const automatic = automaticVerdict(counted.map((scenario) => ({ ...scenario, outcome: outcomeFor(scenario, requirement.id) ?? scenario.outcome })));
    const manual = automatic === 'ikke afprøvet' && attested.length > 0;
    return { requirement, verdict: manual ? manualVerdict(attested) : automatic, scenarios: tagged, attestations: attested, manual };
  });
}

/** A scenario the feature files declare: where it stands and which rules it names. */
export interface DeclaredScenario {
  uri: string;
  name: string;
  requirementIds: string[];
}

/**
 * The run's scenarios plus every declared scenario that did not run (a run filtered by tags), counted as
 * skipped, so a rule is "opfyldt" only when all of its scenarios ran and passed.
 */
export function withScenariosNotRun(ran: readonly ScenarioRun[], declared: readonly DeclaredScenario[]): ScenarioRun[] {
  const key = (scenario: { uri: string; name: string }): string => `${scenario.uri}\u0000${scenario.name}`;
  const seen = new Set(ran.map(key));
  const missing = declared.filter((scenario) => !seen.has(key(scenario))).map((scenario): ScenarioRun => ({ ...scenario, outcome: 'skipped' }));
  return [...ran, ...missing];
}
