/** The soak's verdict: a scenario that failed, was skipped or was missing in any run is listed with each run's outcome. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Outcome, RunSummary } from '../../requirements/run-results';
import { soakReport, unsteadyScenarios } from '../../scripts/soak-summary';

function run(...scenarios: [string, number, Outcome][]): RunSummary {
  return { scenarios: scenarios.map(([name, line, outcome]) => ({ name, uri: 'features/a.feature', line, requirementIds: [], outcome })) };
}

test('lists only the scenarios that were not green every time, with how each run went', () => {
  const runs = [
    run(['stabil', 3, 'passed'], ['ustabil', 9, 'passed'], ['kun i første', 20, 'passed']),
    run(['stabil', 3, 'passed'], ['ustabil', 9, 'failed']),
    run(['stabil', 3, 'passed'], ['ustabil', 9, 'passed'], ['kun i første', 20, 'passed']),
  ];
  assert.deepEqual(unsteadyScenarios(runs), [
    { where: 'features/a.feature:9', name: 'ustabil', outcomes: ['passed', 'failed', 'passed'] },
    { where: 'features/a.feature:20', name: 'kun i første', outcomes: ['passed', 'missing', 'passed'] },
  ]);
  const report = soakReport(runs);
  assert.match(report, /3 runs; 2 of 3 scenarios were not green every time/);
  assert.match(report, /features\/a\.feature:9 {2}ustabil {2}\(passed 2 of 3: passed, failed, passed\)/);
  assert.doesNotMatch(report, /:3 {2}stabil/);
});

test('says so when every scenario passed every time', () => {
  const runs = [run(['stabil', 3, 'passed']), run(['stabil', 3, 'passed'])];
  assert.deepEqual(unsteadyScenarios(runs), []);
  assert.equal(soakReport(runs), 'Soak: 2 runs, all 1 scenarios passed every time.');
});

test('an example row of an outline is its own scenario (by line), and a skipped one is not green', () => {
  const runs = [run(['disposition', 12, 'passed'], ['disposition', 13, 'skipped']), run(['disposition', 12, 'passed'], ['disposition', 13, 'passed'])];
  assert.deepEqual(
    unsteadyScenarios(runs).map((scenario) => scenario.where),
    ['features/a.feature:13'],
  );
});
