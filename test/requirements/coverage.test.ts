import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { requirementIds } from '../../requirements/catalogue';
import { featureFiles, scenariosOf } from '../../requirements/scenario-tags';

const scenarios = featureFiles(path.resolve(__dirname, '../../features')).flatMap(scenariosOf);

test('every scenario names at least one rule of the catalogue', () => {
  const untagged = scenarios.filter((scenario) => scenario.requirementIds.length === 0);
  assert.deepEqual(untagged.map((scenario) => `${scenario.file}:${scenario.line} ${scenario.name}`), []);
});

test('no scenario names a rule that is not in the catalogue', () => {
  const known = new Set(requirementIds());
  const unknown = scenarios.flatMap((scenario) =>
    scenario.requirementIds.filter((id) => !known.has(id)).map((id) => `${scenario.file}:${scenario.line} @krav:${id}`),
  );
  assert.deepEqual(unknown, []);
});

test('every rule of the catalogue has a scenario', () => {
  const covered = new Set(scenarios.flatMap((scenario) => scenario.requirementIds));
  assert.deepEqual(requirementIds().filter((id) => !covered.has(id)), []);
});
