/**
 * The hub's front door refusal by refusal: the exact negative receipt (status, RefuseText naming where and what) for
 * requests refused before their message is read, for cancellations refused before they are looked at, and for a
 * route that fails; which paths the door answers, and what it answers while the hub shuts down. Through the hub app
 * (Fastify inject), and through guardFrontDoor / guardCancellations around routes that fail on purpose.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { PLSP_PATHS } from '../../contracts/plsp';
import { readReceipt } from '../../medcom';
import type { Receipt } from '../../medcom/model';
import { BODY_LIMIT_BYTES, createStubApp } from '../../stubs/common/app-factory';
import { buildPlspApp } from '../../stubs/plsp/app';
import { guardCancellations, guardFrontDoor } from '../../stubs/plsp/front-door';
import { MessageJournal } from '../../stubs/plsp/journal';
import { HubMetrics } from '../../stubs/plsp/metrics';
import { Hub } from '../../stubs/plsp/receive';
import { crpMessage } from '../support/crp-message';

const CONFIG = {
  labaUrl: 'http://127.0.0.1:9',
  mibaUrl: 'http://127.0.0.1:9',
  ean: '5790000000009',
  approvedSystems: ['Pilot-LPS'],
  testCprsOnly: true,
  forwarding: { attempts: 1, backoffMs: 0, timeoutMs: 1_000 },
};
const CANCELLATION_FORM = 'send {"patientId": "<CPR>", "producerCode": "<1-3 characters>"} as application/json';

let hub: FastifyInstance;
before(async () => {
  hub = await buildPlspApp(CONFIG);
});
after(async () => {
  await hub.close();
});

/** The negative receipt of a response, after checking it is one and has the status expected. */
function refusal(response: { statusCode: number; body: string; headers: Record<string, unknown> }, status: number): Receipt {
  assert.equal(response.statusCode, status, response.body);
  assert.equal(response.headers['content-type'], 'application/xml; charset=utf-8', response.body);
  const receipt = readReceipt(response.body);
  assert.equal(receipt.kind, 'XCTL02', response.body);
  assert.equal(receipt.refuseCode, 'ikke_specificeret');
  assert.equal(receipt.senderEan, CONFIG.ean, 'the receipt is not sent from the hub');
  assert.deepEqual(receipt.originalLetters, []);
  return receipt;
}

function postTo(url: string, payload: string | Buffer, contentType?: string) {
  return hub.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'x-lps-system': 'Pilot-LPS', ...(contentType ? { 'content-type': contentType } : {}) },
  });
}
const postMessage = (payload: string | Buffer, contentType?: string) => postTo(PLSP_PATHS.xrpt, payload, contentType);
const postCancellation = (payload: string | Buffer, contentType?: string) => postTo(PLSP_PATHS.cancellations, payload, contentType);

describe('a message refused before it is read', () => {
  it('a Content-Type the hub has no reader for: 415 naming the type and the types to send', async () => {
    for (const contentType of ['text/plain', 'application/pdf']) {
      const receipt = refusal(await postMessage(crpMessage().xml, contentType), 415);
      assert.equal(receipt.refuseText, `Content-Type: the HTTP Content-Type is ${contentType}: send the Emessage with Content-Type application/xml or text/xml`);
    }
  });

  it('no Content-Type at all', async () => {
    const receipt = refusal(await postMessage(''), 415);
    assert.equal(receipt.refuseText, 'Content-Type: the HTTP Content-Type is missing: send the Emessage with Content-Type application/xml or text/xml');
  });

  it('a body over the limit, naming the limit in bytes and MiB', async () => {
    const receipt = refusal(await postMessage(Buffer.alloc(BODY_LIMIT_BYTES + 1, 0x20), 'application/xml'), 413);
    assert.equal(receipt.refuseText, `/Emessage: the message is larger than the hub's limit of ${BODY_LIMIT_BYTES} bytes (5 MiB): nothing was read`);
  });

  it('an unknown path or method under /plsp/v1/: 404 naming the method and path', async () => {
    const receipt = refusal(await hub.inject({ method: 'GET', url: '/plsp/v1/xrpt?x=1' }), 404);
    assert.equal(receipt.refuseText, 'GET /plsp/v1/xrpt?x=1: the hub has no GET /plsp/v1/xrpt?x=1: send Emessages with POST /plsp/v1/xrpt');
  });

  it('a path outside /plsp/v1/ gets the ordinary not-found answer, not a receipt', async () => {
    for (const url of ['/nowhere', '/plsp/v2/xrpt']) {
      const response = await hub.inject({ method: 'POST', url, payload: crpMessage().xml, headers: { 'content-type': 'application/xml' } });
      assert.equal(response.statusCode, 404);
      assert.match(String(response.headers['content-type']), /^application\/json/, response.body);
      assert.equal(response.json<{ message: string }>().message, `Route POST:${url} not found`);
    }
  });
});

describe('a cancellation refused before it is looked at', () => {
  it('a body over the limit', async () => {
    const receipt = refusal(await postCancellation(Buffer.alloc(BODY_LIMIT_BYTES + 1, 0x20), 'application/json'), 413);
    assert.equal(receipt.refuseText, `/: the cancellation is larger than the hub's limit of ${BODY_LIMIT_BYTES} bytes: nothing was read`);
  });

  it('names the missing field, the extra field, and the field of the wrong type exactly', async () => {
    const missing = refusal(await postCancellation(JSON.stringify({ patientId: '2512489996' }), 'application/json'), 400);
    assert.equal(missing.refuseText, `/producerCode: the cancellation has no field /producerCode: ${CANCELLATION_FORM}`);
    const extra = refusal(await postCancellation(JSON.stringify({ patientId: '2512489996', producerCode: 'LT', reason: 'x' }), 'application/json'), 400);
    assert.equal(extra.refuseText, `/reason: the cancellation has a field /reason it may not have: ${CANCELLATION_FORM}`);
    const wrongType = refusal(await postCancellation(JSON.stringify({ patientId: 2512489996, producerCode: 'LT' }), 'application/json'), 400);
    assert.equal(wrongType.refuseText, `/patientId: the cancellation's field /patientId must be string: ${CANCELLATION_FORM}`);
    const notObject = refusal(await postCancellation('"2512489996"', 'application/json'), 400);
    assert.equal(notObject.refuseText, `/: the cancellation's body must be object: ${CANCELLATION_FORM}`);
  });

  it('a body that is not JSON: 400 saying so', async () => {
    const receipt = refusal(await postCancellation('{"patientId": ', 'application/json'), 400);
    assert.match(receipt.refuseText ?? '', /^\/: the cancellation could not be read as JSON \(.+\): send \{"patientId"/);
  });

  it('takes application/json in any case and with spaces around its parameters', async () => {
    // Past the front door: the hub looks at the cancellation and refuses the system, not the Content-Type.
    const response = await hub.inject({
      method: 'POST',
      url: PLSP_PATHS.cancellations,
      payload: JSON.stringify({ patientId: '2512489996', producerCode: 'LT' }),
      headers: { 'x-lps-system': 'Ukendt-LPS', 'content-type': 'Application/JSON ; charset=utf-8' },
    });
    const receipt = refusal(response, 403);
    assert.equal(receipt.refuseText, 'X-LPS-System: the LPS system "Ukendt-LPS" is not approved by MedCom to upload lab results');
  });
});

describe('a route behind the front door that fails', () => {
  /** An app whose message and cancellation routes throw the error a request names. */
  async function failingApp(): Promise<{ app: FastifyInstance; journal: MessageJournal }> {
    const journal = new MessageJournal();
    const app = createStubApp('plsp');
    const throwing = (request: { headers: Record<string, unknown> }): never => {
      const status = request.headers['x-status'];
      throw Object.assign(new Error('disk full'), status === undefined ? {} : { statusCode: Number(status) });
    };
    const door = new Hub(CONFIG, new HubMetrics(), journal);
    guardFrontDoor(app, door, (scope) => scope.post(PLSP_PATHS.xrpt, async (request) => throwing(request)));
    guardCancellations(app, door, (scope) => scope.post(PLSP_PATHS.cancellations, async (request) => throwing(request)));
    await app.ready();
    return { app, journal };
  }

  function failing(app: FastifyInstance, url: string, status: number | undefined): Promise<Awaited<ReturnType<FastifyInstance['inject']>>> {
    const options: InjectOptions = {
      method: 'POST',
      url,
      payload: url === PLSP_PATHS.xrpt ? '<Emessage/>' : '{}',
      headers: {
        'content-type': url === PLSP_PATHS.xrpt ? 'application/xml' : 'application/json',
        'x-lps-system': 'Pilot-LPS',
        ...(status === undefined ? {} : { 'x-status': String(status) }),
      },
    };
    return app.inject(options);
  }

  /** Each thrown error's status, and the receipt it gets: a 4xx stays (the request could not be read), anything else is the hub's 500. */
  async function expectRefusals(app: FastifyInstance, url: string, failed: string, unread: string): Promise<void> {
    for (const [thrown, status, text] of [
      [undefined, 500, failed],
      [399, 500, failed],
      [400, 400, unread],
      [499, 499, unread],
      [500, 500, failed],
      [503, 500, failed],
    ] as const) {
      const receipt = refusal(await failing(app, url, thrown), status);
      assert.equal(receipt.refuseText, text, `thrown with status ${thrown}`);
    }
  }

  it('a message: 500 saying the hub failed, unless the error is a 4xx, which says the request could not be read', async () => {
    const { app, journal } = await failingApp();
    try {
      await expectRefusals(
        app,
        PLSP_PATHS.xrpt,
        '/Emessage: the hub failed while receiving the message (disk full): nothing was stored, send the message again',
        '/Emessage: the request could not be read (disk full): nothing was stored, send the message again',
      );
      assert.deepEqual(
        journal.list().map((entry) => [entry.httpStatus, entry.lpsSystem, entry.findings[0]?.path]),
        [500, 500, 499, 400, 500, 500].map((status) => [status, 'Pilot-LPS', '/Emessage']),
      );
    } finally {
      await app.close();
    }
  });

  it('a cancellation: 500 naming the route, or a 4xx saying it could not be read', async () => {
    const { app } = await failingApp();
    try {
      await expectRefusals(
        app,
        PLSP_PATHS.cancellations,
        '/plsp/v1/cancellations: the hub failed while receiving the cancellation (disk full): nothing was cancelled, send it again',
        `/: the cancellation could not be read as JSON (disk full): ${CANCELLATION_FORM}`,
      );
    } finally {
      await app.close();
    }
  });
});

describe('while the hub shuts down', () => {
  it('refuses what comes under /plsp/v1/ with 503, and still answers its health check', async () => {
    const closing = await buildPlspApp(CONFIG);
    let url = '';
    let during: { health: { status: number; body: string }; message: { status: number; body: string } } | undefined;
    // Hooks run in the order they were added: by now the hub knows it is closing, and still listens.
    closing.addHook('preClose', async () => {
      const health = await fetch(`${url}/health`, { headers: { connection: 'close' } });
      const message = await fetch(`${url}${PLSP_PATHS.xrpt}`, {
        method: 'POST',
        headers: { connection: 'close', 'content-type': 'application/xml', 'x-lps-system': 'Pilot-LPS' },
        body: crpMessage().xml,
      });
      during = { health: { status: health.status, body: await health.text() }, message: { status: message.status, body: await message.text() } };
    });
    url = await closing.listen({ host: '127.0.0.1', port: 0 });
    await closing.close();
    assert.ok(during, 'the hub did not run its close hooks');
    assert.deepEqual({ status: during.health.status, body: JSON.parse(during.health.body) as unknown }, { status: 200, body: { status: 'ok', system: 'plsp' } });
    assert.equal(during.message.status, 503);
    const receipt = readReceipt(during.message.body);
    assert.equal(receipt.kind, 'XCTL02');
    assert.equal(receipt.refuseText, '/plsp/v1/xrpt: the hub is shutting down and took nothing in: send the message again when it is back');
  });
});
