/**
 * The stand-in's pages (ASSUMPTION: the paths are this stand-in's own; sundhed.dk's real ones are not used):
 *   GET  /, /log-ind          login form (test person's CPR in place of MitID); / goes on to the results when logged in
 *   POST /log-ind             cpr=<10 digits>: sets the session cookie, 303 to /laboratoriesvar; else the form with an error
 *   GET  /laboratoriesvar     the logged-in person's lab results; 303 to /log-ind without a session; 502 when the portal fails
 *   GET  /log-ud              ends the session, 303 to /log-ind
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { normalizeCpr } from './cpr';
import type { PortalClient } from './portal-client';
import { PortalUnavailableError } from './portal-client';
import { invalidCprMessage, renderLoginPage, renderNotFoundPage, renderPortalErrorPage, renderResultsPage } from './render';
import { SESSION_COOKIE, SessionStore, expiredSessionCookie, parseCookies, sessionCookie } from './session';
import { STYLESHEET, STYLESHEET_PATH } from './styles';

export interface SundhedsjournalDependencies {
  portal: PortalClient;
  sessions: SessionStore;
}

/** No scripts at all: even if escaping failed somewhere, injected markup could not run. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function registerSundhedsjournalRoutes(app: FastifyInstance, { portal, sessions }: SundhedsjournalDependencies): void {
  const tokenOf = (request: FastifyRequest): string | undefined => parseCookies(request.headers.cookie).get(SESSION_COOKIE);
  const cprOf = (request: FastifyRequest): string | undefined => sessions.cprOf(tokenOf(request));

  app.get('/', async (request, reply) =>
    cprOf(request) === undefined ? sendPage(reply, 200, renderLoginPage()) : reply.redirect('/laboratoriesvar', 303),
  );

  app.get('/log-ind', async (_request, reply) => sendPage(reply, 200, renderLoginPage()));

  app.post('/log-ind', async (request, reply) => {
    const typed = formField(request.body, 'cpr');
    const cpr = normalizeCpr(typed);
    if (cpr === undefined) return sendPage(reply, 400, renderLoginPage({ cpr: typed, error: invalidCprMessage(typed) }));
    sessions.close(tokenOf(request));
    return reply.header('set-cookie', sessionCookie(sessions.open(cpr))).redirect('/laboratoriesvar', 303);
  });

  app.get('/laboratoriesvar', async (request, reply) => {
    const cpr = cprOf(request);
    if (cpr === undefined) return reply.redirect('/log-ind', 303);
    try {
      return sendPage(reply, 200, renderResultsPage(cpr, await portal.resultsFor(cpr)));
    } catch (error) {
      if (!(error instanceof PortalUnavailableError)) throw error;
      request.log.warn({ reason: error.reason }, 'lab portal unavailable');
      return sendPage(reply, 502, renderPortalErrorPage(cpr, error.reason));
    }
  });

  app.get('/log-ud', async (request, reply) => {
    sessions.close(tokenOf(request));
    return reply.header('set-cookie', expiredSessionCookie()).redirect('/log-ind', 303);
  });

  app.get(STYLESHEET_PATH, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(STYLESHEET),
  );

  app.setNotFoundHandler(async (request, reply) => sendPage(reply, 404, renderNotFoundPage(request.url)));
}

function sendPage(reply: FastifyReply, status: number, page: string): FastifyReply {
  return reply.code(status).headers(PAGE_HEADERS).send(page);
}

/** A field of an urlencoded form body (parsed into an object by the app), or '' when absent. */
function formField(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}
