import { When, Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { LokalsvarWorld } from './world';

When(
  /^lægen i "([^"]+)" registrerer (\S+) (\S+) (\S+) med referenceinterval under (\S+) og deler svaret$/,
  async function (this: LokalsvarWorld, clinic: string, analysis: string, value: string, unit: string, upper: string) {
    this.lastShared = await this.lps.registerAndShare({
      clinic,
      patient: this.testPerson(),
      analysis,
      value,
      unit,
      referenceInterval: { typeOfInterval: 'fysiologisk', upperLimit: upper },
    });
  },
);

Then("modtager LPS'et en positiv kvittering fra PLSP", function (this: LokalsvarWorld) {
  const { httpStatus, receipt, envelopeIdentifier } = this.shared();
  assert.equal(receipt.kind, 'XCTL03', `PLSP answered with ${receipt.kind} (HTTP ${httpStatus}): ${receipt.refuseText ?? receipt.originalLetters.map((l) => l.refuseText).join('; ')}`);
  assert.equal(httpStatus, 200);
  assert.equal(receipt.originalEnvelopeIdentifier, envelopeIdentifier, 'the receipt names another envelope than the one sent');
});
