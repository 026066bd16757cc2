/** The stand-in's pages, as contracts/sundhedsjournal.ts describes them. */
import { SUNDHEDSJOURNAL_PATHS } from '../../contracts/sundhedsjournal';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isTestCpr } from '../../medcom/test-cpr';
import { normalizeCpr } from './cpr';
import type { PortalClient } from './portal-client';
import { PortalUnavailableError } from './portal-client';
import { invalidCprMessage, notTestPersonMessage, renderLoginPage, renderNotFoundPage, renderPortalErrorPage, renderResultsPage } from './render';
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
    cprOf(request) === undefined ? sendPage(reply, 200, renderLoginPage()) : reply.redirect(SUNDHEDSJOURNAL_PATHS.labResults, 303),
  );

  app.get(SUNDHEDSJOURNAL_PATHS.login, async (_request, reply) => sendPage(reply, 200, renderLoginPage()));

  app.post(SUNDHEDSJOURNAL_PATHS.login, async (request, reply) => {
    const typed = formField(request.body, 'cpr');
    const cpr = normalizeCpr(typed);
    if (cpr === undefined) return sendPage(reply, 400, renderLoginPage({ cpr: typed, error: invalidCprMessage(typed) }));
    // The log-in stands in for MitID: only MedCom's test persons, never a real person's results.
    if (!isTestCpr(cpr)) return sendPage(reply, 403, renderLoginPage({ cpr: typed, error: notTestPersonMessage(cpr) }));
    sessions.close(tokenOf(request));
    return reply.header('set-cookie', sessionCookie(sessions.open(cpr))).redirect(SUNDHEDSJOURNAL_PATHS.labResults, 303);
  });

  app.get(SUNDHEDSJOURNAL_PATHS.labResults, async (request, reply) => {
    const cpr = cprOf(request);
    if (cpr === undefined) return reply.redirect(SUNDHEDSJOURNAL_PATHS.login, 303);
    try {
      return sendPage(reply, 200, renderResultsPage(cpr, await portal.resultsFor(cpr)));
    } catch (error) {
      if (!(error instanceof PortalUnavailableError)) throw error;
      return sendPage(reply, 502, renderPortalErrorPage(cpr, error.reason));
    }
  });

  app.get(SUNDHEDSJOURNAL_PATHS.logout, async (request, reply) => {
    sessions.close(tokenOf(request));
    return reply.header('set-cookie', expiredSessionCookie()).redirect(SUNDHEDSJOURNAL_PATHS.login, 303);
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
