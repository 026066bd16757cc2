/** withFileStamps (docker/file-stamp-cache.ts): work remembered while its files are unchanged. No Docker needed. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { CACHE_DIR_ENV, withFileStamps } from '../../docker/file-stamp-cache';

let dir: string;
let input: string;
let calls: number;
const given = process.env[CACHE_DIR_ENV];

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'file-stamp-cache-'));
  process.env[CACHE_DIR_ENV] = path.join(dir, 'cache');
  input = path.join(dir, 'input.txt');
  writeFile(input, 'one');
  calls = 0;
});

afterEach(() => {
  if (given === undefined) delete process.env[CACHE_DIR_ENV];
  else process.env[CACHE_DIR_ENV] = given;
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a file as of a minute ago: a file written while (or just before) the work ran is not remembered. */
function writeFile(file: string, text: string): void {
  writeFileSync(file, text);
  const minuteAgo = new Date(Date.now() - 60_000);
  utimesSync(file, minuteAgo, minuteAgo);
}

/** Work whose result is the input's text; counts how often it really ran. */
function readInput(files: string[] = [input]): () => Promise<{ value: string; files: string[] }> {
  return async () => {
    calls += 1;
    return { value: readFileSync(input, 'utf8'), files };
  };
}

test('the work runs once while its files are unchanged, also for a new process (the cache is on disk)', async () => {
  assert.equal(await withFileStamps('kind', 'key', readInput()), 'one');
  assert.equal(await withFileStamps('kind', 'key', readInput()), 'one');
  assert.equal(calls, 1);
  const stored = JSON.parse(readFileSync(path.join(dir, 'cache', 'kind.json'), 'utf8')) as Record<string, { value: unknown }>;
  assert.equal(stored.key?.value, 'one');
});

test('an edited file runs the work again, even with the same size', async () => {
  await withFileStamps('kind', 'key', readInput());
  writeFileSync(input, 'two');
  utimesSync(input, new Date(Date.now() + 5_000), new Date(Date.now() + 5_000));
  assert.equal(await withFileStamps('kind', 'key', readInput()), 'two');
  assert.equal(calls, 2);
});

test('a file replaced by another (new inode), same size and time, runs the work again', async () => {
  await withFileStamps('kind', 'key', readInput());
  const time = new Date('2026-01-01T00:00:00Z');
  utimesSync(input, time, time);
  await withFileStamps('kind', 'key', readInput());
  const calledBefore = calls;
  const replacement = path.join(dir, 'replacement.txt');
  writeFileSync(replacement, 'owt');
  utimesSync(replacement, time, time);
  rmSync(input);
  require('node:fs').renameSync(replacement, input);
  assert.equal(await withFileStamps('kind', 'key', readInput()), 'owt');
  assert.equal(calls, calledBefore + 1);
});

test('a file that is gone runs the work again; one gone while the work ran is not remembered', async () => {
  const other = path.join(dir, 'other.txt');
  writeFile(other, 'x');
  await withFileStamps('kind', 'key', readInput([input, other]));
  rmSync(other);
  await withFileStamps('kind', 'key', readInput([input, other]));
  await withFileStamps('kind', 'key', readInput([input, other]));
  assert.equal(calls, 3);
});

test('a file written while the work ran is not remembered: the result may come from its older content', async () => {
  const saving = async (): Promise<{ value: string; files: string[] }> => {
    calls += 1;
    const value = readFileSync(input, 'utf8');
    writeFileSync(input, 'saved meanwhile'); // an editor saves while the bundle is made
    return { value, files: [input] };
  };
  assert.equal(await withFileStamps('kind', 'key', saving), 'one');
  assert.equal(await withFileStamps('kind', 'key', readInput()), 'saved meanwhile');
  assert.equal(calls, 2);
});

test('other keys and kinds are separate, and work running side by side loses no entry', async () => {
  await Promise.all(['a', 'b', 'c', 'd'].map((key) => withFileStamps('kind', key, readInput())));
  await withFileStamps('other-kind', 'a', readInput());
  assert.equal(calls, 5);
  await Promise.all(['a', 'b', 'c', 'd'].map((key) => withFileStamps('kind', key, readInput())));
  assert.equal(calls, 5);
});

test('a damaged cache file costs only the work again', async () => {
  await withFileStamps('kind', 'key', readInput());
  writeFileSync(path.join(dir, 'cache', 'kind.json'), '{"key": {"stamps": 7, "value": "stale"}');
  assert.equal(await withFileStamps('kind', 'key', readInput()), 'one');
  writeFileSync(path.join(dir, 'cache', 'kind.json'), '{"key": {"stamps": null, "value": "stale"}}');
  assert.equal(await withFileStamps('kind', 'key', readInput()), 'one');
  assert.equal(calls, 3);
  assert.equal(await withFileStamps('kind', 'key', readInput()), 'one');
  assert.equal(calls, 3, 'remembered again after the damage');
});
