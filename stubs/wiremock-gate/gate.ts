/**
 * The authenticating gate in front of WireMock wherever WireMock's port would otherwise be reachable beyond this
 * machine: WireMock itself is not published (loopback only in-process, no published port in containers mode), and
 * the gate, on the published address, passes on only requests that carry the platform's access token
 * (stubs/common/access.ts), so WireMock's admin API and journal are never reachable except through the platform.
 * The hub reaches WireMock directly (loopback, or the Docker network).
 *
 * In-process: environments/local.ts starts it. In containers mode it runs in a container of the stubs image
 * (`main.js wiremock-gate`, see stubs/main.ts) with WIREMOCK_GATE_UPSTREAM and LOKALSVAR_TOKEN.
 */
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { ACCESS_TOKEN_ENV, ACCESS_TOKEN_HEADER } from '../../contracts/access';
import { BODY_LIMIT_BYTES } from '../common/app-factory';
import { installAccessGuard } from '../common/access';

export interface RunningGate {
  url: string;
  close(): Promise<void>;
}

/** Hop-by-hop headers and those fetch sets itself; the token stays here, WireMock needs none. */
const NOT_PASSED_ON = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', ACCESS_TOKEN_HEADER]);
const NOT_RETURNED = new Set(['connection', 'content-length', 'transfer-encoding', 'content-encoding', 'keep-alive']);

/** The name the stubs image runs the gate under (`docker run IMAGE wiremock-gate`), and its settings. */
export const WIREMOCK_GATE_NAME = 'wiremock-gate';
export const WIREMOCK_GATE_UPSTREAM_ENV = 'WIREMOCK_GATE_UPSTREAM';

export async function startWireMockGate(upstream: string, token: string, listen: { host: string; port: number }): Promise<RunningGate> {
  if (!token) throw new Error(`The WireMock gate needs the platform's access token (${ACCESS_TOKEN_ENV}): without one it would let everybody in`);
  if (!/^https?:\/\/[^/]+$/.test(upstream)) throw new Error(`The WireMock gate's upstream "${upstream}" is not a base URL like http://wiremock:8080 (${WIREMOCK_GATE_UPSTREAM_ENV})`);
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  installAccessGuard(app, { token }, 'WireMock');
  app.all('/*', async (request, reply) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (!NOT_PASSED_ON.has(name) && value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const body = Buffer.isBuffer(request.body) ? new Uint8Array(request.body) : undefined;
    let response: Response;
    try {
      response = await fetch(`${upstream}${request.url}`, { method: request.method, headers, body, signal: AbortSignal.timeout(60_000) });
    } catch (error) {
      return reply.code(502).send({ error: `WireMock behind the gate (${upstream}) could not be reached: ${(error as Error).message}` });
    }
    reply.code(response.status);
    response.headers.forEach((value, name) => {
      if (!NOT_RETURNED.has(name)) void reply.header(name, value);
    });
    return reply.send(Buffer.from(await response.arrayBuffer()));
  });
  await app.listen(listen);
  // Listening on a host and port, the server's address is always an AddressInfo.
  const { port } = app.server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return { url: `http://${listen.host === '0.0.0.0' ? '127.0.0.1' : listen.host}:${port}`, close: () => (closing ??= app.close()) };
}
