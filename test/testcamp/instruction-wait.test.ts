/** When a run's step ends the wait for an instruction, so that it leaves the vendor's page. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endsWaitFor } from '../../testcamp/runs';

test('a step that finished in the millisecond the instruction was given is the step before it, and does not close it', () => {
  const given = Date.parse('2026-12-01T18:00:00.123Z');
  // "Givet testpersonen ..." finished, then the next step printed its instruction, within the same millisecond.
  assert.equal(endsWaitFor(given, given), false);
  assert.equal(endsWaitFor(given, given - 40), false);
  // The waiting step itself finishes later: the LPS's message came, or the time ran out.
  assert.equal(endsWaitFor(given, given + 1), true);
});
