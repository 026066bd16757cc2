/** The hub stub through HTTP (fastify inject), with the databanks faked by msw on .invalid hosts. */
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { http, HttpResponse } from 'msw';
import { readReceipt, writeEmessage } from '../../medcom';
import { clinicEmessage } from '../../medcom/compose-clinic-report';
import { findAnalysis } from '../../medcom/npu-catalogue';
import { buildPlspApp } from '../../stubs/plsp/app';
import { sumOf } from '../../steps/support/prometheus-text';
import { fakeNetwork } from '../support/msw';

const uploads: { databank: string; body: string }[] = [];
/** Statuses LABA answers with, one per upload; 200 once they run out. */
let labaStatuses: number[] = [];
let lastUploadSystem: string | null = null;
const network = fakeNetwork(
  http.post('http://laba.invalid/api/v1/upload', async ({ request }) => {
    uploads.push({ databank: 'LABA', body: await request.text() });
    lastUploadSystem = request.headers.get('x-lps-system');
    const status = labaStatuses.shift() ?? 200;
    return status === 200 ? HttpResponse.json({ stored: 1, duplicates: 0 }) : new HttpResponse('down', { status });
  }),
  http.post('http://miba.invalid/api/v1/upload', async ({ request }) => {
    uploads.push({ databank: 'MiBa', body: await request.text() });
    return HttpResponse.json({ stored: 1, duplicates: 0 });
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
  labaStatuses = [];
});
after(async () => {
  await app.close();
  network.close();
});

function crpMessage(cpr = '2512489996'): { xml: string; envelope: string; letter: string } {
  const now = new Date('2026-11-25T09:52:00Z');
  const message = clinicEmessage({
    clinic: { name: 'Lægerne Testgade', ydernummer: '012345', ean: '5790000000000', producerCode: 'LT' },
    patient: { cpr, givenName: 'Nancy Ann', surname: 'Test Berggren', consentGiven: true },
    analysis: findAnalysis('CRP')!,
    value: '45',
    referenceInterval: { typeOfInterval: 'fysiologisk', upperLimit: '10' },
    sampleNumber: '1234567890',
    sampledAt: now,
    resultAt: now,
  });
  return { xml: writeEmessage(message), envelope: message.envelope.identifier, letter: message.letters[0]!.letter.identifier };
}

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

test('a resend of the same letter is counted as a resend, not as one more result shared or forwarded (MON-01)', async () => {
  const counters = async () => {
    const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    return {
      shared: sumOf(text, 'plsp_results_shared_total', { lps_system: 'Pilot-LPS' }),
      forwarded: sumOf(text, 'plsp_results_forwarded_total', { lps_system: 'Pilot-LPS', databank: 'LABA' }),
      resent: sumOf(text, 'plsp_results_resent_total', { lps_system: 'Pilot-LPS', databank: 'LABA' }),
    };
  };
  const before = await counters();
  const message = crpMessage('0201609995');
  assert.equal((await post(message.xml)).statusCode, 200);
  // The same letter again in a new envelope with a new letter identifier, as an LPS resends it.
  const again = message.xml.replace(message.envelope, 'E2RESEND').replace(message.letter, 'L2RESEND');
  assert.equal((await post(again)).statusCode, 200);
  const after = await counters();
  assert.deepEqual(
    { shared: after.shared - before.shared, forwarded: after.forwarded - before.forwarded, resent: after.resent - before.resent },
    { shared: 1, forwarded: 1, resent: 1 },
  );
  assert.equal(uploads.length, 2, 'the resend still goes to LABA, which stores it once (LABA-06)');
});
