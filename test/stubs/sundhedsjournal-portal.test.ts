/**
 * How the Sundhedsjournal stand-in reads Laboratoriesvarportalen (stubs/sundhedsjournal/portal-client.ts,
 * portal-response.ts): every field taken as sent, every broken field named in Danish, and every way the portal can
 * fail turned into one PortalUnavailableError whose reason the error page shows.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { PortalUnavailableError, createPortalClient } from '../../stubs/sundhedsjournal/portal-client';
import { InvalidPortalResponseError, parsePortalResponse } from '../../stubs/sundhedsjournal/portal-response';
import { unreachableUrl } from '../support/fake-portal';

const FULL = {
  id: 'MiBa:k:2',
  databank: 'MiBa',
  requisitionId: 'R-77',
  analysisCode: 'NPU58040',
  analysisName: 'Streptokok gruppe A',
  value: '6,1',
  unit: 'mmol/L',
  operator: 'mindre_end',
  referenceInterval: { type: 'terapeutisk', lower: '2,0', upper: '3,0', text: 'se note' },
  status: 'rettet',
  producer: { name: 'Lægerne Testgade Nord', identifier: '012345', code: 'LT' },
  samplingTime: '2026-11-25T08:10',
  resultTime: '2026-11-25T09:52',
  comments: ['Kontrol om 3 mdr.', 'Ring til lægen'],
  validation: 'for_lav',
};

const MINIMAL = {
  id: 'LABA:k:1',
  databank: 'LABA',
  requisitionId: 'R-1',
  analysisCode: 'NPU19748',
  analysisName: 'CRP',
  value: '45',
  status: 'endeligt',
  producer: { name: 'Lægehuset', code: 'LH' },
  samplingTime: '2026-11-25T09:40',
  resultTime: '2026-11-25T09:52',
};

function refusal(body: unknown): string {
  try {
    parsePortalResponse(body);
  } catch (error) {
    assert.ok(error instanceof InvalidPortalResponseError, String(error));
    return error.message;
  }
  assert.fail(`accepted ${JSON.stringify(body)}`);
}

describe('reading the portal’s answer', () => {
  it('takes every field as sent; the producer’s identifier is not shown and left out', () => {
    const { identifier: _identifier, ...producer } = FULL.producer;
    assert.deepEqual(parsePortalResponse({ results: [FULL] }), [{ ...FULL, producer }]);
    assert.deepEqual(producer, { name: 'Lægerne Testgade Nord', code: 'LT' });
    assert.deepEqual(parsePortalResponse({ results: [] }), []);
  });

  it('has no value for an optional field that is absent, null or empty', () => {
    const absent = { unit: undefined, operator: undefined, referenceInterval: undefined, comments: undefined, validation: undefined };
    assert.deepEqual(parsePortalResponse({ results: [MINIMAL] }), [{ ...MINIMAL, ...absent }]);
    const nulls = { unit: null, operator: null, referenceInterval: null, comments: null, validation: null };
    assert.deepEqual(parsePortalResponse({ results: [{ ...MINIMAL, ...nulls }] }), [{ ...MINIMAL, ...absent }]);
    const empty = { unit: '', operator: '', validation: '', referenceInterval: { type: '', lower: '', upper: null, text: '' } };
    assert.deepEqual(parsePortalResponse({ results: [{ ...MINIMAL, ...empty }] }), [
      { ...MINIMAL, ...absent, referenceInterval: { type: undefined, lower: undefined, upper: undefined, text: undefined } },
    ]);
  });

  it('refuses an answer without a list of results', () => {
    for (const body of [null, 'results', [], {}, { results: {} }, { results: 'x' }]) {
      assert.equal(refusal(body), 'svaret har ikke feltet "results" med en liste', JSON.stringify(body));
    }
  });

  it('names a result that is not an object, by its place in the list', () => {
    assert.equal(refusal({ results: [MINIMAL, null] }), 'results[1] er ikke et objekt');
    assert.equal(refusal({ results: [MINIMAL, MINIMAL, []] }), 'results[2] er ikke et objekt');
    assert.equal(refusal({ results: ['x'] }), 'results[0] er ikke et objekt');
  });

  it('names a missing producer', () => {
    for (const producer of [undefined, null, 'LT', ['LT']]) {
      assert.equal(refusal({ results: [{ ...MINIMAL, producer }] }), 'results[0].producer mangler', String(producer));
    }
  });

  it('names each required field that is missing or not a text', () => {
    for (const field of ['id', 'databank', 'requisitionId', 'analysisCode', 'analysisName', 'value', 'status', 'samplingTime', 'resultTime']) {
      for (const wrong of [undefined, 42]) {
        assert.equal(refusal({ results: [MINIMAL, { ...MINIMAL, [field]: wrong }] }), `results[1].${field} mangler eller er ikke en tekst`);
      }
    }
    for (const field of ['name', 'code']) {
      const producer = { ...MINIMAL.producer, [field]: 7 };
      assert.equal(refusal({ results: [{ ...MINIMAL, producer }] }), `results[0].producer.${field} mangler eller er ikke en tekst`);
    }
  });

  it('names an optional field that is not a text', () => {
    for (const field of ['unit', 'operator', 'validation']) {
      assert.equal(refusal({ results: [{ ...MINIMAL, [field]: 5 }] }), `results[0].${field} er ikke en tekst`);
    }
    for (const field of ['type', 'lower', 'upper', 'text']) {
      assert.equal(
        refusal({ results: [{ ...MINIMAL, referenceInterval: { [field]: false } }] }),
        `results[0].referenceInterval.${field} er ikke en tekst`,
      );
    }
  });

  it('names a reference interval that is not an object, and comments that are not a list of texts', () => {
    for (const interval of ['2-3', ['2', '3']]) {
      assert.equal(refusal({ results: [{ ...MINIMAL, referenceInterval: interval }] }), 'results[0].referenceInterval er ikke et objekt');
    }
    for (const comments of ['en', ['en', 2], { 0: 'en' }]) {
      assert.equal(refusal({ results: [{ ...MINIMAL, comments }] }), 'results[0].comments er ikke en liste af tekster');
    }
  });
});

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

describe('asking the portal', () => {
  let handler: Handler;
  const requests: { url: string | undefined; accept: string | undefined; authorization: string | undefined }[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((request, response) => {
    requests.push({ url: request.url, accept: request.headers.accept, authorization: request.headers.authorization });
    handler(request, response);
  });
  let url: string;

  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    for (const response of hanging) response.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    requests.length = 0;
  });

  const json = (status: number, body: unknown): Handler => (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  async function failure(promise: Promise<unknown>): Promise<{ reason: string; status: number | undefined; message: string }> {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof PortalUnavailableError, String(error));
      return { reason: error.reason, status: error.status, message: error.message };
    }
    assert.fail('the portal client did not fail');
  }

  it('asks for the person’s results as JSON, with the token when there is one, and returns them', async () => {
    handler = json(200, { results: [MINIMAL] });
    assert.deepEqual(
      (await createPortalClient(url, 5_000, 'hemmelig').resultsFor('0201609995')).map((result) => result.id),
      ['LABA:k:1'],
    );
    await createPortalClient(url, 5_000).resultsFor('02016/9995');
    assert.deepEqual(requests, [
      { url: '/api/v1/patients/0201609995/results', accept: 'application/json', authorization: 'Bearer hemmelig' },
      { url: '/api/v1/patients/02016%2F9995/results', accept: 'application/json', authorization: undefined },
    ]);
  });

  it('fails with the portal’s HTTP status when it answers with an error', async () => {
    handler = json(503, { error: 'down' });
    assert.deepEqual(await failure(createPortalClient(url, 5_000).resultsFor('0201609995')), {
      reason: 'Laboratoriesvarportalen svarede HTTP 503',
      status: 503,
      message: 'Laboratoriesvarportalen svarede HTTP 503',
    });
  });

  it('fails the same way when the error answer has no body at all (HTTP 304)', async () => {
    handler = (_request, response) => response.writeHead(304).end();
    assert.deepEqual(await failure(createPortalClient(url, 5_000).resultsFor('0201609995')), {
      reason: 'Laboratoriesvarportalen svarede HTTP 304',
      status: 304,
      message: 'Laboratoriesvarportalen svarede HTTP 304',
    });
  });

  it('fails saying the answer is not JSON', async () => {
    handler = (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>');
    const reason = 'Ugyldigt svar fra laboratoriesvarportalen: svaret er ikke gyldig JSON';
    assert.deepEqual(await failure(createPortalClient(url, 5_000).resultsFor('0201609995')), { reason, status: 200, message: reason });
  });

  it('fails naming the field when the answer breaks the contract', async () => {
    handler = json(200, { results: [{ ...MINIMAL, value: 45 }] });
    const reason = 'Ugyldigt svar fra laboratoriesvarportalen: results[0].value mangler eller er ikke en tekst';
    assert.deepEqual(await failure(createPortalClient(url, 5_000).resultsFor('0201609995')), { reason, status: 200, message: reason });
  });

  it('fails saying how long it waited when the portal does not answer in time', async () => {
    handler = (_request, response) => {
      hanging.push(response);
    };
    const reason = `Laboratoriesvarportalen (${url}) svarede ikke inden for 50 ms`;
    assert.deepEqual(await failure(createPortalClient(url, 50).resultsFor('0201609995')), { reason, status: undefined, message: reason });
  });

  it('fails saying the portal cannot be reached when nothing listens', async () => {
    const nowhere = await unreachableUrl();
    const reason = `Laboratoriesvarportalen (${nowhere}) kan ikke nås`;
    assert.deepEqual(await failure(createPortalClient(nowhere, 5_000).resultsFor('0201609995')), { reason, status: undefined, message: reason });
  });
});
