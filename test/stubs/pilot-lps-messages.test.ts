/**
 * The messages the pilot LPS sends PLSP, letter by letter and field by field: several results in one XRPT01, a
 * Strep A in XRPT05, defaults of a practice given by name only, a sample without a national sample number, the
 * results of one sample split by letter type, corrections and finals, and the bytes and headers sent in UTF-8 and
 * ISO-8859-1. PLSP is faked (test/support/fake-plsp.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { medcomDateTime, type LaboratoryReport, type MicrobiologyWebReport, type ReportLetter } from '../../medcom';
import { findAnalysis, type CatalogueAnalysis } from '../../medcom/npu-catalogue';
import { composeEmessage } from '../../stubs/pilot-lps/compose';
import { Journal } from '../../stubs/pilot-lps/journal';
import { pilotLpsOnFakePlsp } from '../support/fake-plsp';

const { plsp, app } = pilotLpsOnFakePlsp();

type Body = Record<string, unknown>;

async function call(method: 'GET' | 'POST', url: string, payload?: object): Promise<{ status: number; body: Body }> {
  const response = await app().inject({ method, url, ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.body ? (response.json() as Body) : {} };
}

async function registerRequisition(payload: object): Promise<Body[]> {
  const response = await call('POST', '/api/v1/requisitions', payload);
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body.results as Body[];
}

async function share(id: unknown): Promise<Body> {
  const response = await call('POST', `/api/v1/results/${String(id)}/share`);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body;
}

function only<T extends ReportLetter>(kind: T['kind']): T {
  const letters = plsp.letters();
  assert.equal(letters.length, 1, 'one letter sent');
  assert.equal(letters[0]?.kind, kind);
  return letters[0] as T;
}

function analysisOf(name: string): CatalogueAnalysis {
  return findAnalysis(name) as CatalogueAnalysis;
}

function labAnalysis(name: string) {
  const analysis = analysisOf(name);
  return { analysisCode: analysis.code, analysisCodeType: 'iupac', analysisCodeResponsible: 'SST', analysisShortName: analysis.shortName, analysisCompleteName: analysis.completeName };
}

const einer = { cpr: '0201609995', givenName: 'Einer', surname: 'Test Lauridsen' };
const sampledAt = '2026-11-25T07:10:00Z';
const resultAt = '2026-11-25T09:52:00Z';
const LABA = { eanIdentifier: '5790000000001', identifier: 'LABA', identifierLocal: 'LAB', organisationName: 'Laboratoriedatabanken' };

test('an XRPT01 with several results: sender, patient, sample and every result field as registered, flags computed unless the doctor gave one', async () => {
  const clinic = { name: 'Lægehuset Øst', ydernummer: '054321', ean: '5790000000123', producerCode: 'LØ' };
  const results = await registerRequisition({
    clinic,
    patient: { ...einer, consentGiven: false },
    sampledAt,
    resultAt,
    results: [
      { analysis: 'CRP', value: '45', unit: 'mg/l', referenceInterval: { typeOfInterval: 'fysiologisk', upperLimit: '10' } },
      { analysis: 'Glukose', value: '3,1', operator: 'mindre_end', referenceInterval: { typeOfInterval: 'fysiologisk', lowerLimit: '4,0', upperLimit: '6,0' } },
      { analysis: 'Hb', value: '6,9', referenceInterval: { typeOfInterval: 'fysiologisk', lowerLimit: '7,3', upperLimit: '9,5' }, resultValidation: 'unormal', producer: { name: 'Lægerne Syd', code: 'LS', ydernummer: '067890' } },
      { analysis: 'INR', value: 'Ikke målbar', examinator: 'Sygeplejerske Hanne' },
    ],
  });
  const sampleNumber = results[0]?.sampleNumber as string;
  assert.match(sampleNumber, /^[0-9]{10}$/);
  assert.deepEqual(results.map((result) => [result.sampleNumber, result.internalSampleIdentifier]), results.map(() => [sampleNumber, sampleNumber]), 'one sample number for the requisition');
  const shared = await share(results[1]?.id);
  assert.deepEqual(shared.ids, results.map((result) => result.id), 'every result of the sample in the letter');
  assert.equal(shared.id, results[1]?.id);
  const letter = only<LaboratoryReport>('XRPT01');
  const practice = { identifier: 'Lægehuset Øst', identifierCode: 'LØ' };
  assert.deepEqual(letter, {
    kind: 'XRPT01',
    letter: letter.letter,
    sender: { eanIdentifier: '5790000000123', identifier: '054321', identifierCode: 'ydernummer', organisationName: 'Lægehuset Øst', medicalSpecialityCode: 'almen_medicin', fromLabIdentifier: 'LØ' },
    receiver: LABA,
    patient: { civilRegistrationNumber: '0201609995', personSurnameName: 'Test Lauridsen', personGivenName: 'Einer', consentGiven: false },
    requisitionInformation: { sample: { laboratoryInternalSampleIdentifier: sampleNumber, requesterSampleIdentifier: sampleNumber, samplingDateTime: { date: '2026-11-25', time: '08:10' } } },
    generalResultInformation: { reportStatusCode: 'komplet_svar', laboratoryInternalProductionIdentifier: sampleNumber, resultsDateTime: { date: '2026-11-25', time: '10:52' } },
    results: [
      { resultStatusCode: 'svar_endeligt', analysis: labAnalysis('CRP'), producerOfLabResult: practice, referenceInterval: { typeOfInterval: 'fysiologisk', upperLimit: '10' }, resultType: 'numerisk', value: '45', unit: 'mg/l', resultValidation: 'for_hoej' },
      { resultStatusCode: 'svar_endeligt', analysis: labAnalysis('Glukose'), producerOfLabResult: practice, referenceInterval: { typeOfInterval: 'fysiologisk', lowerLimit: '4,0', upperLimit: '6,0' }, resultType: 'numerisk', operator: 'mindre_end', value: '3,1', unit: 'mmol/L' },
      { resultStatusCode: 'svar_endeligt', analysis: labAnalysis('Hb'), producerOfLabResult: { identifier: 'Lægerne Syd', identifierCode: 'LS' }, referenceInterval: { typeOfInterval: 'fysiologisk', lowerLimit: '7,3', upperLimit: '9,5' }, resultType: 'numerisk', value: '6,9', unit: 'mmol/L', resultValidation: 'unormal' },
      { resultStatusCode: 'svar_endeligt', analysis: labAnalysis('INR'), producerOfLabResult: practice, resultType: 'alfanumerisk', value: 'Ikke målbar' },
    ],
  });
});

test('a practice given by name only: ydernummer 012345, EAN 5790000000000, producer code from its initials; consent given by default; times of registration', async () => {
  const before = Date.now();
  const registered = await call('POST', '/api/v1/results', { clinic: { name: 'lægerne  i byen nord' }, patient: einer, analysis: 'CRP', value: '4' });
  const after = Date.now();
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
  const { id, sampleNumber, registeredAt, sampledAt: sampled, resultAt: resulted, ...rest } = registered.body;
  assert.match(String(id), /^R[0-9]+$/);
  assert.match(String(sampleNumber), /^[0-9]{10}$/);
  assert.deepEqual(rest, {
    origin: 'klinik',
    clinic: { name: 'lægerne  i byen nord', ydernummer: '012345', ean: '5790000000000', producerCode: 'LIB' },
    producer: { name: 'lægerne  i byen nord', code: 'LIB', ydernummer: '012345' },
    patient: { ...einer, consentGiven: true },
    analysis: analysisOf('CRP'),
    value: '4',
    internalSampleIdentifier: sampleNumber,
    status: 'svar_endeligt',
    shared: false,
    corrected: false,
    cancelled: false,
  });
  const registeredTime = Date.parse(String(registeredAt));
  assert.ok(registeredTime >= before && registeredTime <= after, `registered at ${String(registeredAt)}`);
  assert.deepEqual([sampled, resulted], [registeredAt, registeredAt], 'sampled and resulted at registration when not given');
  await share(id);
  const letter = only<LaboratoryReport>('XRPT01');
  assert.deepEqual(letter.sender, { eanIdentifier: '5790000000000', identifier: '012345', identifierCode: 'ydernummer', organisationName: 'lægerne  i byen nord', medicalSpecialityCode: 'almen_medicin', fromLabIdentifier: 'LIB' });
  assert.deepEqual(letter.patient, { civilRegistrationNumber: '0201609995', personSurnameName: 'Test Lauridsen', personGivenName: 'Einer', consentGiven: true });
  assert.deepEqual(letter.results[0]?.producerOfLabResult, { identifier: 'lægerne  i byen nord', identifierCode: 'LIB' });
  assert.deepEqual(letter.results[0]?.unit, 'mg/L', 'the catalogue unit when none is given');
  assert.deepEqual(letter.requisitionInformation.sample.samplingDateTime, medcomDateTime(new Date(registeredTime)));
});

test('a sample without a national sample number carries a local one (P and ten digits) and no requester sample identifier', async () => {
  const [result] = await registerRequisition({ clinic: { name: 'Lægehuset Vest' }, patient: einer, withoutSampleNumber: true, results: [{ analysis: 'HbA1c', value: '48' }] });
  assert.equal(result?.sampleNumber, undefined);
  const local = String(result?.internalSampleIdentifier);
  assert.match(local, /^P[0-9]{10}$/);
  await share(result?.id);
  const letter = only<LaboratoryReport>('XRPT01');
  assert.deepEqual(letter.requisitionInformation.sample, { laboratoryInternalSampleIdentifier: local, samplingDateTime: letter.requisitionInformation.sample.samplingDateTime });
  assert.equal(letter.generalResultInformation.laboratoryInternalProductionIdentifier, local);
});

test('a preliminary Strep A from another practice of the medical centre: XRPT05 to MiBa with its ydernummer, the examinator and the doctor\'s flag', async () => {
  const clinic = { name: 'Lægehuset Øst', ydernummer: '054321', ean: '5790000000123', producerCode: 'LØ' };
  const [strep, second] = await registerRequisition({
    clinic,
    patient: einer,
    status: 'svar_midlertidigt',
    sampledAt,
    resultAt,
    results: [
      { analysis: 'Strep A', value: 'Positiv', resultValidation: 'unormal', producer: { name: 'Lægerne Syd', code: 'LS', ydernummer: '067890' } },
      { analysis: 'Strep A', value: 'Negativ', examinator: 'Sygeplejerske Hanne' },
    ],
  });
  await share(strep?.id);
  const letter = only<MicrobiologyWebReport>('XRPT05');
  const sampleNumber = String(strep?.sampleNumber);
  const strepA = analysisOf('Strep A');
  const examination = { examinationTypeCode: 'maaleprocedure', micAnalysisCode: 'LOKSTREPA', analysisCodeType: 'lokal', analysisCodeResponsible: 'MDS', analysisShortName: 'Strep A', mdsName: { examination: strepA.completeName, material: 'Podning', location: 'Svælg' } };
  assert.deepEqual(letter, {
    kind: 'XRPT05',
    letter: letter.letter,
    sender: { eanIdentifier: '5790000000123', identifier: '054321', identifierCode: 'ydernummer', organisationName: 'Lægehuset Øst', medicalSpecialityCode: 'almen_medicin', fromLabIdentifier: 'LØ' },
    receiver: { eanIdentifier: '5790000000002', identifier: 'MIBA', identifierCode: 'lokal_kode', organisationName: 'MiBa, Statens Serum Institut' },
    patient: { civilRegistrationNumber: '0201609995', personSurnameName: 'Test Lauridsen', personGivenName: 'Einer', consentGiven: true },
    requisitionInformation: {
      sample: { laboratoryInternalSampleIdentifier: sampleNumber, requesterSampleIdentifier: sampleNumber, samplingDateTime: { date: '2026-11-25', time: '08:10' }, sampleReceivedDateTime: { date: '2026-11-25', time: '08:10' } },
    },
    generalResultInformation: { reportStatusCode: 'komplet_svar', resultStatusCode: 'svar_midlertidigt', laboratoryInternalProductionIdentifier: sampleNumber, resultsDateTime: { date: '2026-11-25', time: '10:52' } },
    investigations: [
      {
        examination: { ...examination, examinator: 'Lægerne Syd', producerOfLabResult: { identifier: '067890', identifierCode: 'LS' } },
        quantitativeFindings: [{ analysis: strepA.completeName, interpretation: 'Positiv', resultValidation: 'unormal' }],
      },
      {
        examination: { ...examination, examinator: 'Sygeplejerske Hanne', producerOfLabResult: { identifier: '054321', identifierCode: 'LØ' } },
        quantitativeFindings: [{ analysis: strepA.completeName, interpretation: 'Negativ' }],
      },
    ],
  });
  assert.equal((await call('GET', `/api/v1/results/${String(second?.id)}`)).body.shared, true);
});

test('results of one sample travel by letter type: biochemistry in one XRPT01, the Strep A in an XRPT05 of its own', async () => {
  const results = await registerRequisition({
    clinic: { name: 'Lægehuset Nord' },
    patient: einer,
    results: [{ analysis: 'CRP', value: '12' }, { analysis: 'Strep A', value: 'Negativ' }, { analysis: 'Hb', value: '8,1' }],
  });
  const [crp, strep, hb] = results.map((result) => result.id);
  assert.deepEqual((await share(crp)).ids, [crp, hb]);
  const pending = await call('POST', '/api/v1/share-pending');
  assert.equal(pending.status, 200);
  assert.deepEqual((pending.body.shared as Body[]).map((sent) => sent.ids), [[strep]]);
  assert.deepEqual(pending.body.skipped, []);
  assert.deepEqual(plsp.letters().map((letter) => letter.kind), ['XRPT01', 'XRPT05']);
});

test('a result corrected before it is shared goes with its sample, as final, with its new value and the later result time', async () => {
  const [crp, hb] = await registerRequisition({
    clinic: { name: 'Lægehuset Nord' },
    patient: einer,
    sampledAt,
    resultAt,
    results: [{ analysis: 'CRP', value: '12' }, { analysis: 'Hb', value: '8,1', unit: 'mmol/l', resultValidation: 'unormal' }],
  });
  const corrected = await call('POST', `/api/v1/results/${String(hb?.id)}/corrections`, { value: '8,4', comment: 'Ny måling' });
  assert.equal(corrected.status, 200, JSON.stringify(corrected.body));
  assert.deepEqual(Object.keys(corrected.body), ['result'], 'nothing sent for a result not shared yet');
  const result = corrected.body.result as Body;
  assert.deepEqual([result.value, result.comment, result.resultValidation, result.unit, result.shared], ['8,4', 'Ny måling', undefined, 'mmol/l', false]);
  assert.notEqual(result.resultAt, resultAt.replace('Z', '.000Z'));
  await share(crp?.id);
  const letter = only<LaboratoryReport>('XRPT01');
  assert.deepEqual(letter.generalResultInformation.resultsDateTime, medcomDateTime(new Date(String(result.resultAt))), 'the latest result time of the letter');
  assert.deepEqual(
    letter.results.map((sent) => [sent.resultStatusCode, sent.value, sent.resultValidation, sent.resultComments]),
    [
      ['svar_endeligt', '12', undefined, undefined],
      ['svar_endeligt', '8,4', undefined, ['Ny måling']],
    ],
  );
});

test('a correction keeps the doctor\'s flag unless it changes the value; a flag given with it is sent; a new unit is sent', async () => {
  const registered = await call('POST', '/api/v1/results', { clinic: { name: 'Lægehuset Syd' }, patient: einer, analysis: 'CRP', value: '45', resultValidation: 'unormal' });
  const id = String(registered.body.id);
  await share(id);
  plsp.reset();
  const commented = await call('POST', `/api/v1/results/${id}/corrections`, { comment: 'Hæmolyse' });
  assert.equal(commented.status, 200, JSON.stringify(commented.body));
  assert.deepEqual((commented.body.sent as Body).ids, [id]);
  const first = only<LaboratoryReport>('XRPT01').results[0];
  assert.deepEqual([first?.resultStatusCode, first?.value, first?.resultValidation, first?.resultComments], ['svar_rettet', '45', 'unormal', ['Hæmolyse']]);
  plsp.reset();
  await call('POST', `/api/v1/results/${id}/corrections`, { value: '50', unit: 'g/L', resultValidation: 'for_hoej' });
  const second = only<LaboratoryReport>('XRPT01').results[0];
  assert.deepEqual([second?.resultStatusCode, second?.value, second?.unit, second?.resultValidation, second?.resultComments], ['svar_rettet', '50', 'g/L', 'for_hoej', ['Hæmolyse']]);
  plsp.reset();
  await call('POST', `/api/v1/results/${id}/corrections`, { resultValidation: 'unormal' });
  const third = only<LaboratoryReport>('XRPT01').results[0];
  assert.deepEqual([third?.value, third?.resultValidation], ['50', 'unormal'], 'a flag alone is a correction too');
  const stored = (await call('GET', `/api/v1/results/${id}`)).body;
  assert.deepEqual([stored.corrected, stored.shared, stored.pendingChange], [true, true, undefined]);
});

test('a corrected preliminary result stays corrected when made final; a final result unshared is made final without sending', async () => {
  const registered = await call('POST', '/api/v1/results', { clinic: { name: 'Lægehuset Syd' }, patient: einer, analysis: 'HbA1c', value: '50', status: 'svar_midlertidigt' });
  const id = String(registered.body.id);
  await share(id);
  await call('POST', `/api/v1/results/${id}/corrections`, { value: '51' });
  plsp.reset();
  const final = await call('POST', `/api/v1/results/${id}/final`, { value: '52' });
  assert.equal(final.status, 200, JSON.stringify(final.body));
  const sent = only<LaboratoryReport>('XRPT01').results[0];
  assert.deepEqual([sent?.resultStatusCode, sent?.value], ['svar_rettet', '52']);
  assert.deepEqual([(final.body.sent as Body).ids, (final.body.sent as Body).httpStatus], [[id], 200], 'the answer holds what was sent');
  assert.equal((final.body.result as Body).status, 'svar_endeligt');

  const unshared = await call('POST', '/api/v1/results', { clinic: { name: 'Lægehuset Syd' }, patient: einer, analysis: 'HbA1c', value: '60', status: 'svar_midlertidigt' });
  plsp.reset();
  const madeFinal = await app().inject({ method: 'POST', url: `/api/v1/results/${String(unshared.body.id)}/final` });
  assert.equal(madeFinal.statusCode, 200, madeFinal.body);
  const body = madeFinal.json() as Body;
  assert.deepEqual(Object.keys(body), ['result']);
  assert.deepEqual([(body.result as Body).status, (body.result as Body).value, (body.result as Body).pendingChange], ['svar_endeligt', '60', undefined]);
  assert.equal(plsp.requests.length, 0);
  await share(unshared.body.id);
  assert.equal(only<LaboratoryReport>('XRPT01').results[0]?.resultStatusCode, 'svar_endeligt');
});

test('a message in UTF-8 by default: the bytes of the text answered, its charset and the LPS system name in the headers, no token', async () => {
  const registered = await call('POST', '/api/v1/results', { clinic: { name: 'Lægehuset Ærø' }, patient: { ...einer, surname: 'Łukasiewicz 😀' }, analysis: 'CRP', value: '4' });
  const shared = await share(registered.body.id);
  const [request] = plsp.requests;
  assert.equal(request?.path, '/plsp/v1/xrpt');
  assert.equal(request?.headers['content-type'], 'application/xml; charset=UTF-8');
  assert.equal(request?.headers['x-lps-system'], 'Pilot-LPS');
  assert.equal(request?.headers.authorization, undefined);
  assert.equal(shared.sentEncoding, 'UTF-8');
  assert.deepEqual(request?.bytes, Buffer.from(String(shared.sentXml), 'utf8'));
  assert.match(String(shared.sentXml), /^<\?xml version="1\.0" encoding="UTF-8"\?>/);
  assert.ok(String(shared.sentXml).includes('Łukasiewicz 😀'));
  const letter = only<LaboratoryReport>('XRPT01');
  assert.equal(letter.patient.personSurnameName, 'Łukasiewicz 😀');
  assert.ok(String(shared.sentXml).includes(`<Identifier>${String(shared.envelopeIdentifier)}</Identifier>`), 'the envelope identifier answered is the one sent');
  assert.equal(shared.httpStatus, 200);
  assert.equal((shared.receipt as Body).kind, 'XCTL03');
  assert.equal((shared.receipt as Body).originalEnvelopeIdentifier, shared.envelopeIdentifier);
  assert.match(String(shared.receiptXml), /^<\?xml/);
});

test('a message in ISO-8859-1: so declared and sent, Latin-1 letters as bytes, others (even beyond the BMP) as character references', async () => {
  const registered = await call('POST', '/api/v1/results', { clinic: { name: 'Lægehuset Ærø' }, patient: { ...einer, surname: 'Łukasiewicz 😀' }, analysis: 'CRP', value: '4' });
  const response = await call('POST', `/api/v1/results/${String(registered.body.id)}/share`, { encoding: 'ISO-8859-1' });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  const sentXml = String(response.body.sentXml);
  const [request] = plsp.requests;
  assert.equal(request?.headers['content-type'], 'application/xml; charset=ISO-8859-1');
  assert.equal(response.body.sentEncoding, 'ISO-8859-1');
  assert.match(sentXml, /^<\?xml version="1\.0" encoding="ISO-8859-1"\?>/);
  assert.ok(sentXml.includes('&#x141;ukasiewicz &#x1F600;'), sentXml);
  assert.ok(sentXml.includes('Lægehuset Ærø'));
  assert.deepEqual(request?.bytes, Buffer.from(sentXml, 'latin1'));
  assert.ok(request?.bytes.includes(Buffer.from([0xe6])), 'æ as one Latin-1 byte');
  assert.equal(only<LaboratoryReport>('XRPT01').patient.personSurnameName, 'Łukasiewicz 😀');
});

test('composing: nothing to compose without results; a producer without ydernummer carries the practice\'s', () => {
  assert.throws(() => composeEmessage([]), { message: 'Nothing to compose: no results' });
  const journal = new Journal();
  const clinic = { name: 'Lægehuset Øst', ydernummer: '054321', ean: '5790000000123', producerCode: 'LØ' };
  const result = journal.register({ origin: 'klinik', clinic, producer: { name: 'Lægerne Syd', code: 'LS' }, patient: { ...einer, consentGiven: true }, analysis: analysisOf('Strep A'), value: 'Positiv' });
  const now = new Date('2026-11-26T10:00:00Z');
  const message = composeEmessage([result], now);
  assert.deepEqual(message.envelope.sent, { date: '2026-11-26', time: '11:00' });
  const examination = (message.letters[0] as MicrobiologyWebReport).investigations[0]?.examination;
  assert.deepEqual(examination?.producerOfLabResult, { identifier: '054321', identifierCode: 'LS' });
});
