/**
 * The state of one rule for one vendor, the cell of the test leader's matrix:
 *   kører               a scenario of the rule is queued or running in the current run
 *   venter på testeren  ... and the run waits for the tester (an open instruction or question)
 *   fejlet              a scenario of the rule failed (or the test leader judged it not met, where none ran)
 *   bestået             every scenario of the rule that ran passed
 *   attesteret          no scenario could try it, and the test leader judged it met
 *   ikke startet        nothing yet
 * As in the certification report, a judgement never overrules a scenario that ran.
 */
import { REQUIREMENTS } from '../requirements/catalogue';
import type { Judgement, Prompt, ScenarioResult } from './store';

export type CellState = 'ikke startet' | 'kører' | 'venter på testeren' | 'bestået' | 'fejlet' | 'attesteret';

export const RULE_IDS: readonly string[] = REQUIREMENTS.map((requirement) => requirement.id);

export function cellState(rule: string, scenarios: readonly ScenarioResult[], openPrompts: readonly Prompt[], judgements: readonly Judgement[]): CellState {
  const ofRule = scenarios.filter((scenario) => scenario.rules.includes(rule));
  const busy = ofRule.filter((scenario) => scenario.outcome === 'kører' || scenario.outcome === 'afventer');
  if (busy.length > 0) {
    const waiting = busy.some((scenario) => scenario.outcome === 'kører') && openPrompts.length > 0;
    return waiting ? 'venter på testeren' : 'kører';
  }
  if (ofRule.some((scenario) => scenario.outcome === 'fejlet')) return 'fejlet';
  if (ofRule.some((scenario) => scenario.outcome === 'bestået')) return 'bestået';
  const judged = judgements.find((judgement) => judgement.rule === rule && judgement.verdict !== 'kommentar');
  if (judged) return judged.verdict === 'opfyldt' ? 'attesteret' : 'fejlet';
  return 'ikke startet';
}

export function sessionCells(scenarios: readonly ScenarioResult[], openPrompts: readonly Prompt[], judgements: readonly Judgement[]): Record<string, CellState> {
  return Object.fromEntries(RULE_IDS.map((rule) => [rule, cellState(rule, scenarios, openPrompts, judgements)]));
}

/** Rules with a failed scenario: what "kør det fejlede igen" runs. */
export function failedRules(scenarios: readonly ScenarioResult[]): string[] {
  return RULE_IDS.filter((rule) => scenarios.some((scenario) => scenario.rules.includes(rule) && (scenario.outcome === 'fejlet' || scenario.outcome === 'afbrudt')));
}
