/**
 * The shape every stub app shares: a Fastify instance with a health route and an XML body parser that hands the
 * route the body's raw bytes (a Buffer), never text: XML is decoded strictly by medcom (parseXml / readEmessage),
 * in the encoding the document and its HTTP charset name, so no byte is lost or guessed on the way in. Route schemas
 * are compiled on a route's first request (lazy-validation.ts).
 */
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { COMPILED_ON_FIRST_USE } from './lazy-validation';

/** Largest message body any stub accepts (MedCom messages from one clinic are a few KB). */
export const BODY_LIMIT_BYTES = 5 * 1024 * 1024;

export const XML_MEDIA_TYPES = ['application/xml', 'text/xml'];

/** `answerWhileClosing`: route requests that arrive during close to the app (which answers them its own way). */
export function createStubApp(system: string, { answerWhileClosing = false } = {}): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES, return503OnClosing: !answerWhileClosing, schemaController: COMPILED_ON_FIRST_USE });
  app.addContentTypeParser(XML_MEDIA_TYPES, { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });
  app.get('/health', async () => ({ status: 'ok', system }));
  return app;
}

/** The charset parameter of the request's Content-Type, if it names one. */
export function charsetOf(request: FastifyRequest): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(request.headers['content-type'] ?? '');
  return match?.[1];
}
