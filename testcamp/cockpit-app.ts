/**
 * The cockpit's Fastify app: its stylesheet and script, /adgang (opens a link: puts its token in an HttpOnly cookie
 * and leaves the address bar), and behind it the leader's and the sessions' routes, each asking who the caller is.
 * It logs nothing, so no token can end up in a log.
 */
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { accessCookie, callerFor, presentedToken } from './access';
import { SCRIPT, STYLESHEET } from './assets';
import type { Camp } from './camp';
import { refuse, sendPage } from './forms';
import { esc, page } from './html';
import { registerLeaderRoutes } from './leader-routes';
import { registerSessionRoutes } from './session-routes';

const OPEN_PATHS = new Set(['/testcamp.css', '/testcamp.js', '/adgang', '/health']);

const noAccessPage = (message: string): string =>
  page('Ingen adgang', `<h1>Ingen adgang</h1><p>${esc(message)}</p><p>Åbn det link, I fik af testlederen (det sætter en cookie), eller send <code>Authorization: Bearer &lt;token&gt;</code>.</p>`);

export function buildCockpitApp(camp: Camp): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 10 * 1024 * 1024, forceCloseConnections: true });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  app.get('/health', async () => ({ status: 'ok', system: 'testcamp' }));
  app.get('/testcamp.css', async (_request, reply) => reply.type('text/css; charset=utf-8').send(STYLESHEET));
  app.get('/testcamp.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(SCRIPT));

  app.get<{ Querystring: { token?: string } }>('/adgang', async (request, reply) => {
    const token = request.query.token;
    const caller = callerFor(camp.store, token);
    if (!caller || !token) return sendPage(reply, 401, noAccessPage('Linket er ugyldigt eller er blevet erstattet af et nyt.'));
    return reply.header('set-cookie', accessCookie(token)).redirect(caller.role === 'leader' ? '/' : `/s/${caller.session.id}`, 303);
  });

  app.addHook('onRequest', async (request, reply) => {
    if (OPEN_PATHS.has(request.url.split('?')[0] ?? '')) return;
    const caller = callerFor(camp.store, presentedToken(request));
    if (!caller) return refuse(request, reply, 401, 'I er ikke logget ind på testcampen.', noAccessPage);
    (request as FastifyRequest & { caller: typeof caller }).caller = caller;
  });

  registerLeaderRoutes(app, camp);
  registerSessionRoutes(app, camp);
  return app;
}
