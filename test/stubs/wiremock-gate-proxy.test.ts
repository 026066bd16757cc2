/**
 * The gate in front of WireMock (stubs/wiremock-gate/gate.ts), started on a free loopback port before a fake
 * WireMock (a plain HTTP server): it refuses to start without a token or with an upstream that is no base URL,
 * lets nobody in without the token, and passes a request on as sent (method, path, query, body, headers but the
 * token and hop-by-hop ones) and the answer back (status, headers, bytes); 502 when WireMock is not there.
 */
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { startWireMockGate, WIREMOCK_GATE_NAME, type RunningGate } from '../../stubs/wiremock-gate/gate';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const seen: Seen[] = [];
let wiremock: Server;
let upstream = '';
let gate: RunningGate;
before(async () => {
  wiremock = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('latin1') });
      if (request.url === '/gzip') {
        const zipped = gzipSync('komprimeret svar, længere end det komprimerede');
        response.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip', 'content-length': zipped.length });
        response.end(zipped);
        return;
      }
      if (request.url === '/close') {
        response.writeHead(200, { 'content-type': 'text/plain', connection: 'close' });
        response.end('farvel');
        return;
      }
      if (request.url === '/chunked') {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.write('første del, ');
        response.end('anden del');
        return;
      }
      response.writeHead(207, { 'content-type': 'application/octet-stream', 'x-wiremock': 'yes', connection: 'keep-alive', 'keep-alive': 'timeout=5' });
      response.end(Buffer.from([0x00, 0xe6, 0xff]));
    });
  });
  await new Promise<void>((resolve) => wiremock.listen(0, '127.0.0.1', resolve));
  const address = wiremock.address();
  upstream = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  gate = await startWireMockGate(upstream, 's3cret', { host: '127.0.0.1', port: 0 });
});
after(async () => {
  await gate.close();
  wiremock.closeAllConnections();
  await new Promise((resolve) => wiremock.close(resolve));
});

test('the gate will not start without a token or with an upstream that is not a base URL', async () => {
  await assert.rejects(startWireMockGate(upstream, '', { host: '127.0.0.1', port: 0 }), {
    message: "The WireMock gate needs the platform's access token (LOKALSVAR_TOKEN): without one it would let everybody in",
  });
  for (const bad of [`${upstream}/`, `${upstream}/__admin`, 'wiremock:8080', `ftp://wiremock:8080`, `x${upstream}`]) {
    await assert.rejects(startWireMockGate(bad, 's3cret', { host: '127.0.0.1', port: 0 }), {
      message: `The WireMock gate's upstream "${bad}" is not a base URL like http://wiremock:8080 (WIREMOCK_GATE_UPSTREAM)`,
    });
  }
});

test('the stubs image runs the gate under the name wiremock-gate', () => {
  assert.equal(WIREMOCK_GATE_NAME, 'wiremock-gate');
});

test('its URL names the address and the port it listens on; listening on every address, the loopback one', async () => {
  assert.match(gate.url, /^http:\/\/127\.0\.0\.1:[0-9]+$/);
  assert.notEqual(gate.url, 'http://127.0.0.1:0');
  const everywhere = await startWireMockGate(upstream, 's3cret', { host: '0.0.0.0', port: 0 });
  try {
    assert.match(everywhere.url, /^http:\/\/127\.0\.0\.1:[0-9]+$/);
    assert.equal((await fetch(`${everywhere.url}/__admin/requests`)).status, 401);
  } finally {
    await everywhere.close();
  }
  const named = await startWireMockGate(upstream, 's3cret', { host: 'localhost', port: 0 });
  try {
    assert.match(named.url, /^http:\/\/localhost:[0-9]+$/);
  } finally {
    await named.close();
  }
});

test('without the token nothing reaches WireMock', async () => {
  seen.length = 0;
  const response = await fetch(`${gate.url}/__admin/requests`);
  assert.equal(response.status, 401);
  assert.deepEqual(await response.json(), {
    error: `WireMock: GET /__admin/requests needs the platform's access token: send the header "Authorization: Bearer <token>" (the token lokalsvar stubs printed at start, or its --token / LOKALSVAR_TOKEN)`,
  });
  assert.equal((await fetch(`${gate.url}/__admin/requests`, { headers: { authorization: 'Bearer wrong!' } })).status, 401);
  assert.equal(seen.length, 0);
});

test('with the token a request goes on as sent, without the token, and the answer comes back as WireMock gave it', async () => {
  seen.length = 0;
  const body = Buffer.from([0x7b, 0xe6, 0x7d]);
  const response = await fetch(`${gate.url}/__admin/mappings?limit=2`, {
    method: 'PUT',
    headers: { authorization: 'Bearer s3cret', 'content-type': 'application/x-anything', 'x-trace': 'abc' },
    body,
  });
  assert.equal(response.status, 207);
  assert.deepEqual(Buffer.from(await response.arrayBuffer()), Buffer.from([0x00, 0xe6, 0xff]));
  assert.equal(response.headers.get('x-wiremock'), 'yes');
  assert.equal(response.headers.get('content-type'), 'application/octet-stream');
  assert.notEqual(response.headers.get('keep-alive'), 'timeout=5', 'hop-by-hop headers are the gate\'s own');
  const [request] = seen;
  assert.deepEqual([request?.method, request?.url, request?.body], ['PUT', '/__admin/mappings?limit=2', body.toString('latin1')]);
  assert.equal(request?.headers.authorization, undefined, 'the token stays at the gate');
  assert.equal(request?.headers['x-trace'], 'abc');
  assert.equal(request?.headers['content-type'], 'application/x-anything');
  assert.equal(request?.headers.host, upstream.replace('http://', ''), 'the host is WireMock\'s, not the gate\'s');

  seen.length = 0;
  const get = await fetch(`${gate.url}/lab/results`, { headers: { authorization: 'Bearer s3cret' } });
  assert.equal(get.status, 207);
  assert.deepEqual([seen[0]?.method, seen[0]?.url, seen[0]?.body, seen[0]?.headers['content-length']], ['GET', '/lab/results', '', undefined]);
});

/** A request with exactly these headers (node:http, which lets a client send any header, repeated ones too). */
function rawRequest(url: string, method: string, headers: OutgoingHttpHeaders | readonly string[], chunks: string[] = []): Promise<{ status: number; body: string; connection?: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers: headers as OutgoingHttpHeaders }, (response) => {
      const parts: Buffer[] = [];
      response.on('data', (chunk: Buffer) => parts.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8'), ...(response.headers.connection ? { connection: response.headers.connection } : {}) }));
    });
    request.on('error', reject);
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

test('a body of up to 5 MB goes on (mappings with large bodies)', async () => {
  seen.length = 0;
  const large = Buffer.alloc(3 * 1024 * 1024, 0x61);
  const response = await fetch(`${gate.url}/__admin/mappings`, { method: 'POST', headers: { authorization: 'Bearer s3cret', 'content-type': 'application/json' }, body: large });
  assert.equal(response.status, 207);
  assert.equal(seen[0]?.body.length, large.length);
});

test('a body-less GET goes on without one, whatever length it claimed; a Connection header naming others stays', async () => {
  seen.length = 0;
  const answer = await rawRequest(`${gate.url}/lab/results`, 'GET', ['host', gate.url.replace('http://', ''), 'authorization', 'Bearer s3cret', 'content-type', 'text/plain', 'content-length', '5', 'connection', 'x-trace', 'x-trace', 'abc'], ['hello']);
  assert.equal(answer.status, 207, JSON.stringify(answer));
  assert.deepEqual([seen[0]?.method, seen[0]?.body, seen[0]?.headers['content-length'], seen[0]?.headers.connection], ['GET', '', undefined, 'keep-alive']);
});

test('hop-by-hop headers stay at the gate, repeated ones go on joined, a chunked body goes on whole', async () => {
  seen.length = 0;
  const answer = await rawRequest(`${gate.url}/__admin/mappings/import`, 'POST', [
    'host', gate.url.replace('http://', ''),
    'authorization', 'Bearer s3cret',
    'content-type', 'application/json',
    'keep-alive', 'timeout=5',
    'set-cookie', 'a=1',
    'set-cookie', 'b=2',
  ], ['{"mappings":', '[]}']);
  assert.equal(answer.status, 207, JSON.stringify(answer));
  const [request] = seen;
  assert.deepEqual([request?.method, request?.url, request?.body], ['POST', '/__admin/mappings/import', '{"mappings":[]}']);
  assert.equal(request?.headers['set-cookie']?.join('|'), 'a=1, b=2');
  assert.equal(request?.headers['keep-alive'], undefined);
  assert.equal(request?.headers['transfer-encoding'], undefined, 'the body goes on with its length');
});

test('an answer comes back decoded and whole: no content encoding fetch already undid, no chunking of WireMock\'s own', async () => {
  const gzip = await fetch(`${gate.url}/gzip`, { headers: { authorization: 'Bearer s3cret' } });
  assert.deepEqual([gzip.status, gzip.headers.get('content-encoding'), await gzip.text()], [200, null, 'komprimeret svar, længere end det komprimerede']);
  const chunked = await rawRequest(`${gate.url}/chunked`, 'GET', { authorization: 'Bearer s3cret' });
  assert.deepEqual(chunked, { status: 200, body: 'første del, anden del', connection: 'keep-alive' });
  const closing = await rawRequest(`${gate.url}/close`, 'GET', { authorization: 'Bearer s3cret' });
  assert.deepEqual(closing, { status: 200, body: 'farvel', connection: 'keep-alive' }, 'WireMock closing its connection does not close the client\'s');
});

test('WireMock not there: 502 naming it; closing twice is one close', async () => {
  const lonely = await startWireMockGate('http://127.0.0.1:1', 's3cret', { host: '127.0.0.1', port: 0 });
  try {
    const response = await fetch(`${lonely.url}/__admin/requests`, { headers: { authorization: 'Bearer s3cret' } });
    assert.equal(response.status, 502);
    assert.match((await response.json() as { error: string }).error, /^WireMock behind the gate \(http:\/\/127\.0\.0\.1:1\) could not be reached: /);
  } finally {
    const first = lonely.close();
    assert.equal(lonely.close(), first);
    await first;
  }
});
