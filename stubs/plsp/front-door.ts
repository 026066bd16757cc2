/**
 * The hub's front door: every request to POST /plsp/v1/xrpt that is refused before its message is read still gets a
 * MedCom negative receipt (XCTL02) saying what and where, never Fastify's JSON error: a wrong or missing
 * Content-Type, a body over the limit, a message arriving while the hub shuts down, an unknown path or method
 * under /plsp/v1/. A cancellation (POST /plsp/v1/cancellations, JSON) is refused the same way: a negative receipt
 * naming no original message, whose RefuseText names the field (guardCancellations).
 */
import Ajv from 'ajv';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PLSP_PATHS } from '../../contracts/plsp';
import { BODY_LIMIT_BYTES, XML_MEDIA_TYPES } from '../common/app-factory';
import { compiledOnFirstUse } from '../common/lazy-validation';
import type { HubAnswer, Hub } from './receive';

const PREFIX = '/plsp/v1';

/** The LPS system a request names in X-LPS-System; undefined when it names none (no header, or an empty one). */
export function systemOf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-lps-system'];
  return typeof header === 'string' && header !== '' ? header : undefined;
}

/** Sends the hub's receipt as the answer. */
export function sendReceipt(reply: FastifyReply, answer: HubAnswer): FastifyReply {
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

let strictJson: Ajv | undefined;
/** The cancellations' own Ajv, made when the first cancellation arrives (stubs/common/lazy-validation.ts says why). */
const strictAjv = (): Ajv => (strictJson ??= new Ajv({ coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false }));

/** The text of a cancellation's schema fault: which field, what is wrong with it, and what to send. */
const CANCELLATION_FORM = 'send {"patientId": "<CPR>", "producerCode": "<1-3 characters>"} as application/json';

/** Ajv's error as Fastify hands it on: instancePath is '' at the body's root. */
interface SchemaFault {
  instancePath: string;
  keyword?: string;
  message?: string;
  params: { missingProperty?: string; additionalProperty?: string };
}

function cancellationRefusal(hub: Hub, request: FastifyRequest, error: { code?: string; statusCode?: number; message: string; validation?: SchemaFault[] }): HubAnswer {
  const fault = error.validation?.[0];
  if (fault) {
    if (fault.params.missingProperty) {
      const field = `${fault.instancePath}/${fault.params.missingProperty}`;
      return hub.refusal(400, field, `the cancellation has no field ${field}: ${CANCELLATION_FORM}`);
    }
    if (fault.params.additionalProperty) {
      const field = `${fault.instancePath}/${fault.params.additionalProperty}`;
      return hub.refusal(400, field, `the cancellation has a field ${field} it may not have: ${CANCELLATION_FORM}`);
    }
    const field = fault.instancePath || '/';
    return hub.refusal(400, field, `the cancellation's ${field === '/' ? 'body' : `field ${field}`} ${fault.message ?? 'is not valid'}: ${CANCELLATION_FORM}`);
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return hub.refusal(413, '/', `the cancellation is larger than the hub's limit of ${BODY_LIMIT_BYTES} bytes: nothing was read`);
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    const contentType = request.headers['content-type'];
    return hub.refusal(415, 'Content-Type', `the HTTP Content-Type ${contentType ? `is ${contentType}` : 'is missing'}: ${CANCELLATION_FORM}`);
  }
  const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) return hub.refusal(500, PLSP_PATHS.cancellations, `the hub failed while receiving the cancellation (${error.message}): nothing was cancelled, send it again`);
  return hub.refusal(status, '/', `the cancellation could not be read as JSON (${error.message}): ${CANCELLATION_FORM}`);
}

/**
 * Registers `routes` (the cancellation route) in a scope whose errors (schema, content type, size, JSON syntax)
 * become negative receipts naming the field, as every refusal under /plsp/v1/ is.
 */
export function guardCancellations(app: FastifyInstance, hub: Hub, routes: (scope: FastifyInstance) => void): void {
  void app.register(async (scope) => {
    // Fastify's own validation would turn a number into a string (a CPR losing its leading zero) and drop unknown
    // fields without a word: here the body must be exactly what the schema says.
    scope.setValidatorCompiler(({ schema }) => compiledOnFirstUse(() => strictAjv().compile(schema)));
    scope.addHook('preValidation', async (request) => {
      const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (mediaType !== 'application/json') throw Object.assign(new Error('not application/json'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 });
    });
    scope.setErrorHandler((error, request, reply) => sendReceipt(reply, cancellationRefusal(hub, request, error as Parameters<typeof cancellationRefusal>[2])));
    routes(scope);
  });
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
    return sendReceipt(reply, hub.refuseUnread(systemOf(request), 503, request.url, 'the hub is shutting down and took nothing in: send the message again when it is back'));
  });
  void app.register(async (scope) => {
    scope.setErrorHandler((error, request, reply) => sendReceipt(reply, refusalFor(hub, request, error as { code?: string; statusCode?: number; message: string })));
    routes(scope);
  });
  void app.register(
    async (scope) => {
      scope.setNotFoundHandler((request, reply) =>
        sendReceipt(reply, hub.refuseUnread(systemOf(request), 404, `${request.method} ${request.url}`, `the hub has no ${request.method} ${request.url}: send Emessages with POST ${PREFIX}/xrpt`)),
      );
    },
    { prefix: PREFIX },
  );
}
