/**
 * The one check of who may call a stub (rules in contracts/access.ts): installed on every stub by startStub, and on
 * the gate in front of WireMock. With a token, every route but the open ones demands `Authorization: Bearer
 * <token>` (401 otherwise, whatever address the request comes from); with a hub key, the hub-only routes demand the
 * hub's signature (403 otherwise), token or not.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { Readable } from 'node:stream';
import { ACCESS_TOKEN_ENV, HUB_KEY_ENV, HUB_SIGNATURE_HEADER, OPEN_ROUTES, bearer, hubSignatureValid, type Route } from '../../contracts/access';
import { BODY_LIMIT_BYTES } from './app-factory';
import type { Env } from './config';

export interface AccessRules {
  /** Demand this token on every route but the open ones; undefined: no token (loopback). */
  token?: string;
  /** Routes that take only the hub's signature under hubKey. */
  hubOnly?: { key: string; routes: readonly Route[] };
}

export function readAccessRules(env: Env, hubOnlyRoutes: readonly Route[] = []): AccessRules {
  const token = env[ACCESS_TOKEN_ENV] || undefined;
  const key = env[HUB_KEY_ENV] || undefined;
  return { ...(token ? { token } : {}), ...(key && hubOnlyRoutes.length > 0 ? { hubOnly: { key, routes: hubOnlyRoutes } } : {}) };
}

function matches(routes: readonly Route[], request: FastifyRequest): boolean {
  const url = request.routeOptions.url;
  return routes.some((route) => route.method === request.method && route.url === url);
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function installAccessGuard(app: FastifyInstance, rules: AccessRules, system: string): void {
  const { token, hubOnly } = rules;
  if (token) {
    app.addHook('onRequest', async (request, reply) => {
      if (matches(OPEN_ROUTES, request) || (hubOnly && matches(hubOnly.routes, request))) return;
      // No route: the not-found answer reveals nothing, and the hub's is a receipt an LPS with a wrong path can read.
      if (request.routeOptions.url === undefined) return;
      if (sameSecret(request.headers.authorization, bearer(token))) return;
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({
          error: `${system}: ${request.method} ${request.url} needs the platform's access token: send the header "Authorization: Bearer <token>" (the token lokalsvar stubs printed at start, or its --token / ${ACCESS_TOKEN_ENV})`,
        });
    });
  }
  if (hubOnly) {
    // The signature covers the bytes as sent: keep them before any parser reads them.
    const rawBodies = new WeakMap<FastifyRequest, Buffer>();
    app.addHook('preParsing', async (request, _reply, payload) => {
      if (!matches(hubOnly.routes, request)) return payload;
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of payload) {
        size += (chunk as Uint8Array).length;
        if (size > BODY_LIMIT_BYTES) throw Object.assign(new Error(`the body is larger than ${BODY_LIMIT_BYTES} bytes`), { statusCode: 413 });
        chunks.push(Buffer.from(chunk as Uint8Array));
      }
      const raw = Buffer.concat(chunks);
      rawBodies.set(request, raw);
      return Readable.from([raw]);
    });
    app.addHook('preHandler', async (request, reply) => {
      if (!matches(hubOnly.routes, request)) return;
      const rawBody = rawBodies.get(request) ?? Buffer.alloc(0);
      const signature = request.headers[HUB_SIGNATURE_HEADER];
      if (hubSignatureValid(hubOnly.key, request.method, request.url, rawBody, typeof signature === 'string' ? signature : undefined)) return;
      return reply.code(403).send({
        error: `${system}: ${request.method} ${request.url} takes requests from the PLSP hub only (send messages to the hub, POST /plsp/v1/xrpt, which checks them first)`,
      });
    });
  }
}
