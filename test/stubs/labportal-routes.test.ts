/**
 * Laboratoriesvarportalen's query API (stubs/labportal/routes.ts, contracts/labportal.ts) against two fake
 * databanks on free ports: one list from LABA and MiBa, newest result first, consent and cancellation respected in
 * both, the token passed on, and a databank that fails named in a 502.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import type { StoredResult } from '../../contracts/databank';
import { buildLabportalApp } from '../../stubs/labportal/app';
import { readLabportalConfig } from '../../stubs/labportal/config';
import { sampleRecord } from '../support/records';

interface FakeDatabank {
  url: string;
  results: StoredResult[];
  failWith?: number;
  /** When set, every request is answered 200 with this body instead of the results. */
  rawAnswer?: { contentType: string; body: string };
  /** The query's patient and the authorization header of each request. */
  requests: { patient: unknown; authorization: string | undefined }[];
  close(): Promise<void>;
}

async function startFakeDatabank(): Promise<FakeDatabank> {
  const app = Fastify({ logger: false });
  const databank: FakeDatabank = { url: '', results: [], requests: [], close: () => app.close() };
  app.get<{ Querystring: Record<string, unknown> }>('/api/v1/results', async (request, reply) => {
    databank.requests.push({ patient: request.query.patient, authorization: request.headers.authorization });
    if (databank.failWith !== undefined) return reply.code(databank.failWith).send({ error: 'databank is down' });
    if (databank.rawAnswer) return reply.type(databank.rawAnswer.contentType).send(databank.rawAnswer.body);
    return { results: databank.results };
  });
  databank.url = await app.listen({ host: '127.0.0.1', port: 0 });
  return databank;
}

function stored(key: string, overrides: Parameters<typeof sampleRecord>[0], version = 1, cancelled = false): StoredResult {
  return { id: version, key, version, cancelled, receivedAt: '2026-11-25T10:00:00.000Z', record: sampleRecord(overrides) };
}

describe('Laboratoriesvarportalen query API', () => {
  let laba: FakeDatabank;
  let miba: FakeDatabank;
  let portal: FastifyInstance;
  /** The same databanks, read without a token. */
  let openPortal: FastifyInstance;

  before(async () => {
    laba = await startFakeDatabank();
    miba = await startFakeDatabank();
    portal = await buildLabportalApp(readLabportalConfig({ LABPORTAL_LABA_URL: `${laba.url}/`, LABPORTAL_MIBA_URL: miba.url, LOKALSVAR_TOKEN: 'hemmelig' }));
    openPortal = await buildLabportalApp(readLabportalConfig({ LABPORTAL_LABA_URL: laba.url, LABPORTAL_MIBA_URL: miba.url }));
  });
  after(async () => {
    await portal.close();
    await openPortal.close();
    await laba.close();
    await miba.close();
  });
  beforeEach(() => {
    for (const databank of [laba, miba]) {
      databank.results = [];
      databank.requests.length = 0;
      databank.failWith = undefined;
      databank.rawAnswer = undefined;
    }
  });

  const get = (patient: string) => portal.inject({ method: 'GET', url: `/api/v1/patients/${patient}/results` });

  it('answers the health check', async () => {
    const response = await portal.inject({ method: 'GET', url: '/health' });
    assert.deepEqual(response.json(), { status: 'ok', system: 'labportal' });
  });

  it('merges LABA and MiBa into one list, newest result time first, each result naming its databank', async () => {
    laba.results = [
      stored('crp', { analysisCode: 'NPU19748', resultTime: '2026-11-25T09:52' }),
      stored('hb', { analysisCode: 'NPU02319', resultTime: '2026-11-27T08:00' }),
    ];
    miba.results = [stored('strep', { kind: 'XRPT05', analysisCode: 'NPU58040', resultTime: '2026-11-26T12:00' })];
    const response = await get('0201609995');
    assert.equal(response.statusCode, 200);
    const { results } = response.json() as { results: { id: string; databank: string; resultTime: string }[] };
    assert.deepEqual(
      results.map((result) => [result.id, result.databank, result.resultTime]),
      [
        ['LABA:hb:1', 'LABA', '2026-11-27T08:00'],
        ['MiBa:strep:1', 'MiBa', '2026-11-26T12:00'],
        ['LABA:crp:1', 'LABA', '2026-11-25T09:52'],
      ],
    );
  });

  it('asks each databank for the patient, carried whole, with the access token', async () => {
    await get('0201609995');
    await get('a%26b%3Dc');
    for (const databank of [laba, miba]) {
      assert.deepEqual(databank.requests, [
        { patient: '0201609995', authorization: 'Bearer hemmelig' },
        { patient: 'a&b=c', authorization: 'Bearer hemmelig' },
      ]);
    }
  });

  it('hides a result with denied consent and a cancelled one in LABA and MiBa alike, and shows the rest', async () => {
    laba.results = [
      stored('laba-consent', { consentGiven: false }),
      stored('laba-cancelled', {}, 1, true),
      stored('laba-shown', { analysisCode: 'NPU02319' }),
    ];
    miba.results = [
      stored('miba-consent', { kind: 'XRPT05', consentGiven: false }),
      stored('miba-cancelled', { kind: 'XRPT05' }, 1, true),
      stored('miba-shown', { kind: 'XRPT05', analysisCode: 'NPU58040' }),
    ];
    const { results } = (await get('0201609995')).json() as { results: { id: string }[] };
    assert.deepEqual(results.map((result) => result.id).sort(), ['LABA:laba-shown:1', 'MiBa:miba-shown:1']);
  });

  for (const [failing, name] of [['laba', 'LABA'], ['miba', 'MiBa']] as const) {
    it(`answers 502 naming ${name} when ${name} fails`, async () => {
      (failing === 'laba' ? laba : miba).failWith = 503;
      const response = await get('0201609995');
      assert.equal(response.statusCode, 502);
      const { error } = response.json() as { error: string };
      assert.match(error, new RegExp(`^${name} answered 503 to GET http://127\\.0\\.0\\.1:\\d+/api/v1/results\\?patient=0201609995: .*databank is down`));
    });
  }

  describe('when a databank answers something else than its results', () => {
    async function errorFor(databank: FakeDatabank, contentType: string, body: string): Promise<string> {
      databank.rawAnswer = { contentType, body };
      const response = await openPortal.inject({ method: 'GET', url: '/api/v1/patients/0201609995/results' });
      assert.equal(response.statusCode, 502, body);
      return (response.json() as { error: string }).error;
    }

    it('answers 502 naming the databank whose answer is not JSON', async () => {
      assert.equal(
        await errorFor(laba, 'text/html', '<html>Log ind</html>'),
        `LABA answered GET ${laba.url}/api/v1/results?patient=0201609995 with a body that is not JSON`,
      );
    });

    it('answers 502 naming the databank whose answer has no list of results', async () => {
      for (const body of ['null', '{}', '{"results":{"0":1}}', '[]']) {
        miba.rawAnswer = undefined;
        assert.equal(
          await errorFor(miba, 'application/json', body),
          `MiBa answered GET ${miba.url}/api/v1/results?patient=0201609995 without a list of results`,
          body,
        );
      }
    });

    it('sends no authorization header without a token', async () => {
      assert.equal((await openPortal.inject({ method: 'GET', url: '/api/v1/patients/0201609995/results' })).statusCode, 200);
      assert.deepEqual(laba.requests, [{ patient: '0201609995', authorization: undefined }]);
    });
  });
});

describe('Laboratoriesvarportalen configuration', () => {
  it('needs both databank URLs, naming the variable that is missing', () => {
    assert.throws(() => readLabportalConfig({ LABPORTAL_MIBA_URL: 'http://miba:8703' }), /^Error: LABPORTAL_LABA_URL is not set/);
    assert.throws(() => readLabportalConfig({ LABPORTAL_LABA_URL: 'http://laba:8702' }), /^Error: LABPORTAL_MIBA_URL is not set/);
  });

  it('takes the token only when one is given', () => {
    assert.deepEqual(readLabportalConfig({ LABPORTAL_LABA_URL: 'http://laba:8702/', LABPORTAL_MIBA_URL: 'http://miba:8703' }), {
      labaUrl: 'http://laba:8702',
      mibaUrl: 'http://miba:8703',
    });
    assert.deepEqual(readLabportalConfig({ LABPORTAL_LABA_URL: 'http://laba:8702', LABPORTAL_MIBA_URL: 'http://miba:8703', LOKALSVAR_TOKEN: 't' }), {
      labaUrl: 'http://laba:8702',
      mibaUrl: 'http://miba:8703',
      accessToken: 't',
    });
  });
});
