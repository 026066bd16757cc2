/**
 * Who may call a stub (stubs/common/access.ts): with a token every route but the open ones demands it (401 with
 * what to send), paths no route serves stay open, the hub-only routes take the hub's signature over the bytes as
 * sent (403 otherwise), and the rules as read from the environment.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { hubSignature, HUB_ONLY_DATABANK_ROUTES, HUB_SIGNATURE_HEADER } from '../../contracts/access';
import { installAccessGuard, readAccessRules, type AccessRules } from '../../stubs/common/access';
import { BODY_LIMIT_BYTES } from '../../stubs/common/app-factory';

const KEY = 'hub-key-0123';

function guarded(rules: AccessRules): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 2 * BODY_LIMIT_BYTES });
  installAccessGuard(app, rules, 'LABA');
  app.get('/health', async () => ({ ok: 'health' }));
  app.post('/plsp/v1/xrpt', async () => ({ ok: 'xrpt' }));
  app.get('/plsp/v1/xrpt', async () => ({ ok: 'messages' }));
  app.get('/api/v1/results', async () => ({ ok: 'results' }));
  app.post('/api/v1/upload', async (request) => ({ ok: 'upload', body: request.body as unknown }));
  app.delete('/api/v1/uploads/:upload', async () => ({ ok: 'undo' }));
  return app;
}

async function answer(app: FastifyInstance, method: 'GET' | 'POST' | 'DELETE', url: string, headers: Record<string, string> = {}, payload?: string): Promise<[number, unknown]> {
  const response = await app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
  return [response.statusCode, response.json()];
}

const tokenRefused = (method: string, url: string): [number, unknown] => [
  401,
  { error: `LABA: ${method} ${url} needs the platform's access token: send the header "Authorization: Bearer <token>" (the token lokalsvar stubs printed at start, or its --token / LOKALSVAR_TOKEN)` },
];

test('without rules nobody is asked for anything', async () => {
  const app = guarded({});
  assert.deepEqual(await answer(app, 'GET', '/api/v1/results'), [200, { ok: 'results' }]);
  assert.deepEqual(await answer(app, 'POST', '/api/v1/upload', { 'content-type': 'application/json' }, '{"a":1}'), [200, { ok: 'upload', body: { a: 1 } }]);
});

test('with a token: the token on every route but the open ones, paths without a route left open', async () => {
  const app = guarded({ token: 's3cret' });
  assert.deepEqual(await answer(app, 'GET', '/api/v1/results?x=1'), tokenRefused('GET', '/api/v1/results?x=1'));
  const refused = await app.inject({ method: 'GET', url: '/api/v1/results' });
  assert.equal(refused.headers['www-authenticate'], 'Bearer');
  assert.deepEqual(await answer(app, 'GET', '/api/v1/results', { authorization: 'Bearer s3creT' }), tokenRefused('GET', '/api/v1/results'));
  assert.deepEqual(await answer(app, 'GET', '/api/v1/results', { authorization: 'Bearer s3cret2' }), tokenRefused('GET', '/api/v1/results'));
  assert.deepEqual(await answer(app, 'GET', '/api/v1/results', { authorization: 's3cret' }), tokenRefused('GET', '/api/v1/results'));
  assert.deepEqual(await answer(app, 'GET', '/api/v1/results', { authorization: 'Bearer s3cret' }), [200, { ok: 'results' }]);
  assert.deepEqual(await answer(app, 'POST', '/api/v1/upload', { 'content-type': 'application/json' }, '{}'), tokenRefused('POST', '/api/v1/upload'), 'hub-only routes need the token when no hub key is set');
  assert.deepEqual(await answer(app, 'GET', '/health'), [200, { ok: 'health' }]);
  assert.equal((await app.inject({ method: 'HEAD', url: '/health' })).statusCode, 200);
  assert.deepEqual(await answer(app, 'POST', '/plsp/v1/xrpt'), [200, { ok: 'xrpt' }]);
  assert.deepEqual(await answer(app, 'GET', '/plsp/v1/xrpt'), tokenRefused('GET', '/plsp/v1/xrpt'), 'only POST is open on the hub door');
  assert.equal((await app.inject({ method: 'GET', url: '/nowhere' })).statusCode, 404);
});

test('with a hub key: the hub-only routes take the hub\'s signature of method, path and the bytes as sent, token or not', async () => {
  for (const rules of [{ hubOnly: { key: KEY, routes: HUB_ONLY_DATABANK_ROUTES } }, { token: 's3cret', hubOnly: { key: KEY, routes: HUB_ONLY_DATABANK_ROUTES } }]) {
    const app = guarded(rules);
    const body = '{"letter": "æ"}';
    const signed = { 'content-type': 'application/json', [HUB_SIGNATURE_HEADER]: hubSignature(KEY, 'POST', '/api/v1/upload', body) };
    assert.deepEqual(await answer(app, 'POST', '/api/v1/upload', signed, body), [200, { ok: 'upload', body: { letter: 'æ' } }]);
    const forbidden = (method: string, url: string): [number, unknown] => [
      403,
      { error: `LABA: ${method} ${url} takes requests from the PLSP hub only (send messages to the hub, POST /plsp/v1/xrpt, which checks them first)` },
    ];
    assert.deepEqual(await answer(app, 'POST', '/api/v1/upload', signed, '{"letter":"æ"}'), forbidden('POST', '/api/v1/upload'), 'another body');
    assert.deepEqual(await answer(app, 'POST', '/api/v1/upload', { 'content-type': 'application/json' }, body), forbidden('POST', '/api/v1/upload'), 'no signature');
    assert.deepEqual(
      await answer(app, 'POST', '/api/v1/upload', { 'content-type': 'application/json', authorization: 'Bearer s3cret' }, body),
      forbidden('POST', '/api/v1/upload'),
      'the token is no signature',
    );
    const undo = hubSignature(KEY, 'DELETE', '/api/v1/uploads/U7', '');
    assert.deepEqual(await answer(app, 'DELETE', '/api/v1/uploads/U7', { [HUB_SIGNATURE_HEADER]: undo }), [200, { ok: 'undo' }]);
    assert.deepEqual(await answer(app, 'DELETE', '/api/v1/uploads/U8', { [HUB_SIGNATURE_HEADER]: undo }), forbidden('DELETE', '/api/v1/uploads/U8'));
    const results = await answer(app, 'GET', '/api/v1/results', { [HUB_SIGNATURE_HEADER]: hubSignature(KEY, 'GET', '/api/v1/results', '') });
    assert.deepEqual(results, 'token' in rules ? tokenRefused('GET', '/api/v1/results') : [200, { ok: 'results' }], 'other routes keep their rule');
    const large = Buffer.alloc(BODY_LIMIT_BYTES + 1, 0x20);
    const tooLarge = await app.inject({ method: 'POST', url: '/api/v1/upload', headers: { 'content-type': 'application/json' }, payload: large });
    assert.deepEqual([tooLarge.statusCode, tooLarge.json<{ message: string }>().message], [413, `the body is larger than ${BODY_LIMIT_BYTES} bytes`]);
    const largest = Buffer.alloc(BODY_LIMIT_BYTES, 0x20);
    const atLimit = await app.inject({ method: 'POST', url: '/api/v1/upload', headers: { 'content-type': 'text/plain', [HUB_SIGNATURE_HEADER]: hubSignature(KEY, 'POST', '/api/v1/upload', largest) }, payload: largest });
    assert.equal(atLimit.statusCode, 200, `${BODY_LIMIT_BYTES} bytes are taken`);
    const elsewhere = await app.inject({ method: 'POST', url: '/plsp/v1/xrpt', headers: { 'content-type': 'text/plain' }, payload: large });
    assert.equal(elsewhere.statusCode, 200, 'the guard reads the bodies of hub-only routes only (this app takes larger ones)');
  }
});

test('rules from the environment: a token when set, hub-only routes only with both a key and routes', () => {
  assert.deepEqual(readAccessRules({}), {});
  assert.deepEqual(readAccessRules({ LOKALSVAR_TOKEN: '', LOKALSVAR_HUB_KEY: '' }, HUB_ONLY_DATABANK_ROUTES), {});
  assert.deepEqual(readAccessRules({ LOKALSVAR_TOKEN: 't0ken', LOKALSVAR_HUB_KEY: KEY }), { token: 't0ken' });
  assert.deepEqual(readAccessRules({ LOKALSVAR_HUB_KEY: KEY }, HUB_ONLY_DATABANK_ROUTES), { hubOnly: { key: KEY, routes: HUB_ONLY_DATABANK_ROUTES } });
  assert.deepEqual(readAccessRules({ LOKALSVAR_TOKEN: 't0ken', LOKALSVAR_HUB_KEY: KEY }, HUB_ONLY_DATABANK_ROUTES), { token: 't0ken', hubOnly: { key: KEY, routes: HUB_ONLY_DATABANK_ROUTES } });
});
