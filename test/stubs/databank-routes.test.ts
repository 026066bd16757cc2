/**
 * The databank's HTTP interface (stubs/databank/routes.ts, contracts/databank.ts): what each route answers, for
 * good input and bad, and that a refused upload stores nothing. Producer naming is in databank-producer.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { writeEmessage } from '../../medcom';
import { clinicLetterEmessage } from '../../medcom/compose-clinic-report';
import { findAnalysis } from '../../medcom/npu-catalogue';
import { buildDatabankApp } from '../../stubs/databank/app';
import { readDatabankConfig } from '../../stubs/databank/config';

const CPR = '0201609995';
let laba: FastifyInstance;
before(async () => {
  laba = await buildDatabankApp({ role: 'laba', databasePath: ':memory:' });
});
after(async () => {
  await laba.close();
});

function message(analysis: string, value: string, cpr = CPR): { xml: string; envelope: string } {
  const at = new Date('2026-11-25T09:00:00Z');
  const emessage = clinicLetterEmessage({
    clinic: { name: 'Lægerne Testgade', ydernummer: '012345', ean: '5790001234567', producerCode: 'LT' },
    patient: { cpr, givenName: 'Einer', surname: 'Test Lauridsen', consentGiven: true },
    sampleNumber: '1234567890',
    sampledAt: at,
    resultAt: at,
    results: [{ analysis: findAnalysis(analysis)!, value }],
  });
  return { xml: writeEmessage(emessage), envelope: emessage.envelope.identifier };
}

const upload = (body: string, contentType = 'application/xml; charset=utf-8') =>
  laba.inject({ method: 'POST', url: '/api/v1/upload', payload: body, headers: { 'content-type': contentType } });
const resultsOf = async (cpr: string) => (await laba.inject({ method: 'GET', url: `/api/v1/results?patient=${cpr}` })).json() as { results: unknown[] };

test('an upload answers with its id and counts; the message is served back byte for byte with its charset', async () => {
  const { xml, envelope } = message('CRP', '12', '2512489996');
  const response = await upload(xml);
  assert.equal(response.statusCode, 200, response.body);
  const answer = response.json() as { upload: number; stored: number; duplicates: number };
  assert.deepEqual([answer.stored, answer.duplicates], [1, 0]);
  assert.ok(Number.isSafeInteger(answer.upload) && answer.upload > 0);
  const served = await laba.inject({ method: 'GET', url: `/api/v1/messages/${envelope}` });
  assert.equal(served.statusCode, 200);
  assert.equal(served.headers['content-type'], 'application/xml; charset=utf-8');
  assert.equal(served.body, xml);
  const missing = await laba.inject({ method: 'GET', url: '/api/v1/messages/E-UKENDT' });
  assert.equal(missing.statusCode, 404);
  assert.match(missing.json().error, /No message with envelope identifier E-UKENDT/);
});

test('what is not an Emessage, or not the databank\'s letter type, is refused saying why, and nothing is stored', async () => {
  const notXml = await upload('{"x":1}', 'application/json');
  assert.equal(notXml.statusCode, 415);
  assert.match(notXml.json().error, /Content-Type application\/xml/);
  const broken = await upload('<Emessage><Envelope>');
  assert.equal(broken.statusCode, 400);
  assert.match(broken.json().error, /not a valid MedCom Emessage/);
  assert.ok((broken.json().findings as unknown[]).length > 0, 'the findings say what is wrong');
  const strep = await upload(message('Strep A', 'Negativ', '1111111118').xml);
  assert.equal(strep.statusCode, 422);
  assert.equal(strep.json().error, 'LABA takes only XRPT01; letter 1 is XRPT05');
  assert.deepEqual((await resultsOf('1111111118')).results, []);
});

test('results are listed per patient; without a patient the listing says how to ask', async () => {
  await upload(message('HbA1c', '48', '2509479989').xml);
  assert.equal((await resultsOf('2509479989')).results.length, 1);
  const unasked = await laba.inject({ method: 'GET', url: '/api/v1/results' });
  assert.equal(unasked.statusCode, 400);
  assert.match(unasked.json().error, /\/api\/v1\/results\?patient=/);
});

test('an upload can be undone once; an unknown or malformed upload id is 404', async () => {
  const answer = (await upload(message('Hb', '8,4', '0101010101').xml)).json() as { upload: number };
  const undone = await laba.inject({ method: 'DELETE', url: `/api/v1/uploads/${answer.upload}` });
  assert.equal(undone.statusCode, 200, undone.body);
  assert.deepEqual((await resultsOf('0101010101')).results, []);
  for (const id of [String(answer.upload), 'abc', '99999']) {
    const again = await laba.inject({ method: 'DELETE', url: `/api/v1/uploads/${id}` });
    assert.equal(again.statusCode, 404, `${id}: ${again.body}`);
    assert.match(again.json().error, new RegExp(`No upload ${id} to undo`));
  }
});

test('a cancellation marks the producer\'s results for the patient and says how many; a malformed one is refused', async () => {
  await upload(message('CRP', '30', '0707070707').xml);
  const cancelled = await laba.inject({ method: 'POST', url: '/api/v1/cancellations', payload: { patientId: '0707070707', producerCode: 'LT' } });
  assert.equal(cancelled.statusCode, 200, cancelled.body);
  assert.deepEqual(cancelled.json(), { cancelled: 1 });
  const other = await laba.inject({ method: 'POST', url: '/api/v1/cancellations', payload: { patientId: '0707070707', producerCode: 'XX' } });
  assert.deepEqual(other.json(), { cancelled: 0 });
  const malformed = await laba.inject({ method: 'POST', url: '/api/v1/cancellations', payload: { patientId: '0707070707' } });
  assert.equal(malformed.statusCode, 400);
});

test('the role comes from DATABANK_ROLE, the store from DATABANK_DB (in memory by default)', () => {
  assert.deepEqual(readDatabankConfig({ DATABANK_ROLE: 'miba' }), { role: 'miba', databasePath: ':memory:' });
  assert.deepEqual(readDatabankConfig({ DATABANK_ROLE: 'laba', DATABANK_DB: '/data/laba.sqlite' }), { role: 'laba', databasePath: '/data/laba.sqlite' });
  assert.throws(() => readDatabankConfig({ DATABANK_ROLE: 'lab' }), /DATABANK_ROLE=lab is not a databank: give laba \(XRPT01\) or miba \(XRPT05\)/);
  assert.throws(() => readDatabankConfig({}), /DATABANK_ROLE= is not a databank/);
});

test('a message in ISO-8859-1 is read in the charset it came with, and served back with it; one without a charset is plain XML', async () => {
  const { xml, envelope } = message('CRP', '7', '2808809995');
  // ISO-8859-1 has æ but no em dash (NPU names have one): the dash becomes a hyphen, the æ stays.
  const asLatin1 = xml.replace(/^<\?xml version="1\.0" encoding="[^"]*"\?>/, '<?xml version="1.0" encoding="ISO-8859-1"?>').replaceAll('—', '-');
  const latin1 = Buffer.from(asLatin1, 'latin1');
  const response = await laba.inject({ method: 'POST', url: '/api/v1/upload', payload: latin1, headers: { 'content-type': 'application/xml; charset=ISO-8859-1' } });
  assert.equal(response.statusCode, 200, response.body);
  const [stored] = (await resultsOf('2808809995')).results as { record: { producerIdentifier: string } }[];
  assert.equal(stored?.record.producerIdentifier, 'Lægerne Testgade', 'æ read as ISO-8859-1');
  const served = await laba.inject({ method: 'GET', url: `/api/v1/messages/${envelope}` });
  assert.equal(served.headers['content-type'], 'application/xml; charset=ISO-8859-1');
  assert.deepEqual(served.rawPayload, latin1);

  const plain = message('HbA1c', '40', '2808809995');
  assert.equal((await upload(plain.xml, 'application/xml')).statusCode, 200);
  const servedPlain = await laba.inject({ method: 'GET', url: `/api/v1/messages/${plain.envelope}` });
  assert.equal(servedPlain.headers['content-type'], 'application/xml');
});

test('a cancelled result is listed as cancelled; the other producers\' results of the patient are not', async () => {
  await upload(message('CRP', '31', '0808080808').xml);
  await laba.inject({ method: 'POST', url: '/api/v1/cancellations', payload: { patientId: '0808080808', producerCode: 'LT' } });
  const [result] = (await resultsOf('0808080808')).results as { cancelled: boolean }[];
  assert.equal(result?.cancelled, true);
  await upload(message('Hb', '8,1', '0909090909').xml);
  const [kept] = (await resultsOf('0909090909')).results as { cancelled: boolean }[];
  assert.equal(kept?.cancelled, false);
});
