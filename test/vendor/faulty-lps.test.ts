/**
 * The faulty-LPS catalogue (test/vendor/faulty-lps.ts): each profile, run in vendor mode on the scenarios of the rule
 * its defect concerns, is caught at that rule ("ikke opfyldt") with a failure that names the field; a correct LPS
 * that resends every message once passes those same scenarios.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { certifyAsVendor } from './certify';
import { FAULTY_PROFILES, RESENDING } from './faulty-lps';
import { correctLps } from './robot-tester';

const SYSTEM = 'Robot-LPS';
const only = process.env.FAULTY_PROFILE;

describe('faulty-LPS catalogue', { concurrency: 2 }, () => {
  for (const profile of FAULTY_PROFILES.filter((p) => !only || p.name === only)) {
    it(`${profile.name}: ${profile.defect} is caught at ${profile.rule}`, async () => {
      const run = await certifyAsVendor(profile.tags, SYSTEM, correctLps(SYSTEM, profile.behaviour), profile.answer);
      assert.equal(run.byRule[profile.rule], 'ikke opfyldt', `${profile.rule} is "${run.byRule[profile.rule]}":\n${run.output}`);
      assert.match(run.output, profile.names, run.output);
    });
  }

  it('a correct LPS that resends every message once passes the rules its scenarios try', { skip: Boolean(only) }, async () => {
    const rules = ['MON-01', 'DEL-05', 'DEL-02', 'LABA-06', 'DEL-03', 'DEL-06', 'DEL-07', 'LABA-05'];
    const run = await certifyAsVendor(rules.map((rule) => `@krav:${rule}`).join(' or '), SYSTEM, correctLps(SYSTEM, RESENDING));
    for (const rule of rules) assert.equal(run.byRule[rule], 'opfyldt', `${rule}: ${run.byRule[rule]}\n${run.output}`);
    assert.match(run.output, /LOKALSVAR-NOTE: Gensendelse genkendt/);
  });
});
