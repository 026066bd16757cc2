/** The pilot LPS's control interface through HTTP (fastify inject); PLSP faked by msw, answering every message with a positive receipt. */
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { http, HttpResponse } from 'msw';
import { positiveReceipt, readEmessage, writeReceipt, type LaboratoryReport, type MicrobiologyWebReport, type ReportLetter } from '../../medcom';
import { buildPilotLpsApp } from '../../stubs/pilot-lps/app';
import { fakeNetwork } from '../support/msw';

const sent: ReportLetter[] = [];
const cancellations: unknown[] = [];
const network = fakeNetwork(
  http.post('http://plsp.invalid/plsp/v1/xrpt', async ({ request }) => {
    const outcome = readEmessage(await request.text());
    sent.push(...(outcome.message?.letters ?? []));
    return new HttpResponse(writeReceipt(positiveReceipt(outcome.refs, { ean: '5790000000009' })), { headers: { 'content-type': 'application/xml' } });
  }),
  http.post('http://plsp.invalid/plsp/v1/cancellations', async ({ request }) => {
    cancellations.push(await request.json());
    return HttpResponse.json({ cancelled: { LABA: 1, MiBa: 0 } });
  }),
);

let app: FastifyInstance;
before(async () => {
  app = await buildPilotLpsApp({ plspUrl: 'http://plsp.invalid', systemName: 'Pilot-LPS' });
});
afterEach(() => {
  sent.length = 0;
  cancellations.length = 0;
});
after(async () => {
  await app.close();
  network.close();
});

const clinic = { name: 'Lægehuset Annullering og Omegn' };
const einer = { cpr: '0201609995', givenName: 'Einer', surname: 'Test Lauridsen' };

async function call(method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) {
  const response = await app.inject({ method, url, ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.body ? (response.json() as Record<string, unknown>) : {} };
}

function lab(letter: ReportLetter | undefined): LaboratoryReport {
  assert.equal(letter?.kind, 'XRPT01');
  return letter as LaboratoryReport;
}

test('several results of one sample go in one letter, a value above its interval flagged for_hoej, times as registered', async () => {
  const registered = await call('POST', '/api/v1/requisitions', {
    clinic,
    patient: einer,
    sampledAt: '2026-11-25T07:10:00Z',
    resultAt: '2026-11-25T09:52:00Z',
    results: [
      { analysis: 'CRP', value: '45', referenceInterval: { typeOfInterval: 'fysiologisk', upperLimit: '10' } },
      { analysis: 'Glukose', value: '5,4', unit: 'mmol/L', referenceInterval: { typeOfInterval: 'fysiologisk', lowerLimit: '4,0', upperLimit: '6,0' } },
      { analysis: 'Hb', value: '6,9', referenceInterval: { typeOfInterval: 'fysiologisk', lowerLimit: '7,3', upperLimit: '9,5' }, producer: { name: 'Lægerne Syd', code: 'LS', ydernummer: '067890' } },
    ],
  });
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
  const [first] = registered.body.results as { id: string }[];
  const shared = await call('POST', `/api/v1/results/${first?.id}/share`);
  assert.equal(shared.status, 200, JSON.stringify(shared.body));
  assert.equal(sent.length, 1);
  const letter = lab(sent[0]);
  assert.deepEqual(
    letter.results.map((result) => [result.analysis.analysisCode, result.value, result.resultValidation, result.producerOfLabResult.identifierCode]),
    [
      ['NPU19748', '45', 'for_hoej', 'LAO'],
      ['NPU22089', '5,4', undefined, 'LAO'],
      ['NPU02319', '6,9', 'for_lav', 'LS'],
    ],
  );
  assert.equal(letter.sender.organisationName, clinic.name);
  assert.deepEqual(letter.requisitionInformation.sample.samplingDateTime, { date: '2026-11-25', time: '08:10' });
  assert.deepEqual(letter.generalResultInformation.resultsDateTime, { date: '2026-11-25', time: '10:52' });
  const again = await call('POST', '/api/v1/share-pending');
  assert.deepEqual(again.body.shared, [], 'results shared in the letter are not shared again');
});

test('a correction is sent on as svar_rettet with its comment, its flag recomputed', async () => {
  const { body } = await call('POST', '/api/v1/results', { clinic, patient: einer, analysis: 'CRP', value: '45', referenceInterval: { typeOfInterval: 'fysiologisk', upperLimit: '10' } });
  await call('POST', `/api/v1/results/${body.id}/share`);
  const first = sent.length; assert.equal(first, 1, "shared once");
  const corrected = await call('POST', `/api/v1/results/${body.id}/corrections`, { value: '4', comment: 'Fejlindtastning rettet' });
  assert.equal(corrected.status, 200, JSON.stringify(corrected.body));
  const result = lab(sent.at(-1)).results[0];
  assert.deepEqual([result?.resultStatusCode, result?.value, result?.resultValidation, result?.resultComments], ['svar_rettet', '4', undefined, ['Fejlindtastning rettet']]);
});

test('a preliminary result is shared as svar_midlertidigt, then as svar_endeligt when made final', async () => {
  const { body } = await call('POST', '/api/v1/results', { clinic, patient: einer, analysis: 'HbA1c', value: '50', status: 'svar_midlertidigt' });
  await call('POST', `/api/v1/results/${body.id}/share`);
  assert.equal(lab(sent.at(-1)).results[0]?.resultStatusCode, 'svar_midlertidigt');
  const final = await call('POST', `/api/v1/results/${body.id}/final`, { value: '52' });
  assert.equal(final.status, 200, JSON.stringify(final.body));
  assert.deepEqual([lab(sent.at(-1)).results[0]?.resultStatusCode, lab(sent.at(-1)).results[0]?.value], ['svar_endeligt', '52']);
  assert.equal((await call('POST', `/api/v1/results/${body.id}/final`, {})).status, 409);
});

test('a patient with a replacement CPR is sent with AlternativeIdentifier and can be cancelled by it', async () => {
  const patient = { replacementCpr: '0201609XT1', givenName: 'Einer', surname: 'Test Lauridsen' };
  const { body } = await call('POST', '/api/v1/results', { clinic, patient, analysis: 'CRP', value: '12' });
  await call('POST', `/api/v1/results/${body.id}/share`);
  assert.equal(sent.at(-1)?.patient.alternativeIdentifier, '0201609XT1');
  assert.equal(sent.at(-1)?.patient.civilRegistrationNumber, undefined);
  const cancelled = await call('POST', '/api/v1/patients/0201609XT1/cancellation', { clinic: clinic.name });
  assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
  assert.deepEqual(cancellations, [{ patientId: '0201609XT1', producerCode: 'LAO' }]);
});

test('a Strep A carries the ydernummer as producer identifier and the examinator given', async () => {
  const { body } = await call('POST', '/api/v1/results', { clinic: { ...clinic, ydernummer: '054321' }, patient: einer, analysis: 'Strep A', value: 'Positiv', examinator: 'Sygeplejerske Hanne Test' });
  assert.equal((await call('POST', `/api/v1/results/${body.id}/share`)).status, 200);
  const examination = (sent.at(-1) as MicrobiologyWebReport).investigations[0]?.examination;
  assert.deepEqual([examination?.producerOfLabResult, examination?.examinator], [{ identifier: '054321', identifierCode: 'LAO' }, 'Sygeplejerske Hanne Test']);
});

test('the refusals stay: delete (DEL-04), laboratory results (DEL-06), copies (DEL-07), moving a patient (LABA-05)', async () => {
  const { body } = await call('POST', '/api/v1/results', { clinic, patient: einer, analysis: 'CRP', value: '45' });
  await call('POST', `/api/v1/results/${body.id}/share`);
  assert.deepEqual(pick(await call('DELETE', `/api/v1/results/${body.id}`)), [409, 'DEL-04']);
  assert.deepEqual(pick(await call('PUT', `/api/v1/results/${body.id}/patient`, { ...einer, cpr: '2512489996' })), [409, 'LABA-05']);
  const fromLab = await call('POST', '/api/v1/results', { clinic, patient: einer, analysis: 'Hb', value: '8', origin: 'laboratorium', producer: { name: 'KBA Aalborg', code: 'KBA' } });
  assert.deepEqual(pick(await call('POST', `/api/v1/results/${fromLab.body.id}/share`)), [409, 'DEL-06']);
  const copy = await call('POST', '/api/v1/results', { clinic, patient: einer, analysis: 'INR', value: '2,4', origin: 'anden_praksis', producer: { name: 'Lægehuset Nord', code: 'LHN' } });
  assert.deepEqual(pick(await call('POST', `/api/v1/results/${copy.body.id}/share`)), [409, 'DEL-07']);
});

test('limits without their type of interval are refused before anything is sent', async () => {
  const response = await call('POST', '/api/v1/results', { clinic, patient: einer, analysis: 'CRP', value: '4', referenceInterval: { upperLimit: '10' } });
  assert.equal(response.status, 400);
  assert.match(String(response.body.error ?? response.body.message), /typeOfInterval/);
});

test('a producer other than the practice needs its ydernummer', async () => {
  const response = await call('POST', '/api/v1/results', { clinic, patient: einer, analysis: 'CRP', value: '4', producer: { name: 'Lægerne Syd', code: 'LS' } });
  assert.equal(response.status, 400);
  assert.match(String(response.body.error), /needs its ydernummer/);
});

function pick(response: { status: number; body: Record<string, unknown> }): [number, unknown] {
  return [response.status, response.body.rule];
}
