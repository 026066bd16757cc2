/** How many cucumber workers a run of the suite uses, and the arguments cucumber gets (scripts/parallel-workers.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parallelPlan } from '../../scripts/parallel-workers';

describe('the workers of a run', () => {
  it('runs, with the pilot LPS in local and containers mode, one worker per two cores and at most two; one in remote and vendor mode', () => {
    assert.deepEqual(parallelPlan(['--tags', '@x'], 'local', 'pilot', {}, 4), { workers: 2, args: ['--parallel', '2', '--tags', '@x'] });
    assert.deepEqual(parallelPlan([], 'containers', 'pilot', {}, 16), { workers: 2, args: ['--parallel', '2'] });
    assert.deepEqual(parallelPlan([], 'local', 'pilot', {}, 2), { workers: 1, args: [] }, 'two cores: one worker (two were slower there)');
    assert.deepEqual(parallelPlan([], 'containers', 'pilot', {}, 3), { workers: 1, args: [] });
    assert.deepEqual(parallelPlan([], 'remote', 'pilot', {}, 8), { workers: 1, args: [] });
    assert.deepEqual(parallelPlan([], 'local', 'vendor', {}, 8), { workers: 1, args: [] });
  });

  it('takes E2E_PARALLEL, and --parallel among the arguments over it, unchanged', () => {
    assert.deepEqual(parallelPlan([], 'local', 'pilot', { E2E_PARALLEL: '1' }), { workers: 1, args: [] });
    assert.deepEqual(parallelPlan([], 'remote', 'pilot', { E2E_PARALLEL: '3' }), { workers: 3, args: ['--parallel', '3'] });
    assert.deepEqual(parallelPlan(['--parallel', '4'], 'local', 'pilot', { E2E_PARALLEL: '1' }), { workers: 4, args: ['--parallel', '4'] });
    assert.deepEqual(parallelPlan(['--parallel=1', '--name', 'x'], 'local', 'pilot', {}), { workers: 1, args: ['--parallel=1', '--name', 'x'] });
  });

  it('says what is wrong with a number of workers that is not one', () => {
    assert.throws(() => parallelPlan([], 'local', 'pilot', { E2E_PARALLEL: 'to' }), { message: 'E2E_PARALLEL=to is not a number of workers (a whole number, 1 or more)' });
    assert.throws(() => parallelPlan(['--parallel', '0'], 'local', 'pilot', {}), { message: '--parallel=0 is not a number of workers (a whole number, 1 or more)' });
  });
});
