/**
 * HTTP calls from one stub to another (stubs/common/fetch-json.ts) against a real server on a free loopback port:
 * what is sent, what comes back whatever its status, and errors that name the system, the URL and the answer, and
 * say whether trying again may help.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import { fetchJson, postExpectingOk, postTo, UpstreamError } from '../../stubs/common/fetch-json';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

const seen: Seen[] = [];
let server: Server;
let base = '';
before(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
      if (request.url === '/hang') return; // never answers
      if (request.url?.startsWith('/broken')) {
        // starts a 503 answer, then drops the connection halfway through its body
        response.writeHead(503, { 'content-type': 'text/plain', 'content-length': '100' });
        response.write('LABA is', () => response.destroy());
        return;
      }
      const status = Number(/status=(\d+)/.exec(request.url ?? '')?.[1] ?? 200);
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ answered: status }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test('postTo sends the body, its content type and the headers given, and resolves whatever the status', async () => {
  seen.length = 0;
  const text = await postTo('LABA', `${base}/upload?status=422`, 'application/xml; charset=ISO-8859-1', 'æ<a/>', { 'x-lps-system': 'Pilot-LPS' });
  assert.equal(text.status, 422);
  assert.deepEqual(await text.json(), { answered: 422 });
  const bytes = await postTo('LABA', `${base}/upload`, 'application/octet-stream', new Uint8Array([0xe6, 0x00, 0xff]));
  assert.equal(bytes.status, 200);
  assert.deepEqual(
    seen.map((request) => [request.method, request.url, request.headers['content-type'], request.headers['x-lps-system'], request.body.toString('hex')]),
    [
      ['POST', '/upload?status=422', 'application/xml; charset=ISO-8859-1', 'Pilot-LPS', Buffer.from('æ<a/>').toString('hex')],
      ['POST', '/upload', 'application/octet-stream', undefined, 'e600ff'],
    ],
  );
});

test('postExpectingOk gives the answer when 2xx, else an error with the status and body, worth retrying only for 5xx', async () => {
  seen.length = 0;
  const ok = await postExpectingOk('MiBa', `${base}/upload?status=201`, 'application/json', '{}', 1000, { authorization: 'Bearer t' });
  assert.equal(ok.status, 201);
  assert.equal(seen[0]?.headers.authorization, 'Bearer t');
  for (const [status, retryable] of [
    [400, false],
    [499, false],
    [500, true],
    [503, true],
  ] as const) {
    const url = `${base}/upload?status=${status}`;
    await assert.rejects(
      postExpectingOk('MiBa', url, 'application/json', '{}'),
      (error: unknown) =>
        error instanceof UpstreamError && error.system === 'MiBa' && error.retryable === retryable && error.message === `MiBa refused POST ${url} with HTTP ${status}: {"answered":${status}}`,
    );
  }
});

test('fetchJson gives the JSON of a 2xx answer, sends the headers given, and names the answer otherwise', async () => {
  seen.length = 0;
  assert.deepEqual(await fetchJson('Labportal', `${base}/results?status=200`, 1000, { authorization: 'Bearer t' }), { answered: 200 });
  assert.deepEqual([seen[0]?.method, seen[0]?.headers.authorization], ['GET', 'Bearer t']);
  const url = `${base}/results?status=404`;
  await assert.rejects(fetchJson('Labportal', url), (error: unknown) => error instanceof UpstreamError && error.retryable && error.message === `Labportal answered 404 to GET ${url}: {"answered":404}`);
});

test('an error answer broken off halfway: still the system\'s error, worth retrying, saying the answer broke off', async () => {
  const url = `${base}/broken`;
  const brokeOff = (error: unknown, text: string) => error instanceof UpstreamError && error.system === 'LABA' && error.retryable && error.message === text;
  await assert.rejects(postExpectingOk('LABA', url, 'application/xml', '<x/>'), (error: unknown) => brokeOff(error, `LABA refused POST ${url} with HTTP 503: (the answer broke off: terminated)`));
  await assert.rejects(fetchJson('LABA', url), (error: unknown) => brokeOff(error, `LABA answered 503 to GET ${url}: (the answer broke off: terminated)`));
});

test('a system not reached, or not answering in time: an error worth retrying that names the system and the URL', async () => {
  const closed = 'http://127.0.0.1:1/upload';
  await assert.rejects(postTo('LABA', closed, 'application/json', '{}'), (error: unknown) => error instanceof UpstreamError && error.retryable && error.system === 'LABA' && error.message.startsWith(`LABA could not be reached at ${closed}: `));
  await assert.rejects(fetchJson('LABA', closed), (error: unknown) => error instanceof UpstreamError && error.message.startsWith(`LABA could not be reached at ${closed}: `));
  await assert.rejects(postTo('LABA', `${base}/hang`, 'application/json', '{}', {}, 200), (error: unknown) => error instanceof UpstreamError && /^LABA could not be reached at .*\/hang: .*time/i.test(error.message));
  await assert.rejects(postExpectingOk('LABA', `${base}/hang`, 'application/json', '{}', 200), (error: unknown) => error instanceof UpstreamError && /time/i.test(error.message));
  await assert.rejects(fetchJson('LABA', `${base}/hang`, 200), (error: unknown) => error instanceof UpstreamError && /time/i.test(error.message));
});
