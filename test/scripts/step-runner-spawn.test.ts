/**
 * How scripts/step-runner.ts spawns a step on each platform: on Windows through cmd.exe (Node refuses `.cmd` shims
 * without a shell since CVE-2024-27980: EINVAL), with arguments quoted; on POSIX without a shell, in a process group
 * of its own so stop signals can be passed on (test/scripts/test-all-signals.test.ts runs that for real).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { localBin, quotedForCmd, spawnPlan } from '../../scripts/step-runner';

describe('spawnPlan', () => {
  it('on Windows runs the step through cmd.exe, in the same console, as one quoted command line', () => {
    assert.deepEqual(spawnPlan('npm', ['run', 'test:unit'], 'win32'), { command: 'npm run test:unit', args: [], options: { shell: true, detached: false } });
    assert.deepEqual(spawnPlan('C:\\Program Files\\lokalsvar\\node_modules\\.bin\\cucumber-js.cmd', ['--name', 'Et svar med nægtet samtykke'], 'win32').command, '"C:\\Program Files\\lokalsvar\\node_modules\\.bin\\cucumber-js.cmd" --name "Et svar med nægtet samtykke"');
  });

  it('on POSIX runs the step without a shell, in a process group of its own, arguments untouched', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      assert.deepEqual(spawnPlan('npm', ['run', 'a b'], platform), { command: 'npm', args: ['run', 'a b'], options: { shell: false, detached: true } });
    }
  });
});

describe('quotedForCmd', () => {
  it('leaves plain arguments alone and quotes the rest so the step reads them back whole', () => {
    assert.equal(quotedForCmd('scripts/ensure-browser.ts'), 'scripts/ensure-browser.ts');
    assert.equal(quotedForCmd('--profile'), '--profile');
    assert.equal(quotedForCmd('a b'), '"a b"');
    assert.equal(quotedForCmd('x&y'), '"x&y"');
    assert.equal(quotedForCmd(''), '""');
    assert.equal(quotedForCmd('say "hej"'), '"say \\"hej\\""');
    assert.equal(quotedForCmd('C:\\a dir\\'), '"C:\\a dir\\\\"');
  });
});

describe('localBin', () => {
  it("names node_modules/.bin's .cmd shim on Windows and the plain file elsewhere", () => {
    assert.equal(localBin('/r', 'tsx', 'win32'), path.join('/r', 'node_modules', '.bin', 'tsx.cmd'));
    assert.equal(localBin('/r', 'tsx', 'linux'), path.join('/r', 'node_modules', '.bin', 'tsx'));
  });
});
