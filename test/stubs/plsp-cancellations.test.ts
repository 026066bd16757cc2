/**
 * LABA-05 at the hub: POST /plsp/v1/cancellations passed on to both databanks (signed), its answer, its refusals as
 * negative receipts naming what was wrong, the cancelled counter (MON-01), and the hub's cancellation journal
 * (GET /plsp/v1/cancellations, filtered, bounded). The databanks are faked by msw on .invalid hosts.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { http, HttpResponse } from 'msw';
import { hubSignatureValid, HUB_SIGNATURE_HEADER } from '../../contracts/access';
import { readReceipt } from '../../medcom';
import { buildPlspApp } from '../../stubs/plsp/app';
import { CancellationJournal, type CancellationEntry } from '../../stubs/plsp/cancellation-journal';
import { fakeNetwork } from '../support/msw';

const HUB_KEY = 'hub-key-for-cancellations';

interface Received {
  databank: string;
  contentType: string | null;
  body: string;
}
const received: Received[] = [];
/** What each databank answers a cancellation with; { cancelled: 0 } when none is set. */
const answers: Record<string, () => Response> = {};

function databank(name: 'LABA' | 'MiBa', host: string) {
  return http.post(`http://${host}/api/v1/cancellations`, async ({ request }) => {
    const body = await request.text();
    // As a databank does: writes only from the hub, signed over method, path and body.
    if (!hubSignatureValid(HUB_KEY, 'POST', '/api/v1/cancellations', body, request.headers.get(HUB_SIGNATURE_HEADER) ?? undefined)) {
      return new HttpResponse(`${name}: bad signature`, { status: 401 });
    }
    received.push({ databank: name, contentType: request.headers.get('content-type'), body });
    return answers[name]?.() ?? HttpResponse.json({ cancelled: 0 });
  });
}
const network = fakeNetwork(databank('LABA', 'laba.invalid'), databank('MiBa', 'miba.invalid'));

let app: FastifyInstance;
before(async () => {
  app = await buildPlspApp({
    labaUrl: 'http://laba.invalid',
    mibaUrl: 'http://miba.invalid',
    ean: '5790000000009',
    approvedSystems: ['Pilot-LPS', 'Andet-LPS'],
    testCprsOnly: true,
    forwarding: { attempts: 1, backoffMs: 0, timeoutMs: 2_000 },
    hubKey: HUB_KEY,
  });
});
afterEach(() => {
  received.length = 0;
  delete answers.LABA;
  delete answers.MiBa;
});
after(async () => {
  await app.close();
  network.close();
});

/** `system` null sends no X-LPS-System. */
function cancel(body: object, system: string | null = 'Pilot-LPS') {
  return app.inject({
    method: 'POST',
    url: '/plsp/v1/cancellations',
    payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(system === null ? {} : { 'x-lps-system': system }) },
  });
}

async function journal(query = ''): Promise<CancellationEntry[]> {
  const response = await app.inject({ method: 'GET', url: `/plsp/v1/cancellations${query}` });
  assert.equal(response.statusCode, 200);
  return response.json<{ cancellations: CancellationEntry[] }>().cancellations;
}

async function cancelledCounter(system: string): Promise<number | undefined> {
  const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
  const match = new RegExp(`^plsp_results_cancelled_total\\{lps_system="${system}"\\} (\\d+)$`, 'm').exec(text);
  return match ? Number(match[1]) : undefined;
}

/** The refusal's RefuseText, after checking it is a negative receipt with `status`. */
function refusalText(response: { statusCode: number; body: string }, status: number): string {
  assert.equal(response.statusCode, status, response.body);
  const receipt = readReceipt(response.body);
  assert.equal(receipt.kind, 'XCTL02');
  return receipt.refuseText ?? '';
}

/** The journal entry without its time, after checking the time is when the cancellation came. */
function withoutTime(entry: CancellationEntry | undefined, from: string): Omit<CancellationEntry, 'receivedAt'> {
  assert.ok(entry, 'the cancellation is not in the journal');
  const { receivedAt, ...rest } = entry;
  assert.ok(receivedAt >= from && receivedAt <= new Date().toISOString(), `received at ${receivedAt}`);
  return rest;
}

test('a cancellation goes to both databanks, signed and as sent; the answer and the counter add up what each cancelled', async () => {
  answers.LABA = () => HttpResponse.json({ cancelled: 2 });
  answers.MiBa = () => HttpResponse.json({ cancelled: 5 });
  const from = new Date().toISOString();
  const response = await cancel({ patientId: '0201609995', producerCode: 'LT' });
  assert.equal(response.statusCode, 200, response.body);
  assert.deepEqual(response.json(), { cancelled: { LABA: 2, MiBa: 5 } });
  const sent = JSON.stringify({ patientId: '0201609995', producerCode: 'LT' });
  assert.deepEqual(
    [...received].sort((a, b) => a.databank.localeCompare(b.databank)),
    [
      { databank: 'LABA', contentType: 'application/json', body: sent },
      { databank: 'MiBa', contentType: 'application/json', body: sent },
    ],
  );
  assert.equal(await cancelledCounter('Pilot-LPS'), 7);
  const entries = await journal('?patient=0201609995');
  assert.deepEqual(withoutTime(entries.at(-1), from), {
    patientId: '0201609995',
    producerCode: 'LT',
    lpsSystem: 'Pilot-LPS',
    httpStatus: 200,
    cancelled: { LABA: 2, MiBa: 5 },
  });
});

test('a databank answer without a count counts as none cancelled there', async () => {
  answers.LABA = () => HttpResponse.json({ cancelled: 3 });
  answers.MiBa = () => HttpResponse.json({});
  const first = await cancel({ patientId: '1502799995', producerCode: 'LT' }, 'Andet-LPS');
  assert.deepEqual(first.json(), { cancelled: { LABA: 3, MiBa: 0 } });
  answers.LABA = () => HttpResponse.json({});
  answers.MiBa = () => HttpResponse.json({ cancelled: 4 });
  const second = await cancel({ patientId: '1502799995', producerCode: 'LT' }, 'Andet-LPS');
  assert.deepEqual(second.json(), { cancelled: { LABA: 0, MiBa: 4 } });
  assert.equal(await cancelledCounter('Andet-LPS'), 7);
});

test('without X-LPS-System the cancellation is refused naming the header, goes nowhere, and is journaled', async () => {
  const from = new Date().toISOString();
  const text = refusalText(await cancel({ patientId: '2512489996', producerCode: 'NH' }, null), 400);
  assert.equal(text, 'X-LPS-System: the HTTP header X-LPS-System is missing: send the name of the LPS system');
  assert.deepEqual(received, []);
  assert.deepEqual(withoutTime((await journal('?patient=2512489996')).at(-1), from), {
    patientId: '2512489996',
    producerCode: 'NH',
    httpStatus: 400,
    error: 'the HTTP header X-LPS-System is missing: send the name of the LPS system',
  });
});

test('a system MedCom has not approved is refused by name, and nothing is cancelled', async () => {
  const text = refusalText(await cancel({ patientId: '2512489996', producerCode: 'UK' }, 'Ukendt-LPS'), 403);
  assert.equal(text, 'X-LPS-System: the LPS system "Ukendt-LPS" is not approved by MedCom to upload lab results');
  assert.deepEqual(received, []);
  assert.equal(await cancelledCounter('Ukendt-LPS'), undefined);
});

test('a databank that refuses the cancellation is named in a 502 receipt that says to send it again', async () => {
  answers.MiBa = () => new HttpResponse('MiBa is down', { status: 503 });
  const text = refusalText(await cancel({ patientId: '0201609995', producerCode: 'MB' }), 502);
  assert.equal(text, '/plsp/v1/cancellations: MiBa refused POST http://miba.invalid/api/v1/cancellations with HTTP 503: MiBa is down; send the cancellation again');
  answers.MiBa = () => HttpResponse.json({ cancelled: 1 });
  answers.LABA = () => new HttpResponse('no', { status: 422 });
  const labaText = refusalText(await cancel({ patientId: '0201609995', producerCode: 'MB' }), 502);
  assert.equal(labaText, '/plsp/v1/cancellations: LABA refused POST http://laba.invalid/api/v1/cancellations with HTTP 422: no; send the cancellation again');
  const entries = await journal('?patient=0201609995&system=Pilot-LPS');
  assert.deepEqual(
    entries.slice(-2).map(({ producerCode, httpStatus, error }) => ({ producerCode, httpStatus, error })),
    [
      { producerCode: 'MB', httpStatus: 502, error: 'MiBa refused POST http://miba.invalid/api/v1/cancellations with HTTP 503: MiBa is down; send the cancellation again' },
      { producerCode: 'MB', httpStatus: 502, error: 'LABA refused POST http://laba.invalid/api/v1/cancellations with HTTP 422: no; send the cancellation again' },
    ],
  );
});

test('a databank answer the hub cannot read is a failure of the hub (500), not a databank refusal', async () => {
  answers.LABA = () => new HttpResponse('cancelled them all', { status: 200, headers: { 'content-type': 'text/plain' } });
  const text = refusalText(await cancel({ patientId: '0201609995', producerCode: 'XX' }), 500);
  assert.match(text, /^\/plsp\/v1\/cancellations: the hub failed while receiving the cancellation \(.*JSON.*\): nothing was cancelled, send it again$/);
});

test('the journal lists what was asked, filtered by patient, system and time', async () => {
  const from = new Date().toISOString();
  await cancel({ patientId: '2512489996', producerCode: 'F1' }, 'Andet-LPS');
  await cancel({ patientId: '0201609995', producerCode: 'F2' }, 'Andet-LPS');
  await cancel({ patientId: '2512489996', producerCode: 'F3' }, 'Pilot-LPS');
  const codes = async (query: string) => (await journal(query)).map((entry) => entry.producerCode);
  assert.deepEqual(await codes(`?since=${from}`), ['F1', 'F2', 'F3']);
  assert.deepEqual(await codes(`?since=${from}&patient=2512489996`), ['F1', 'F3']);
  assert.deepEqual(await codes(`?since=${from}&system=Andet-LPS`), ['F1', 'F2']);
  assert.deepEqual(await codes(`?since=${from}&system=Andet-LPS&patient=2512489996`), ['F1']);
  assert.deepEqual(await codes(`?since=${new Date(Date.now() + 60_000).toISOString()}`), []);
});

function entry(n: number, patientId: string, lpsSystem: string): CancellationEntry {
  return { patientId, producerCode: `P${n}`, lpsSystem, receivedAt: `2026-11-25T09:00:0${n}.000Z`, httpStatus: 200, cancelled: { LABA: n, MiBa: 0 } };
}

test('the journal keeps its newest entries up to its bound, oldest first', () => {
  const bounded = new CancellationJournal(3);
  assert.deepEqual(bounded.list(), []);
  for (let n = 1; n <= 3; n += 1) bounded.record(entry(n, '2512489996', 'Pilot-LPS'));
  assert.deepEqual(bounded.list().map((listed) => listed.producerCode), ['P1', 'P2', 'P3']);
  for (let n = 4; n <= 5; n += 1) bounded.record(entry(n, '2512489996', 'Pilot-LPS'));
  assert.deepEqual(bounded.list(), [3, 4, 5].map((n) => entry(n, '2512489996', 'Pilot-LPS')));
});

test("the journal's since is inclusive, and each filter narrows on its own field", () => {
  const cancellations = new CancellationJournal();
  cancellations.record(entry(1, '2512489996', 'Pilot-LPS'));
  cancellations.record(entry(2, '0201609995', 'Andet-LPS'));
  cancellations.record(entry(3, '2512489996', 'Andet-LPS'));
  const codes = (filter: Parameters<CancellationJournal['list']>[0]) => cancellations.list(filter).map((listed) => listed.producerCode);
  assert.deepEqual(codes({}), ['P1', 'P2', 'P3']);
  assert.deepEqual(codes({ since: '2026-11-25T09:00:02.000Z' }), ['P2', 'P3']);
  assert.deepEqual(codes({ patient: '0201609995' }), ['P2']);
  assert.deepEqual(codes({ system: 'Pilot-LPS' }), ['P1']);
  assert.deepEqual(codes({ patient: '2512489996', system: 'Andet-LPS', since: '2026-11-25T09:00:01.000Z' }), ['P3']);
});
