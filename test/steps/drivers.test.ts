/** The drivers' HTTP clients against systems faked with msw: what they make of each answer. */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { http, HttpResponse } from 'msw';
import { positiveReceipt, writeReceipt } from '../../medcom';
import { DatabankDriver } from '../../steps/drivers/databank';
import { PilotLpsDriver, isRefusal } from '../../steps/drivers/pilot-lps';
import { PlspDriver } from '../../steps/drivers/plsp';
import { fakeNetwork } from '../support/msw';

const receiptXml = writeReceipt(
  positiveReceipt({ envelopeIdentifier: 'E42', senderEan: '5790000000000', receiverEan: '5790000000001', letters: [{ identifier: 'L42', versionCode: 'XR0131K' }] }, { ean: '5790000000009' }),
);

const network = fakeNetwork(
  http.delete('http://lps.invalid/api/v1/results/R1', () => HttpResponse.json({ error: 'Result R1 has been shared', rule: 'DEL-04' }, { status: 409 })),
  http.delete('http://lps.invalid/api/v1/results/R2', () => new HttpResponse(null, { status: 204 })),
  http.delete('http://lps.invalid/api/v1/results/R3', () => HttpResponse.json({ error: 'boom' }, { status: 500 })),
  http.post('http://lps.invalid/api/v1/results/R4/share', () => HttpResponse.json({ error: 'copy from another practice', rule: 'DEL-07' }, { status: 409 })),
  http.get('http://laba.invalid/api/v1/messages/E1', () => new HttpResponse('<Emessage/>', { headers: { 'content-type': 'application/xml' } })),
  http.get('http://laba.invalid/api/v1/messages/E2', () => HttpResponse.json({ error: 'none' }, { status: 404 })),
  http.post('http://plsp.invalid/plsp/v1/xrpt', async ({ request }) => {
    assert.equal(request.headers.get('x-lps-system'), 'Pilot-LPS');
    return new HttpResponse(receiptXml, { headers: { 'content-type': 'application/xml' } });
  }),
);
after(() => network.close());

test('a refusal by the LPS comes back with its rule', async () => {
  assert.deepEqual(await new PilotLpsDriver('http://lps.invalid').tryDelete('R1'), { httpStatus: 409, rule: 'DEL-04', error: 'Result R1 has been shared' });
});

test('a deletion the LPS allowed comes back as no refusal', async () => {
  assert.equal(await new PilotLpsDriver('http://lps.invalid').tryDelete('R2'), undefined);
});

test('an unexpected answer is an error naming the request and the status', async () => {
  await assert.rejects(new PilotLpsDriver('http://lps.invalid').tryDelete('R3'), /expected HTTP 409, got 500 from DELETE http:\/\/lps\.invalid\/api\/v1\/results\/R3/);
});

test('a refused share is told apart from a share', async () => {
  const outcome = await new PilotLpsDriver('http://lps.invalid').tryShare('R4');
  assert.ok(isRefusal(outcome));
  assert.equal(outcome.rule, 'DEL-07');
});

test('a stored message comes back as its exact text; a missing one as undefined', async () => {
  const laba = new DatabankDriver('LABA', 'http://laba.invalid');
  assert.equal((await laba.message('E1'))?.toString('utf8'), '<Emessage/>');
  assert.equal(await laba.message('E2'), undefined);
});

test("the hub's receipt is read into the model", async () => {
  const answer = await new PlspDriver('http://plsp.invalid').send('<Emessage/>', 'Pilot-LPS');
  assert.equal(answer.httpStatus, 200);
  assert.equal(answer.receipt.kind, 'XCTL03');
  assert.equal(answer.receipt.originalEnvelopeIdentifier, 'E42');
});
