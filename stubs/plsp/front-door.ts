/**
 * The hub's front door: every request to POST /plsp/v1/xrpt that is refused before its message is read still gets a
 * MedCom negative receipt (XCTL02) saying what and where, never Fastify's JSON error: a wrong or missing
 * Content-Type, a body over the limit, a message arriving while the hub shuts down, an unknown path or method
 * under /plsp/v1/.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BODY_LIMIT_BYTES, XML_MEDIA_TYPES } from '../common/app-factory';
import type { HubAnswer, Hub } from './receive';

const PREFIX = '/plsp/v1';

function systemOf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-lps-system'];
  return typeof header === 'string' && header !== '' ? header : undefined;
}

function send(reply: FastifyReply, answer: HubAnswer): FastifyReply {
  return reply.code(answer.status).type('application/xml; charset=utf-8').send(answer.receiptXml);
}

/** The receipt for a body that is not XML (another Content-Type, or none). */
export function notXml(hub: Hub, system: string | undefined, contentType: string | undefined): HubAnswer {
  const given = contentType ? `is ${contentType}` : 'is missing';
  return hub.refuseUnread(system, 415, 'Content-Type', `the HTTP Content-Type ${given}: send the Emessage with Content-Type ${XML_MEDIA_TYPES.join(' or ')}`);
}

function refusalFor(hub: Hub, request: FastifyRequest, error: { code?: string; statusCode?: number; message: string }): HubAnswer {
  const system = systemOf(request);
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return hub.refuseUnread(system, 413, '/Emessage', `the message is larger than the hub's limit of ${BODY_LIMIT_BYTES} bytes (${BODY_LIMIT_BYTES / 1024 / 1024} MiB): nothing was read`);
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return notXml(hub, system, request.headers['content-type']);
  const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  const what = status === 500 ? 'the hub failed while receiving the message' : 'the request could not be read';
  return hub.refuseUnread(system, status, '/Emessage', `${what} (${error.message}): nothing was stored, send the message again`);
}

/**
 * Registers `routes` (the message route) in a scope whose errors become receipts, answers unknown paths and methods
 * under /plsp/v1/ with a receipt, and, once the app begins to close, answers every request under /plsp/v1/ with a
 * receipt saying the hub is shutting down (the app must be created with answerWhileClosing).
 */
export function guardFrontDoor(app: FastifyInstance, hub: Hub, routes: (scope: FastifyInstance) => void): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!closing || !request.url.startsWith(`${PREFIX}/`)) return;
    return send(reply, hub.refuseUnread(systemOf(request), 503, request.url, 'the hub is shutting down and took nothing in: send the message again when it is back'));
  });
  void app.register(async (scope) => {
    scope.setErrorHandler((error, request, reply) => send(reply, refusalFor(hub, request, error as { code?: string; statusCode?: number; message: string })));
    routes(scope);
  });
  void app.register(
    async (scope) => {
      scope.setNotFoundHandler((request, reply) =>
        send(reply, hub.refuseUnread(systemOf(request), 404, `${request.method} ${request.url}`, `the hub has no ${request.method} ${request.url}: send Emessages with POST ${PREFIX}/xrpt`)),
      );
    },
    { prefix: PREFIX },
  );
}
