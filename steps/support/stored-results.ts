/**
 * The scenario's results as the databanks hold them: which databank takes a result (LABA for XRPT01, MiBa for
 * XRPT05), and every version of it stored there. The one home for looking a scenario's result up in a databank.
 */
import { DATABANK_LETTER, DATABANKS, type DatabankName, type StoredResult } from '../../contracts/databank';
import type { DatabankDriver } from '../drivers/databank';
import { requisitionOf } from '../drivers/lps';
import type { LokalsvarWorld, ScenarioResult } from '../world';

/** The databank by the name a step gives ("LABA", "MiBa"); a clear error for any other name. */
export function databankNamed(world: LokalsvarWorld, name: string): DatabankDriver {
  if (name === 'LABA') return world.laba;
  if (name === 'MiBa') return world.miba;
  throw new Error(`"${name}" er ikke en databank: skriv ${DATABANKS.join(' eller ')}`);
}

/** The databank that takes a result of the analysis: LABA for an XRPT01 result, MiBa for an XRPT05 one. */
export function databankNameFor(letterType: 'XRPT01' | 'XRPT05'): DatabankName {
  const found = DATABANKS.find((name) => DATABANK_LETTER[name] === letterType);
  if (!found) throw new Error(`No databank takes ${letterType} letters (contracts/databank.ts DATABANK_LETTER)`);
  return found;
}

/** The scenario's result by its name in the scenario: an analysis ("CRP", "Strep A") or a key of its own ("CRP fra Lægerne Syd"). */
export function scenarioResult(world: LokalsvarWorld, name: string): ScenarioResult {
  return world.results.get(name) ?? world.result(name);
}

/** Of a databank's stored results, the versions of the result (same requisition and analysis code), oldest first. */
export function versionsIn(stored: readonly StoredResult[], result: Pick<ScenarioResult, 'analysis' | 'registered'>): StoredResult[] {
  const requisition = requisitionOf(result.registered);
  return stored
    .filter((entry) => entry.record.requisitionId === requisition && entry.record.analysisCode === result.analysis.code)
    .sort((a, b) => a.version - b.version);
}

/** Every version of the scenario's result that the databank stored for the test person, oldest first. */
export async function storedVersions(world: LokalsvarWorld, databank: DatabankDriver, name: string): Promise<StoredResult[]> {
  return versionsIn(await databank.results(world.testPerson().cpr), scenarioResult(world, name));
}
