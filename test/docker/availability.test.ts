/** docker/availability.ts against fake engines on unix sockets: no Docker needed. */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { dockerAvailable } from '../../docker/availability';

const ARCH = { x64: 'amd64', arm64: 'arm64' }[process.arch as 'x64' | 'arm64'] ?? process.arch;
let dir: string;
const servers: http.Server[] = [];

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lokalsvar-availability-'));
});
after(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await rm(dir, { recursive: true, force: true });
});

/** A fake engine answering /_ping and /version; `silent` never answers at all. */
async function fakeEngine(name: string, version: { Os: string; Arch: string } | 'silent'): Promise<string> {
  const socket = path.join(dir, `${name}.sock`);
  const server = http.createServer((request, response) => {
    if (version === 'silent') return;
    if (request.url === '/_ping') response.end('OK');
    else if (request.url === '/version') response.end(JSON.stringify(version));
    else response.writeHead(404).end();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return socket;
}

test('an engine that answers is available', async () => {
  const socket = await fakeEngine('good', { Os: 'linux', Arch: ARCH });
  assert.deepEqual(await dockerAvailable({ env: {}, sockets: [socket] }), { ok: true, endpoint: socket });
});

test('no engine: the reason names where it looked and what to do', async () => {
  const result = await dockerAvailable({ env: {}, sockets: [path.join(dir, 'none.sock')] });
  assert.equal(result.ok, false);
  assert.match(!result.ok ? result.reason : '', /no Docker engine answers at .*none\.sock \(ENOENT\): install docker\.io and start dockerd/);
});

test('a DOCKER_HOST that fails falls through to the sockets, as testcontainers does', async () => {
  const socket = await fakeEngine('fallback', { Os: 'linux', Arch: ARCH });
  const env = { DOCKER_HOST: `unix://${path.join(dir, 'missing.sock')}` };
  assert.deepEqual(await dockerAvailable({ env, sockets: [socket] }), { ok: true, endpoint: socket });
});

test('an engine that does not answer fails within the timeout', async () => {
  const socket = await fakeEngine('silent', 'silent');
  const result = await dockerAvailable({ env: {}, sockets: [socket], timeoutMs: 200 });
  assert.equal(result.ok, false);
  // The reason proves the timeout ended the wait (a silent engine never answers); how fast is bench/'s business.
  assert.match(!result.ok ? result.reason : '', /no answer within 200 ms/);
});

test('an engine of another OS or architecture is reported as unusable', async () => {
  const windows = await fakeEngine('windows', { Os: 'windows', Arch: ARCH });
  const otherArch = await fakeEngine('other-arch', { Os: 'linux', Arch: ARCH === 'amd64' ? 'arm64' : 'amd64' });
  const onWindows = await dockerAvailable({ env: {}, sockets: [windows] });
  assert.match(!onWindows.ok ? onWindows.reason : '', /runs windows containers/);
  const onOtherArch = await dockerAvailable({ env: {}, sockets: [otherArch] });
  assert.match(!onOtherArch.ok ? onOtherArch.reason : '', /containers but this node binary is/);
});
