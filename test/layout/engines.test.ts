/**
 * Every pinned package runs on every Node the project promises (package.json `engines.node`): users run Node 20, 22
 * and 24, and a package whose `engines` starts at Node 22 (commander 15, Stryker 10, cucumber 13, wiremock-captain
 * 3.6.1 and later ...) would break the Node 20 users without a word from npm but a warning.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import semver from 'semver';

const ROOT = path.resolve(__dirname, '../..');
const manifest = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as {
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

const project = manifest(path.join(ROOT, 'package.json'));
const promised = project.engines?.node ?? '';
const lowestPromised = semver.minVersion(promised);

test('the project promises a Node range', () => {
  assert.ok(lowestPromised, `package.json engines.node is "${promised}", not a range`);
});

test('every direct dependency runs on the lowest Node the project promises', () => {
  const pinned = { ...project.dependencies, ...project.devDependencies };
  const refusing = Object.keys(pinned).flatMap((name) => {
    const needs = manifest(path.join(ROOT, 'node_modules', name, 'package.json')).engines?.node;
    return needs && !semver.satisfies(lowestPromised!, needs) ? [`${name} needs Node ${needs}`] : [];
  });
  assert.deepEqual(refusing, [], `the project promises Node ${promised}, but: ${refusing.join('; ')}`);
});

/** A stand-in kept in this repository (overrides/, put in place by package.json's "overrides"): pinned by its content. */
const inRepository = (spec: string): boolean => spec.startsWith('file:overrides/');

test('every direct dependency is pinned to an exact version, or is a stand-in kept in this repository', () => {
  const loose = Object.entries({ ...project.dependencies, ...project.devDependencies }).filter(([, spec]) => !semver.valid(spec) && !inRepository(spec));
  assert.deepEqual(loose, []);
});
