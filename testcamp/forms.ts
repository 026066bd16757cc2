/** Reading what a page's form (urlencoded) or a script (JSON) sent, and answering either one in kind. */
import type { FastifyReply, FastifyRequest } from 'fastify';

export function field(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value.trim() : '';
}

export function wantsJson(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('application/json') && !(request.headers.accept ?? '').includes('text/html');
}

export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status).headers(PAGE_HEADERS).send(html);
}

/** A refusal a person or a script can act on: the page says what was wrong and what to do; JSON as {fejl}. */
export function refuse(request: FastifyRequest, reply: FastifyReply, status: number, message: string, renderPage: (message: string) => string): FastifyReply {
  if (wantsJson(request) || request.headers['content-type']?.includes('application/json')) return reply.code(status).send({ fejl: message });
  return sendPage(reply, status, renderPage(message));
}
