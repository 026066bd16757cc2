/**
 * The test leader's routes:
 *   GET  /                the matrix and the sessions (a vendor's token goes on to its own session)
 *   GET  /haendelser      server-sent events for the matrix
 *   POST /sessioner       system, producentkode, ean, kontakt: a new session; shows the vendor's link once
 *   POST /s/:id/nyt-link  a new token for the session (the old link stops working); shows the link once
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { newToken, tokenHash, type Caller } from './access';
import { approveSessionSystems, matrixRows, type Camp } from './camp';
import { field, refuse, sendPage } from './forms';
import { esc } from './html';
import { renderLeaderPage, renderLinkNotice, renderMatrix, renderSessionList } from './leader-page';
import { serveEvents } from './live';
import type { VendorSession } from './store';

function leaderOnly(request: FastifyRequest, reply: FastifyReply, camp: Camp): boolean {
  const caller = (request as FastifyRequest & { caller: Caller }).caller;
  if (caller.role === 'leader') return true;
  void refuse(request, reply, 403, 'Kun testlederen kan det. Brug testlederens link.', (message) => renderLeaderPage(matrixRows(camp), `<p class="fejl" role="alert">${esc(message)}</p>`));
  return false;
}

const SYSTEM_NAME = /^[A-Za-z0-9._ -]{1,100}$/;

function linkFor(camp: Camp, token: string): string {
  return `${camp.publicUrl}/adgang?token=${encodeURIComponent(token)}`;
}

export function registerLeaderRoutes(app: FastifyInstance, camp: Camp): void {
  const errorPage = (message: string): string => renderLeaderPage(matrixRows(camp), `<p class="fejl" role="alert">${esc(message)}</p>`);

  app.get('/', async (request, reply) => {
    const caller = (request as FastifyRequest & { caller: Caller }).caller;
    if (caller.role === 'vendor') return reply.redirect(`/s/${caller.session.id}`, 303);
    return sendPage(reply, 200, renderLeaderPage(matrixRows(camp)));
  });

  app.get('/haendelser', async (request, reply) => {
    if (!leaderOnly(request, reply, camp)) return reply;
    serveEvents(request, reply, camp.events, {
      regions: async () => {
        const rows = matrixRows(camp);
        return { matrix: renderMatrix(rows), sessioner: renderSessionList(rows) };
      },
    });
    return reply;
  });

  app.post('/sessioner', async (request, reply) => {
    if (!leaderOnly(request, reply, camp)) return reply;
    const fields = {
      system: field(request.body, 'system'),
      producerCode: field(request.body, 'producentkode'),
      ean: field(request.body, 'ean'),
      contact: field(request.body, 'kontakt'),
    };
    const problems = [
      SYSTEM_NAME.test(fields.system) ? undefined : 'LPS-systemets navn: 1-100 tegn af bogstaverne A-Z, tal, punktum, bindestreg, understreg og mellemrum',
      /^\S{1,3}$/.test(fields.producerCode) ? undefined : 'producentkode: 1-3 tegn (ProducerOfLabResult/IdentifierCode)',
      /^\d{13}$/.test(fields.ean) ? undefined : 'EAN: 13 cifre',
      fields.contact !== '' && fields.contact.length <= 200 ? undefined : 'kontaktperson: skriv et navn (højst 200 tegn)',
      camp.store.sessionBySystem(fields.system) ? `der er allerede en session for "${fields.system}"` : undefined,
    ].filter((problem): problem is string => problem !== undefined);
    if (problems.length > 0) return refuse(request, reply, 400, `Sessionen blev ikke oprettet: ${problems.join('; ')}.`, errorPage);
    const token = newToken();
    const session = camp.store.createSession(fields, tokenHash(token));
    approveSessionSystems(camp);
    camp.events.changed(session.id);
    return created(request, reply, camp, session, token, 201);
  });

  app.post<{ Params: { id: string } }>('/s/:id/nyt-link', async (request, reply) => {
    if (!leaderOnly(request, reply, camp)) return reply;
    const session = camp.store.session(request.params.id);
    if (!session) return refuse(request, reply, 404, `Ingen session med id ${request.params.id}.`, errorPage);
    const token = newToken();
    camp.store.setSessionToken(session.id, tokenHash(token));
    return created(request, reply, camp, session, token, 200);
  });
}

function created(request: FastifyRequest, reply: FastifyReply, camp: Camp, session: VendorSession, token: string, status: number): FastifyReply {
  const link = linkFor(camp, token);
  if (request.headers.accept?.includes('application/json')) return reply.code(status).send({ session, link, token });
  return sendPage(reply, status, renderLeaderPage(matrixRows(camp), renderLinkNotice(session, link)));
}
