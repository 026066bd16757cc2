/** Identifiers for envelopes and letters: at most 14 characters, unique in a process and across processes. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { newIdentifier } from '../../medcom';

describe('newIdentifier', () => {
  it('is unique within a process, even many a millisecond', () => {
    const ids = Array.from({ length: 100_000 }, () => newIdentifier('E'));
    assert.equal(new Set(ids).size, ids.length);
  });

  it('fits MedCom String 1..14 with any allowed prefix, and starts with it', () => {
    for (const prefix of ['', 'E', 'L', 'LP']) {
      const id = newIdentifier(prefix);
      assert.equal(id.length, 14);
      assert.ok(id.startsWith(prefix));
      assert.match(id, /^[A-Z0-9]+$/);
    }
  });

  it('refuses prefixes that would not leave room for uniqueness', () => {
    assert.throws(() => newIdentifier('ABC'), /prefix must be 0 to 2 letters or digits/);
    assert.throws(() => newIdentifier('É'), RangeError);
  });

  it('is unique across processes started at the same time', () => {
    const script = "const { newIdentifier } = require('./medcom/identifiers.ts'); console.log(Array.from({ length: 20000 }, () => newIdentifier('E')).join(' '));";
    const run = () => execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: `${__dirname}/../..`, encoding: 'utf8' }).trim().split(' ');
    const first = run();
    const second = run();
    assert.equal(first.length, 20_000);
    assert.equal(new Set([...first, ...second]).size, 40_000);
  });
});
