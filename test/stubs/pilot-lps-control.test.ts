/**
 * The pilot LPS's control interface, answer by answer: refusals with their rule and text, unknown results, bad
 * requests, what the journal keeps, share-pending's skipped results, receipts that are not positive, a hub that
 * answers without a receipt or not at all, patient cancellations (one per producer, counts summed, a failed one
 * changing nothing), the token sent to the hub, and the configuration read from the environment.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { HttpResponse } from 'msw';
import { negativeReceipt, readEmessage, writeReceipt } from '../../medcom';
import { knownAnalysisNames } from '../../medcom/npu-catalogue';
import { buildPilotLpsApp } from '../../stubs/pilot-lps/app';
import { readPilotLpsConfig } from '../../stubs/pilot-lps/config';
import { FAKE_PLSP_URL, pilotLpsOnFakePlsp } from '../support/fake-plsp';

const { plsp, app } = pilotLpsOnFakePlsp();

type Body = Record<string, unknown>;
type Reply = { status: number; body: Body };

async function callOn(target: FastifyInstance, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object): Promise<Reply> {
  const response = await target.inject({ method, url, ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.body ? (response.json() as Body) : {} };
}
const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => callOn(app(), method, url, payload);

const clinic = { name: 'Lægehuset Kontrol' };
const einer = { cpr: '0201609995', givenName: 'Einer', surname: 'Test Lauridsen' };

async function register(payload: object = {}, target = app()): Promise<string> {
  const response = await callOn(target, 'POST', '/api/v1/results', { clinic, patient: einer, analysis: 'CRP', value: '45', ...payload });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return String(response.body.id);
}

async function registerShared(payload: object = {}): Promise<string> {
  const id = await register(payload);
  const shared = await call('POST', `/api/v1/results/${id}/share`);
  assert.equal(shared.status, 200, JSON.stringify(shared.body));
  return id;
}

test('health answers for the pilot LPS', async () => {
  assert.deepEqual(await call('GET', '/health'), { status: 200, body: { status: 'ok', system: 'pilot-lps' } });
});

test('a result nobody registered: 404 naming it, without a rule, on every route', async () => {
  const unknown = { status: 404, body: { error: 'No result R999 in this LPS' } };
  assert.deepEqual(await call('GET', '/api/v1/results/R999'), unknown);
  assert.deepEqual(await call('DELETE', '/api/v1/results/R999'), unknown);
  assert.deepEqual(await call('POST', '/api/v1/results/R999/share'), unknown);
  assert.deepEqual(await call('POST', '/api/v1/results/R999/corrections', { value: '4' }), unknown);
  assert.deepEqual(await call('POST', '/api/v1/results/R999/final', {}), unknown);
  assert.deepEqual(await call('PUT', '/api/v1/results/R999/patient', einer), unknown);
  assert.equal(plsp.requests.length, 0);
});

test('bad registrations: an unknown analysis names the known ones; a received result needs its producer; a producer of the centre its ydernummer', async () => {
  assert.deepEqual(await call('POST', '/api/v1/results', { clinic, patient: einer, analysis: 'Kolesterol', value: '5' }), {
    status: 400,
    body: { error: `Unknown analysis "Kolesterol". Known: ${knownAnalysisNames().join(', ')}` },
  });
  assert.deepEqual(await call('POST', '/api/v1/results', { clinic, patient: einer, analysis: 'Hb', value: '8', origin: 'laboratorium' }), {
    status: 400,
    body: { error: 'A result received from laboratorium needs its producer: give producer {name, code}' },
  });
  assert.deepEqual(await call('POST', '/api/v1/requisitions', { clinic, patient: einer, results: [{ analysis: 'CRP', value: '4' }, { analysis: 'Hb', value: '8', producer: { name: 'Lægerne Syd', code: 'LS' } }] }), {
    status: 400,
    body: { error: 'The producer "Lægerne Syd" of a result produced in the medical centre needs its ydernummer: give producer {name, code, ydernummer}' },
  });
  const received = await call('POST', '/api/v1/results', { clinic, patient: einer, analysis: 'Hb', value: '8', origin: 'anden_praksis', producer: { name: 'Lægehuset Nord', code: 'LHN' } });
  assert.equal(received.status, 201, 'a received result needs no ydernummer');
  assert.deepEqual([received.body.origin, received.body.producer], ['anden_praksis', { name: 'Lægehuset Nord', code: 'LHN' }]);
});

test('every request is checked against its schema: 400 naming the field, nothing registered, changed or sent', async () => {
  const id = await register({ status: 'svar_midlertidigt' });
  const refused = (error: string) => ({ status: 400, body: { error } });
  assert.deepEqual(await call('POST', '/api/v1/requisitions', { clinic, patient: einer, results: [] }), refused('body/results must NOT have fewer than 1 items'));
  assert.deepEqual(await call('POST', `/api/v1/results/${id}/share`, { encoding: 'UTF-16' }), refused('body/encoding must be equal to one of the allowed values'));
  assert.deepEqual(await call('POST', `/api/v1/results/${id}/corrections`, { value: '' }), refused('body/value must NOT have fewer than 1 characters'));
  assert.deepEqual(await call('POST', `/api/v1/results/${id}/final`, { value: '1234567890123' }), refused('body/value must NOT have more than 12 characters'));
  assert.deepEqual(await call('PUT', `/api/v1/results/${id}/patient`, { cpr: '02016099', givenName: 'Einer', surname: 'Test' }), refused('body/cpr must match pattern "^[0-9]{10}$"'));
  assert.deepEqual(await call('POST', '/api/v1/patients/0201609995/cancellation', {}), refused("body must have required property 'clinic'"));
  const stored = (await call('GET', `/api/v1/results/${id}`)).body;
  assert.deepEqual([stored.value, stored.status, stored.patient], ['45', 'svar_midlertidigt', { ...einer, consentGiven: true }]);
  assert.equal(plsp.requests.length, 0);
});

test('refusals name the rule and say what to do', async () => {
  const shared = await registerShared();
  assert.deepEqual(await call('DELETE', `/api/v1/results/${shared}`), { status: 409, body: { rule: 'DEL-04', error: `Result ${shared} has been shared and cannot be deleted: correct it instead` } });
  assert.deepEqual(await call('PUT', `/api/v1/results/${shared}/patient`, { ...einer, cpr: '2512489996' }), {
    status: 409,
    body: { rule: 'LABA-05', error: `Result ${shared} has been shared: its patient id cannot change. Cancel every result sent for the wrong patient id, then register them for the right one` },
  });
  assert.deepEqual(await call('POST', `/api/v1/results/${shared}/final`, { value: '4' }), { status: 409, body: { rule: 'DEL-05', error: `Result ${shared} is already final: correct it instead` } });
  const fromLab = await register({ origin: 'laboratorium', producer: { name: 'KBA Aalborg', code: 'KBA' } });
  assert.deepEqual(await call('POST', `/api/v1/results/${fromLab}/share`), {
    status: 409,
    body: { rule: 'DEL-06', error: `Result ${fromLab} was received from the laboratory KBA Aalborg: only results produced in this practice are shared` },
  });
  assert.deepEqual(await call('POST', `/api/v1/results/${fromLab}/corrections`, { value: '9' }), {
    status: 409,
    body: { rule: 'DEL-06', error: `Result ${fromLab} was not produced in this practice and cannot be changed here` },
  });
  const copy = await register({ origin: 'anden_praksis', producer: { name: 'Lægehuset Nord', code: 'LHN' } });
  assert.deepEqual(await call('POST', `/api/v1/results/${copy}/share`), {
    status: 409,
    body: { rule: 'DEL-07', error: `Result ${copy} is a copy from another practice (Lægehuset Nord): only results produced in this practice are shared` },
  });
  assert.deepEqual(await call('POST', `/api/v1/results/${copy}/final`, {}), {
    status: 409,
    body: { rule: 'DEL-06', error: `Result ${copy} was not produced in this practice and cannot be changed here` },
  });
  assert.equal((await call('GET', `/api/v1/results/${fromLab}`)).body.value, '45', 'a refused correction changes nothing');
});

test('a result not shared yet can be deleted and moved to another patient, who is then the one sent', async () => {
  const gone = await register();
  assert.deepEqual(await call('DELETE', `/api/v1/results/${gone}`), { status: 204, body: {} });
  assert.equal((await call('GET', `/api/v1/results/${gone}`)).status, 404);
  const moved = await register();
  const other = { replacementCpr: '0201609XT1', givenName: 'Anne', surname: 'Test Hansen', consentGiven: false };
  const answer = await call('PUT', `/api/v1/results/${moved}/patient`, other);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual([answer.body.id, answer.body.patient], [moved, other]);
  assert.deepEqual((await call('GET', `/api/v1/results/${moved}`)).body.patient, other);
  assert.equal((await call('POST', `/api/v1/results/${moved}/share`)).status, 200);
  assert.deepEqual(plsp.letters()[0]?.patient, { alternativeIdentifier: '0201609XT1', personSurnameName: 'Test Hansen', personGivenName: 'Anne', consentGiven: false });
});

test('share-pending shares each sample once and lists what it skipped, with rule and reason', async () => {
  const lps = await buildPilotLpsApp({ plspUrl: FAKE_PLSP_URL, systemName: 'Pilot-LPS' });
  try {
    const requisition = await callOn(lps, 'POST', '/api/v1/requisitions', { clinic, patient: einer, results: [{ analysis: 'CRP', value: '4' }, { analysis: 'Hb', value: '8' }] });
    const [crp, hb] = (requisition.body.results as Body[]).map((result) => String(result.id));
    const fromLab = await register({ origin: 'laboratorium', producer: { name: 'KBA Aalborg', code: 'KBA' } }, lps);
    const copy = await register({ origin: 'anden_praksis', producer: { name: 'Lægehuset Nord', code: 'LHN' } }, lps);
    const single = await register({ analysis: 'INR', value: '2,4' }, lps);
    const outcome = await callOn(lps, 'POST', '/api/v1/share-pending');
    assert.equal(outcome.status, 200, JSON.stringify(outcome.body));
    assert.deepEqual((outcome.body.shared as Body[]).map((sent) => [sent.id, sent.ids, sent.httpStatus]), [
      [crp, [crp, hb], 200],
      [single, [single], 200],
    ]);
    assert.deepEqual(outcome.body.skipped, [
      { id: fromLab, rule: 'DEL-06', reason: `Result ${fromLab} was received from the laboratory KBA Aalborg: only results produced in this practice are shared` },
      { id: copy, rule: 'DEL-07', reason: `Result ${copy} is a copy from another practice (Lægehuset Nord): only results produced in this practice are shared` },
    ]);
    assert.equal(plsp.letters().length, 2);
    const again = await callOn(lps, 'POST', '/api/v1/share-pending');
    assert.deepEqual((again.body.shared as Body[]).length, 0);
  } finally {
    await lps.close();
  }
});

test('a refused message leaves the result unshared: the receipt is answered, and the next share sends it again', async () => {
  plsp.answerXrpt = (bytes) =>
    new HttpResponse(writeReceipt(negativeReceipt(readEmessage(bytes).refs, { ean: '5790000000009' }, 'syntaksfejl', [])), { status: 422, headers: { 'content-type': 'application/xml' } });
  const id = await register();
  const refused = await call('POST', `/api/v1/results/${id}/share`);
  assert.equal(refused.status, 200, JSON.stringify(refused.body));
  assert.deepEqual([refused.body.httpStatus, (refused.body.receipt as Body).kind], [422, 'XCTL02']);
  assert.equal((await call('GET', `/api/v1/results/${id}`)).body.shared, false);
  plsp.answerXrpt = undefined;
  assert.equal((await call('POST', `/api/v1/results/${id}/share`)).body.httpStatus, 200);
  assert.equal((await call('GET', `/api/v1/results/${id}`)).body.shared, true);
  assert.equal(plsp.letters().length, 2);
});

test('a result shared again is sent again, alone', async () => {
  const id = await registerShared();
  const again = await call('POST', `/api/v1/results/${id}/share`);
  assert.equal(again.status, 200, JSON.stringify(again.body));
  assert.deepEqual(again.body.ids, [id]);
  assert.equal(plsp.letters().length, 2);
});

test('a hub answering without a receipt, or not at all: 500 saying so, nothing marked shared', async () => {
  plsp.answerXrpt = () => new HttpResponse('Service Unavailable', { status: 503 });
  const id = await register();
  const answer = await call('POST', `/api/v1/results/${id}/share`);
  assert.equal(answer.status, 500);
  assert.match(String(answer.body.error), /^PLSP answered HTTP 503 without a MedCom receipt \(.+\): Service Unavailable$/);
  const pending = await call('POST', '/api/v1/share-pending');
  assert.equal(pending.status, 500, 'share-pending stops at a hub that fails, it does not skip the result');
  assert.match(String(pending.body.error), /^PLSP answered HTTP 503/);
  assert.equal((await call('GET', `/api/v1/results/${id}`)).body.shared, false);
  plsp.answerXrpt = () => new HttpResponse(`<html>${'x'.repeat(400)}</html>`, { status: 502 });
  const long = await call('POST', `/api/v1/results/${id}/share`);
  assert.match(String(long.body.error), new RegExp(`^PLSP answered HTTP 502 without a MedCom receipt \\(.+\\): <html>x{294}$`), 'the answer cut at 300 characters');

  const unreachable = await buildPilotLpsApp({ plspUrl: 'http://127.0.0.1:1', systemName: 'Pilot-LPS' });
  try {
    const mine = await register({}, unreachable);
    const failed = await callOn(unreachable, 'POST', `/api/v1/results/${mine}/share`);
    assert.equal(failed.status, 500);
    assert.match(String(failed.body.error), /^PLSP could not be reached at http:\/\/127\.0\.0\.1:1\/plsp\/v1\/xrpt: /);
  } finally {
    await unreachable.close();
  }
});

test('the LPS sends the hub its system name and the platform token when it has one, messages and cancellations alike', async () => {
  const lps = await buildPilotLpsApp({ plspUrl: FAKE_PLSP_URL, systemName: 'Klinik-LPS 2', accessToken: 's3cret' });
  try {
    const id = await register({}, lps);
    assert.equal((await callOn(lps, 'POST', `/api/v1/results/${id}/share`)).status, 200);
    assert.equal((await callOn(lps, 'POST', '/api/v1/patients/0201609995/cancellation', { clinic: clinic.name })).status, 200);
    assert.deepEqual(
      plsp.requests.map((request) => [request.path, request.headers['x-lps-system'], request.headers.authorization, request.headers['content-type']]),
      [
        ['/plsp/v1/xrpt', 'Klinik-LPS 2', 'Bearer s3cret', 'application/xml; charset=UTF-8'],
        ['/plsp/v1/cancellations', 'Klinik-LPS 2', 'Bearer s3cret', 'application/json'],
      ],
    );
  } finally {
    await lps.close();
  }
});

test('cancelling a patient: one cancellation per producer, counts summed, only that practice\'s and patient\'s shared results, then refused as done', async () => {
  const lps = await buildPilotLpsApp({ plspUrl: FAKE_PLSP_URL, systemName: 'Pilot-LPS' });
  try {
    const requisition = await callOn(lps, 'POST', '/api/v1/requisitions', {
      clinic,
      patient: einer,
      results: [{ analysis: 'CRP', value: '4' }, { analysis: 'Hb', value: '8', producer: { name: 'Lægerne Syd', code: 'LS', ydernummer: '067890' } }, { analysis: 'INR', value: '2,1' }],
    });
    const ids = (requisition.body.results as Body[]).map((result) => String(result.id));
    assert.equal((await callOn(lps, 'POST', `/api/v1/results/${ids[0]}/share`)).status, 200);
    const unshared = await register({}, lps);
    const otherClinic = await register({ clinic: { name: 'Lægehuset Anden' } }, lps);
    const otherPatient = await register({ patient: { ...einer, cpr: '2512489996' } }, lps);
    await callOn(lps, 'POST', `/api/v1/results/${otherClinic}/share`);
    await callOn(lps, 'POST', `/api/v1/results/${otherPatient}/share`);
    plsp.reset();
    plsp.answerCancellation = (body) =>
      HttpResponse.json((body as { producerCode: string }).producerCode === 'LS' ? { cancelled: { LABA: 1, MiBa: 2 } } : { cancelled: { LABA: 3 } });
    const cancelled = await callOn(lps, 'POST', '/api/v1/patients/0201609995/cancellation', { clinic: clinic.name });
    assert.deepEqual(cancelled, { status: 200, body: { httpStatus: 200, body: { cancelled: { LABA: 4, MiBa: 2 } }, results: ids } });
    assert.deepEqual(
      plsp.requests.map((request) => JSON.parse(request.bytes.toString('utf8')) as unknown),
      [
        { patientId: '0201609995', producerCode: 'LK' },
        { patientId: '0201609995', producerCode: 'LS' },
      ],
    );
    for (const id of ids) assert.equal((await callOn(lps, 'GET', `/api/v1/results/${id}`)).body.cancelled, true);
    for (const id of [unshared, otherClinic, otherPatient]) assert.equal((await callOn(lps, 'GET', `/api/v1/results/${id}`)).body.cancelled, false);
    assert.deepEqual(await callOn(lps, 'POST', `/api/v1/results/${ids[1]}/share`), { status: 409, body: { rule: 'LABA-05', error: `Result ${ids[1]} was cancelled and cannot be shared again` } });
    assert.deepEqual(await callOn(lps, 'POST', '/api/v1/patients/0201609995/cancellation', { clinic: clinic.name }), {
      status: 409,
      body: { rule: 'LABA-05', error: 'Lægehuset Kontrol has shared no results for 0201609995: there is nothing to cancel' },
    });
    const pending = await callOn(lps, 'POST', '/api/v1/share-pending');
    assert.deepEqual((pending.body.shared as Body[]).map((sent) => sent.ids), [[unshared]], 'cancelled results are not pending');
  } finally {
    await lps.close();
  }
});

test('a cancellation the hub refuses is answered as the hub gave it and cancels nothing; an answer without counts counts none', async () => {
  const id = await registerShared({ patient: { ...einer, cpr: '1111111118' } });
  plsp.answerCancellation = () => new HttpResponse('hub down', { status: 503 });
  assert.deepEqual(await call('POST', '/api/v1/patients/1111111118/cancellation', { clinic: clinic.name }), { status: 200, body: { httpStatus: 503, body: 'hub down', results: [id] } });
  plsp.answerCancellation = () => HttpResponse.json({ error: 'unknown producer' }, { status: 400 });
  assert.deepEqual(await call('POST', '/api/v1/patients/1111111118/cancellation', { clinic: clinic.name }), { status: 200, body: { httpStatus: 400, body: { error: 'unknown producer' }, results: [id] } });
  assert.equal((await call('GET', `/api/v1/results/${id}`)).body.cancelled, false);
  plsp.answerCancellation = () => HttpResponse.json({ note: 'no counts' });
  assert.deepEqual(await call('POST', '/api/v1/patients/1111111118/cancellation', { clinic: clinic.name }), { status: 200, body: { httpStatus: 200, body: { cancelled: { LABA: 0, MiBa: 0 } }, results: [id] } });
  assert.equal((await call('GET', `/api/v1/results/${id}`)).body.cancelled, true);
});

test('configuration from the environment: the hub URL without trailing slashes, the system name, the token', () => {
  assert.deepEqual(readPilotLpsConfig({ PILOT_LPS_PLSP_URL: 'http://hub:8702//' }), { plspUrl: 'http://hub:8702', systemName: 'Pilot-LPS' });
  assert.deepEqual(readPilotLpsConfig({ PILOT_LPS_PLSP_URL: 'http://hub:8702', PILOT_LPS_SYSTEM_NAME: 'Klinik-LPS', LOKALSVAR_TOKEN: 't0ken' }), {
    plspUrl: 'http://hub:8702',
    systemName: 'Klinik-LPS',
    accessToken: 't0ken',
  });
  assert.deepEqual(readPilotLpsConfig({ PILOT_LPS_PLSP_URL: 'http://hub:8702', PILOT_LPS_SYSTEM_NAME: '', LOKALSVAR_TOKEN: '' }), { plspUrl: 'http://hub:8702', systemName: 'Pilot-LPS' });
  assert.throws(() => readPilotLpsConfig({}), { message: 'PILOT_LPS_PLSP_URL is not set: give the base URL of the system, e.g. PILOT_LPS_PLSP_URL=http://127.0.0.1:8702' });
  assert.throws(() => readPilotLpsConfig({ PILOT_LPS_PLSP_URL: '127.0.0.1:8702 hub' }), { message: 'PILOT_LPS_PLSP_URL=127.0.0.1:8702 hub is not a URL: give e.g. http://127.0.0.1:8702' });
});
