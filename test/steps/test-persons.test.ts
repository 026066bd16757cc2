import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testPerson } from '../../steps/support/test-persons';

test("splits a MedCom test person's name into given name and surname", () => {
  assert.deepEqual(testPerson('Nancy Ann Test Berggren', '2512489996'), { cpr: '2512489996', givenName: 'Nancy Ann', surname: 'Test Berggren' });
});

test('refuses a CPR that is not one of MedCom test numbers', () => {
  assert.throws(() => testPerson('Nancy Ann Test Berggren', '2512481234'), /not one of MedCom's test CPR numbers/);
});

test('refuses a CPR with a dash or the wrong length', () => {
  assert.throws(() => testPerson('Nancy Ann Test Berggren', '251248-9996'), /10 digits without a dash/);
});
