/**
 * The project's stand-in for regexp-match-indices (overrides/regexp-match-indices, put in place by package.json's
 * "overrides"): cucumber's expressions load it, and it gives the same match indices as the package it replaces,
 * so every step's parameters are read from the same places of its text.
 */
import assert from 'node:assert/strict';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CucumberExpression, ParameterType, ParameterTypeRegistry } from '@cucumber/cucumber-expressions';

const ROOT = path.resolve(__dirname, '..', '..');
const STAND_IN = path.join(ROOT, 'overrides', 'regexp-match-indices', 'index.js');

type Exec = (regexp: RegExp, text: string) => (RegExpExecArray & { indices?: Array<[number, number] | undefined> & { groups?: Record<string, [number, number] | undefined> } }) | null;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const exec = require(STAND_IN) as Exec;

test('the regexp-match-indices that cucumber-expressions loads is the stand-in', () => {
  const expressions = path.dirname(require.resolve('@cucumber/cucumber-expressions', { paths: [path.dirname(require.resolve('@cucumber/cucumber'))] }));
  const loaded = require.resolve('regexp-match-indices', { paths: [expressions] });
  assert.equal(realpathSync(loaded), realpathSync(STAND_IN));
});

test('each group has the start and end of its text, nested, optional and named groups included', () => {
  const match = exec(/registrerer (\w+) (\d+(?:,(\d+))?)( mg\/L)? (?<tid>kl\. (\d\d):(\d\d))/, 'lægen registrerer CRP 45,5 kl. 09:40');
  assert.ok(match);
  assert.deepEqual([...match], ['registrerer CRP 45,5 kl. 09:40', 'CRP', '45,5', '5', undefined, 'kl. 09:40', '09', '40']);
  assert.deepEqual(
    [...(match.indices ?? [])],
    [[6, 36], [18, 21], [22, 26], [25, 26], undefined, [27, 36], [31, 33], [34, 36]],
  );
  assert.deepEqual({ ...match.indices?.groups }, { tid: [27, 36] });
  assert.equal(match.index, 6);
});

test('brackets inside a character class, escaped brackets and a look-behind are not groups', () => {
  const match = exec(/(?<=\()([()x]+)\\?\)(\d)/, 'a(x(x)9');
  assert.ok(match);
  assert.deepEqual([...(match.indices ?? [])], [[2, 7], [2, 5], [6, 7]]);
});

test('no match gives null, as RegExp exec does', () => {
  assert.equal(exec(/CRP (\d+)/, 'HbA1c 48'), null);
});

test('lastIndex moves as the regexp\'s own exec moves it, for a global and a sticky regexp', () => {
  const global = /(\d+)/g;
  const first = exec(global, 'CRP 45 og 12');
  assert.deepEqual(first?.indices?.[1], [4, 6]);
  assert.equal(global.lastIndex, 6);
  const second = exec(global, 'CRP 45 og 12');
  assert.deepEqual(second?.indices?.[1], [10, 12]);
  assert.equal(global.lastIndex, 12);
  assert.equal(exec(global, 'CRP 45 og 12'), null);
  assert.equal(global.lastIndex, 0);

  const sticky = /(\d+)/y;
  sticky.lastIndex = 4;
  assert.deepEqual(exec(sticky, 'CRP 45')?.indices?.[1], [4, 6]);
  assert.equal(sticky.lastIndex, 6);
  assert.equal(exec(sticky, 'CRP 45'), null);
  assert.equal(sticky.lastIndex, 0);
});

test('a regexp that already has the d flag is used as it is', () => {
  const withIndices = /(\d+)/dg;
  assert.deepEqual(exec(withIndices, 'INR 2,5')?.indices?.[1], [4, 5]);
  assert.equal(withIndices.lastIndex, 5);
});

test('a cucumber expression reads each parameter from its place in the step, through the stand-in', () => {
  const registry = new ParameterTypeRegistry();
  registry.defineParameterType(new ParameterType('analysis', /CRP|HbA1c|Strep A/, null, (name: string) => name));
  const expression = new CucumberExpression('lægen i {string} registrerer {analysis} {int} {word} og deler svaret', registry);
  const text = 'lægen i "Lægehuset Annullering" registrerer Strep A 45 mg/L og deler svaret';
  const args = expression.match(text);
  assert.ok(args);
  assert.deepEqual(
    args.map((arg) => [arg.group.start, arg.group.end, arg.getValue(null)]),
    [
      [8, 31, 'Lægehuset Annullering'],
      [44, 51, 'Strep A'],
      [52, 54, 45],
      [55, 59, 'mg/L'],
    ],
  );
});
