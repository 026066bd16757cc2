/** A scenario's result as the databanks hold it: which databank takes it, and its versions there (steps/support/stored-results.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoredResult } from '../../contracts/databank';
import { findAnalysis } from '../../medcom/npu-catalogue';
import { databankNameFor, versionsIn } from '../../steps/support/stored-results';

const CRP = findAnalysis('CRP')!;
const REGISTERED = { id: 'r1', sampleNumber: '1234567890', internalSampleIdentifier: 'LT-1', clinic: { name: 'Lægerne Testgade', producerCode: 'LT' } };

function stored(id: number, version: number, requisitionId: string, analysisCode: string): StoredResult {
  return { id, key: `${requisitionId}/${analysisCode}`, version, cancelled: false, receivedAt: '', record: { requisitionId, analysisCode } as StoredResult['record'] };
}

describe('versionsIn', () => {
  it("keeps only the result's versions (same requisition, same analysis), oldest first", () => {
    const all = [stored(1, 2, '1234567890', CRP.code), stored(2, 1, '1234567890', 'NPU27300'), stored(3, 1, '9999999999', CRP.code), stored(4, 1, '1234567890', CRP.code)];
    assert.deepEqual(versionsIn(all, { analysis: CRP, registered: REGISTERED }).map((entry) => entry.id), [4, 1]);
  });

  it('files a result registered without a national sample number under the clinic\'s own identifier', () => {
    const { sampleNumber: _none, ...withoutSampleNumber } = REGISTERED;
    assert.deepEqual(versionsIn([stored(1, 1, '1234567890', CRP.code), stored(2, 1, 'LT-1', CRP.code)], { analysis: CRP, registered: withoutSampleNumber }).map((entry) => entry.id), [2]);
  });
});

describe('databankNameFor', () => {
  it('sends XRPT01 results to LABA and XRPT05 results to MiBa', () => {
    assert.equal(databankNameFor('XRPT01'), 'LABA');
    assert.equal(databankNameFor(findAnalysis('Strep A')!.letterType), 'MiBa');
  });
});
