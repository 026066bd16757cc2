/** A vendor-mode run with the robot tester, turned into the certification verdict per rule, as the report gives it. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REQUIREMENTS } from '../../requirements/catalogue';
import { verdicts, withScenariosNotRun, type RequirementVerdict } from '../../requirements/certification';
import { readRun } from '../../requirements/run-results';
import { featureFiles, scenariosOf } from '../../requirements/scenario-tags';
import { runAsVendor, type AnswerQuestion, type Respond, type RobotRun } from './robot-tester';

const ROOT = path.resolve(__dirname, '../..');

export interface CertifiedRun extends RobotRun {
  verdicts: RequirementVerdict[];
  /** Rule id -> verdict. */
  byRule: Record<string, string>;
}

/** Runs the scenarios with the tags in vendor mode and certifies the run (a run filtered by tags leaves the rest not tried). */
export async function certifyAsVendor(tags: string, system: string, respond: Respond, answer?: AnswerQuestion, timeoutSeconds = 20): Promise<CertifiedRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-certify-'));
  try {
    const messages = path.join(dir, 'messages.ndjson');
    const run = await runAsVendor(tags, system, timeoutSeconds, respond, answer, {}, messages);
    const declared = featureFiles(path.join(ROOT, 'features'))
      .flatMap(scenariosOf)
      .map((scenario) => ({ uri: path.relative(ROOT, scenario.file), name: scenario.name, requirementIds: scenario.requirementIds }));
    const result = verdicts(REQUIREMENTS, withScenariosNotRun(readRun(readFileSync(messages, 'utf8')).scenarios, declared));
    return { ...run, verdicts: result, byRule: Object.fromEntries(result.map((verdict) => [verdict.requirement.id, verdict.verdict])) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
