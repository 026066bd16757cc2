/**
 * Which scenarios may run at the same time when cucumber runs them in parallel (`--parallel N`, one shared
 * environment). Two rules keep every scenario's verdict its own:
 *
 * * A scenario tagged @alene changes or reads state that every scenario shares (PLSP's counters, "del alle nye svar"
 *   in the pilot LPS): it runs with no other scenario running, and no scenario starts while it runs. (A fault in
 *   front of a databank is not such state: it hits only the uploads about the scenario's own test person,
 *   steps/drivers/databank-proxy.ts.) The steps that touch such state refuse to run in a scenario without the tag
 *   (requireRunningAlone below), so a forgotten tag fails at once, in serial runs too.
 * * Two scenarios that name the same test person (a CPR number anywhere in their steps or tables) never run at the
 *   same time: what LABA, MiBa, the portal and Sundhedsjournalen hold is read per person. A scenario that names no
 *   CPR number runs alone.
 *
 * Scenarios still run one after another within a worker, and in any order across workers, as in a serial run where
 * earlier scenarios and earlier runs (a --data databank) have left results behind: no check may depend on order.
 */

/** The part of a cucumber pickle the rules read (structurally compatible with @cucumber/messages' Pickle). */
export interface ScenarioOutline {
  name: string;
  tags: readonly { name: string }[];
  steps: readonly { text: string; argument?: { dataTable?: { rows: readonly { cells: readonly { value: string }[] }[] }; docString?: { content: string } } }[];
}

/** The tag of a scenario that must run with no other scenario running. */
export const RUN_ALONE_TAG = '@alene';

const CPR = /(?<!\d)\d{6}-?\d{4}(?!\d)/g;

/** The CPR numbers a scenario names, in its step texts, tables and doc strings (without a hyphen). */
export function personsOf(scenario: ScenarioOutline): Set<string> {
  const texts = scenario.steps.flatMap((step) => [
    step.text,
    ...(step.argument?.dataTable?.rows.flatMap((row) => row.cells.map((cell) => cell.value)) ?? []),
    ...(step.argument?.docString ? [step.argument.docString.content] : []),
  ]);
  return new Set(texts.flatMap((text) => [...text.matchAll(CPR)].map((match) => match[0].replace('-', ''))));
}

function runsAlone(scenario: ScenarioOutline): boolean {
  return scenario.tags.some((tag) => tag.name === RUN_ALONE_TAG) || personsOf(scenario).size === 0;
}

/** Whether scenario may start while the running ones run (cucumber's setParallelCanAssign). */
export function mayRunAlongside(scenario: ScenarioOutline, running: readonly ScenarioOutline[]): boolean {
  if (running.length === 0) return true;
  if (runsAlone(scenario) || running.some(runsAlone)) return false;
  const persons = personsOf(scenario);
  return !running.some((other) => [...personsOf(other)].some((cpr) => persons.has(cpr)));
}

/**
 * Thrown by a step that touches state every scenario shares, when its scenario is not tagged @alene: in a parallel
 * run another scenario could change what it reads, or see what it changes.
 */
export function requireRunningAlone(tags: readonly string[], what: string): void {
  if (tags.includes(RUN_ALONE_TAG)) return;
  throw new Error(
    `This step ${what}, which every scenario running at the same time shares: tag the scenario ${RUN_ALONE_TAG} ` +
      `(run/parallel-rules.ts), so that a parallel run (--parallel) runs it with no other scenario`,
  );
}
