/** The cockpit follows a run's cucumber messages: queued, running, each step, and the scenario's outcome. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CucumberProgress } from '../../testcamp/cucumber-progress';
import type { ScenarioResult } from '../../testcamp/store';

const pickle = {
  pickle: {
    id: 'p1',
    uri: 'features/upload/nationalt-proevenummer.feature',
    name: 'Et svar uden nationalt prøvenummer modtages med en advarsel',
    location: { line: 7 },
    tags: [{ name: '@krav:LABA-03' }, { name: '@andet' }],
    steps: [
      { id: 's1', text: 'testpersonen Einer Test Lauridsen (0201609995)' },
      { id: 's2', text: 'PLSP har noteret en advarsel' },
    ],
  },
};
const testCase = { testCase: { id: 't1', pickleId: 'p1', testSteps: [{ id: 'hook' }, { id: 'ts1', pickleStepId: 's1' }, { id: 'ts2', pickleStepId: 's2' }] } };
const at = (seconds: number) => ({ seconds, nanos: 0 });

function follow(lines: object[]): { states: ScenarioResult[]; stepTimes: number[] } {
  const states: ScenarioResult[] = [];
  const stepTimes: number[] = [];
  const progress = new CucumberProgress(4, (scenario) => states.push(scenario), (ms) => stepTimes.push(ms));
  for (const line of lines) progress.line(JSON.stringify(line));
  progress.line('not json');
  return { states, stepTimes };
}

test('a scenario goes from queued to running to failed, with each step, the rule ids and a key stable across runs', () => {
  const { states, stepTimes } = follow([
    pickle,
    testCase,
    { testCaseStarted: { id: 'c1', testCaseId: 't1' } },
    { testStepFinished: { testCaseStartedId: 'c1', testStepId: 'hook', testStepResult: { status: 'PASSED' }, timestamp: at(10) } },
    { testStepFinished: { testCaseStartedId: 'c1', testStepId: 'ts1', testStepResult: { status: 'PASSED' }, timestamp: at(11) } },
    { testStepFinished: { testCaseStartedId: 'c1', testStepId: 'ts2', testStepResult: { status: 'FAILED', message: 'ingen advarsel\nstack' }, timestamp: at(12) } },
    { testCaseFinished: { testCaseStartedId: 'c1' } },
  ]);
  assert.deepEqual(states.map((state) => state.outcome), ['afventer', 'kører', 'kører', 'kører', 'fejlet']);
  const last = states.at(-1) as ScenarioResult;
  assert.equal(last.key, 'features/upload/nationalt-proevenummer.feature:7');
  assert.deepEqual(last.rules, ['LABA-03']);
  assert.equal(last.runId, 4);
  assert.equal(last.error, 'ingen advarsel');
  assert.deepEqual(last.steps.map((step) => step.status), ['PASSED', 'FAILED']);
  assert.deepEqual(stepTimes, [10_000, 11_000, 12_000]);
});

test('a passed scenario is bestået, a skipped one sprunget over, and one the run never finished afbrudt', () => {
  const passed = follow([pickle, testCase, { testCaseStarted: { id: 'c1', testCaseId: 't1' } },
    { testStepFinished: { testCaseStartedId: 'c1', testStepId: 'ts1', testStepResult: { status: 'PASSED' } } },
    { testCaseFinished: { testCaseStartedId: 'c1' } }]);
  assert.equal(passed.states.at(-1)?.outcome, 'bestået');
  const skipped = follow([pickle, testCase, { testCaseStarted: { id: 'c1', testCaseId: 't1' } },
    { testStepFinished: { testCaseStartedId: 'c1', testStepId: 'hook', testStepResult: { status: 'SKIPPED' } } },
    { testCaseFinished: { testCaseStartedId: 'c1' } }]);
  assert.equal(skipped.states.at(-1)?.outcome, 'sprunget over');

  const states: ScenarioResult[] = [];
  const progress = new CucumberProgress(1, (scenario) => states.push(scenario));
  for (const line of [pickle, testCase, { testCaseStarted: { id: 'c1', testCaseId: 't1' } }]) progress.line(JSON.stringify(line));
  progress.abandon();
  assert.equal(states.at(-1)?.outcome, 'afbrudt');
});
