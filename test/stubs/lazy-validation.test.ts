/**
 * stubs/common/lazy-validation.ts: a route's schema is compiled on the route's first request, and validation is then
 * Fastify's own (the same refusals, the same coercion of the value it checks).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Ajv from 'ajv';
import { createStubApp } from '../../stubs/common/app-factory';
import { compiledOnFirstUse } from '../../stubs/common/lazy-validation';

test('the validator is compiled on its first call, once, and its errors are those of its last call', () => {
  const ajv = new Ajv();
  let compiles = 0;
  const validate = compiledOnFirstUse(() => {
    compiles += 1;
    return ajv.compile({ type: 'object', required: ['cpr'], properties: { cpr: { type: 'string' } } });
  });
  assert.equal(compiles, 0, 'compiled before it was used');
  assert.equal(validate.errors, undefined);
  assert.equal(validate({ cpr: 2512489996 }), false);
  assert.equal((validate.errors as unknown as Array<{ instancePath: string }>)[0]?.instancePath, '/cpr');
  assert.equal(validate({ cpr: '2512489996' }), true);
  assert.equal(validate.errors, null);
  assert.equal(compiles, 1);
});

test("Ajv may change the value in its parent, as Fastify asks it to (schemaEnv and the call's data context pass through)", () => {
  const ajv = new Ajv({ coerceTypes: 'array' });
  const validate = compiledOnFirstUse(() => ajv.compile({ type: 'array', items: { type: 'integer' } }));
  assert.ok(validate.schemaEnv, 'Fastify passes the parent only to a validator that has a schemaEnv');
  const request = { query: '7' as unknown };
  assert.equal(validate(request.query, { instancePath: '', parentData: request, parentDataProperty: 'query', rootData: request, dynamicAnchors: {} }), true);
  assert.deepEqual(request.query, [7]);
});

test('a route with a headers schema is refused when the stub starts (Fastify would lowercase its names; this compiler does not)', async () => {
  const app = createStubApp('test');
  app.get('/token', { schema: { headers: { type: 'object', required: ['X-Token'] } } }, async () => ({ ok: true }));
  try {
    await assert.rejects(async () => app.ready(), /GET \/token has a headers schema/);
  } finally {
    await app.close();
  }
});

test('a stub starts without compiling its route schemas; a route compiles its own on its first request', async () => {
  const app = createStubApp('test');
  // A schema Ajv cannot compile: Fastify's default compiler refuses it while the app starts.
  app.post('/broken', { schema: { body: { type: 'no-such-type' } } }, async () => ({ ok: true }));
  app.post('/register', { schema: { body: { type: 'object', required: ['analysisCode'], properties: { analysisCode: { type: 'string' }, count: { type: 'integer' } } } } }, async (request) => request.body);
  try {
    await app.ready();
    const broken = await app.inject({ method: 'POST', url: '/broken', payload: {} });
    assert.equal(broken.statusCode, 500);
    const refused = await app.inject({ method: 'POST', url: '/register', payload: { count: 2 } });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().message, "body must have required property 'analysisCode'");
    const coerced = await app.inject({ method: 'POST', url: '/register', payload: { analysisCode: 'NPU19748', count: '2' } });
    assert.deepEqual(coerced.json(), { analysisCode: 'NPU19748', count: 2 });
  } finally {
    await app.close();
  }
});
