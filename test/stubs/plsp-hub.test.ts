/** The hub stub through HTTP (fastify inject), with the databanks faked by msw on .invalid hosts. */
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { http, HttpResponse } from 'msw';
import { readReceipt } from '../../medcom';
import { buildPlspApp } from '../../stubs/plsp/app';
import { crpMessage } from '../support/crp-message';
import { mixedMessage } from '../support/mixed-message';
import { fakeNetwork } from '../support/msw';

const uploads: { databank: string; body: string }[] = [];
/** Statuses LABA answers with, one per upload; 200 once they run out. */
let labaStatuses: number[] = [];
let lastUploadSystem: string | null = null;
/** Statuses MiBa answers uploads with, and LABA answers an undo with; 200 once they run out. */
let mibaStatuses: number[] = [];
let undoStatuses: number[] = [];
const undone: string[] = [];
const network = fakeNetwork(
  http.post('http://laba.invalid/api/v1/upload', async ({ request }) => {
    uploads.push({ databank: 'LABA', body: await request.text() });
    lastUploadSystem = request.headers.get('x-lps-system');
    const status = labaStatuses.shift() ?? 200;
    return status === 200 ? HttpResponse.json({ upload: uploads.length, stored: 1, duplicates: 0 }) : new HttpResponse('down', { status });
  }),
  http.delete('http://laba.invalid/api/v1/uploads/:upload', ({ params }) => {
    const status = undoStatuses.shift() ?? 200;
    if (status !== 200) return new HttpResponse('undo broken', { status });
    undone.push(String(params.upload));
    return HttpResponse.json({ removed: 1, kept: 0 });
  }),
  http.post('http://miba.invalid/api/v1/upload', async ({ request }) => {
    uploads.push({ databank: 'MiBa', body: await request.text() });
    const status = mibaStatuses.shift() ?? 200;
    return status === 200 ? HttpResponse.json({ upload: uploads.length, stored: 1, duplicates: 0 }) : new HttpResponse('MiBa says no', { status });
  }),
);

let app: FastifyInstance;
before(async () => {
  app = await buildPlspApp({ labaUrl: 'http://laba.invalid', mibaUrl: 'http://miba.invalid', ean: '5790000000009', approvedSystems: ['Pilot-LPS'],
    testCprsOnly: true,
    forwarding: { attempts: 3, backoffMs: 0, timeoutMs: 2_000 },
  });
});
afterEach(() => {
  uploads.length = 0;
  undone.length = 0;
  labaStatuses = [];
  mibaStatuses = [];
  undoStatuses = [];
});
after(async () => {
  await app.close();
  network.close();
});

function post(body: string, system = 'Pilot-LPS') {
  return app.inject({ method: 'POST', url: '/plsp/v1/xrpt', payload: body, headers: { 'content-type': 'application/xml', 'x-lps-system': system } });
}

test('a valid XRPT01 gets a positive receipt naming the envelope and letter, and reaches LABA byte for byte', async () => {
  const { xml, envelope, letter } = crpMessage();
  const response = await post(xml);
  assert.equal(response.statusCode, 200);
  const receipt = readReceipt(response.body);
  assert.equal(receipt.kind, 'XCTL03');
  assert.equal(receipt.originalEnvelopeIdentifier, envelope);
  assert.deepEqual(receipt.originalLetters.map((original) => original.identifier), [letter]);
  assert.deepEqual(uploads, [{ databank: 'LABA', body: xml }]);
  assert.equal(lastUploadSystem, 'Pilot-LPS', 'the upload does not say which LPS system the message came from');
});

test('a body that is not well-formed XML gets 400 and XCTL02 syntaksfejl saying where, and nothing is forwarded', async () => {
  const response = await post(crpMessage().xml.replace('</Value>', ''));
  assert.equal(response.statusCode, 400);
  const receipt = readReceipt(response.body);
  assert.equal(receipt.kind, 'XCTL02');
  const codes = [receipt.refuseCode, ...receipt.originalLetters.map((original) => original.refuseCode)];
  assert.ok(codes.includes('syntaksfejl'), `refuse codes: ${codes.join(', ')}`);
  const text = [receipt.refuseText, ...receipt.originalLetters.map((original) => original.refuseText)].join(' ');
  assert.match(text, /line \d+/i);
  assert.deepEqual(uploads, []);
});

test('a system not approved by MedCom is refused with a receipt that names it, and nothing is forwarded', async () => {
  const response = await post(crpMessage().xml, 'Ukendt-LPS');
  assert.equal(response.statusCode, 403);
  const receipt = readReceipt(response.body);
  assert.equal(receipt.kind, 'XCTL02');
  assert.match(JSON.stringify(receipt), /Ukendt-LPS/);
  assert.deepEqual(uploads, []);
});

test("a message about someone who is not one of MedCom's test persons is refused and goes nowhere", async () => {
  const response = await post(crpMessage('2512481234').xml);
  assert.equal(response.statusCode, 422);
  const text = JSON.stringify(readReceipt(response.body));
  assert.match(text, /\/Emessage\/LaboratoryReport\/Patient\/CivilRegistrationNumber: 251248-xxxx is not one of MedCom's test CPR numbers/);
  assert.ok(!text.includes('2512481234'), 'the receipt repeats the real CPR');
  assert.deepEqual(uploads, []);
  const journal = (await app.inject({ method: 'GET', url: '/plsp/v1/messages' })).body;
  assert.ok(!journal.includes('2512481234'), "the hub's journal keeps the real CPR");
});

test('when LABA keeps failing the hub tries three times, then the LPS gets a negative receipt saying so', async () => {
  labaStatuses = [503, 503, 503];
  const response = await post(crpMessage().xml);
  assert.equal(response.statusCode, 502);
  const receipt = readReceipt(response.body);
  assert.equal(receipt.kind, 'XCTL02');
  assert.match(JSON.stringify(receipt), /after 3 attempts/);
  assert.equal(uploads.length, 3);
});

test('when LABA fails once the hub tries again and the LPS gets a positive receipt', async () => {
  labaStatuses = [503];
  const response = await post(crpMessage().xml);
  assert.equal(response.statusCode, 200);
  assert.equal(uploads.length, 2);
});

test('a databank that refuses (4xx) is not asked again', async () => {
  labaStatuses = [422];
  const response = await post(crpMessage().xml);
  assert.equal(response.statusCode, 502);
  assert.equal(uploads.length, 1);
});

test('the monitoring counters count what each system shared and what went to each databank (MON-01)', async () => {
  await post(crpMessage().xml);
  const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
  assert.match(metrics, /plsp_results_shared_total\{lps_system="Pilot-LPS",letter_type="XRPT01"\} [1-9]/);
  assert.match(metrics, /plsp_results_forwarded_total\{databank="LABA",lps_system="Pilot-LPS"\} [1-9]/);
});

test("the journal's listing is paged over HTTP: limit, next and before; a bad limit is refused naming it", async () => {
  for (let n = 0; n < 3; n += 1) await post(crpMessage().xml);
  const first = (await app.inject({ method: 'GET', url: '/plsp/v1/messages?limit=2' })).json<{ messages: { id: number }[]; next?: number }>();
  assert.equal(first.messages.length, 2);
  assert.equal(first.next, first.messages[1]!.id);
  const second = (await app.inject({ method: 'GET', url: `/plsp/v1/messages?limit=2&before=${first.next}` })).json<{ messages: { id: number }[] }>();
  assert.ok(second.messages.length >= 1 && second.messages.every((listed) => listed.id < first.next!), 'the second page is not older than the first');
  const bad = await app.inject({ method: 'GET', url: '/plsp/v1/messages?limit=0' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /limit/);
});

test('messages from systems outside the approved list are counted under one label, not one series each', async () => {
  for (let n = 0; n < 5; n += 1) await post(crpMessage().xml, `Probe-${n}`);
  const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
  assert.doesNotMatch(metrics, /Probe-/);
  assert.match(metrics, /plsp_messages_received_total\{lps_system="\(ikke godkendt\)",outcome="refused"\} [5-9]/);
});

test("when MiBa refuses a mixed message's part, LABA's part is undone and the receipt says nothing was stored", async () => {
  mibaStatuses = [422];
  const response = await post(mixedMessage().xml);
  assert.equal(response.statusCode, 502);
  const text = JSON.stringify(readReceipt(response.body));
  assert.match(text, /MiBa refused .* 422: MiBa says no/);
  assert.match(text, /LABA's part \(letter XRPT01 L\w+\) was withdrawn again/);
  assert.match(text, /nothing of this message was stored/);
  assert.deepEqual(undone, ['1'], 'the hub did not undo the upload LABA named');
});

test('when the undo fails too, the receipt says exactly which part stays stored, and MON-01 counts it as forwarded', async () => {
  mibaStatuses = [422];
  undoStatuses = [503];
  const message = mixedMessage();
  const letter = /<LaboratoryReport>\s*<Letter>\s*<Identifier>(\w+)</.exec(message.xml)?.[1];
  const forwarded = async (databank: string): Promise<number> => {
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    return Number(new RegExp(`plsp_results_forwarded_total\\{databank="${databank}",lps_system="Pilot-LPS"\\} (\\d+)`).exec(metrics)?.[1] ?? 0);
  };
  const before = { laba: await forwarded('LABA'), miba: await forwarded('MiBa') };
  const response = await post(message.xml);
  assert.equal(response.statusCode, 502);
  const text = JSON.stringify(readReceipt(response.body));
  assert.match(text, new RegExp(`LABA STORED its part \\(letter XRPT01 ${letter}\\) and it could not be withdrawn \\(.*503: undo broken\\): that part stays stored`));
  assert.ok(!text.includes('nothing of this message was stored'), 'the receipt claims nothing was stored');
  assert.deepEqual({ laba: await forwarded('LABA'), miba: await forwarded('MiBa') }, { laba: before.laba + 1, miba: before.miba });
});
