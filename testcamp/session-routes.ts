/**
 * A vendor session's routes, for its own tester and the test leader (anyone else gets 404, as if it did not exist):
 *   GET  /s/:id                       the session's page
 *   GET  /s/:id/haendelser            server-sent events for the page
 *   GET  /s/:id/tilstand.json         the same as data: open instructions and questions, cells, scenarios (robots)
 *   POST /s/:id/koersler              omfang=alle | regel (regel=DEL-02) | fejlede: starts a run
 *   POST /s/:id/stop                  stops the running run
 *   POST /s/:id/spoergsmaal/:prompt   {svar: ja|nej, note, bilag: base64 PNG}: the answer, relayed to the run
 *   POST /s/:id/vurderinger           regel, vurdering (opfyldt | ikke opfyldt | kommentar), kommentar (test leader)
 *   GET  /s/:id/koersler/:run/:file   a file of a run's reports folder (certificering.json, evidens.zip, ...)
 *   GET  /s/:id/koersler/:run/vis/*   the reports folder to read in the browser: certificering.html with its evidence
 *                                     (evidens/...) one click away; sandboxed, so a report's HTML runs no script here
 *   GET  /s/:id/rapport/:file         the vendor's combined report over its runs (testcamp/combined-report.ts):
 *                                     certificering.html | .json | .md, evidens.zip
 *   GET  /s/:id/rapport/vis/*         the combined report to read in the browser, sandboxed as a run's
 *   GET  /s/:id/opgaver/:prompt/filer/:n  the n-th file an instruction or question offers (e.g. a message to import
 *                                     into the LPS), fetched from the run's tester channel: the vendor needs only
 *                                     the cockpit and its own token, never the run's address
 */
import { createReadStream, existsSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { maySee, type Caller } from './access';
import { runFiles, sessionView, type Camp } from './camp';
import { COMBINED_FILES, combinedReport } from './combined-report';
import { offeredFiles } from './offered-files';
import { field, refuse, sendPage, wantsJson } from './forms';
import { recentHubMessages } from './hub-journal';
import { esc, page } from './html';
import { serveEvents } from './live';
import { failedRules, RULE_IDS, sessionCells } from './matrix';
import { RunConflictError } from './runs';
import { renderAnswered, renderHub, renderJudgements, renderScenarios, renderSessionPage, renderStatus, renderTask } from './session-page';
import type { JudgementVerdict, VendorSession } from './store';

type Params = { id: string };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
const VIEW_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.log': 'text/plain; charset=utf-8',
  '.ndjson': 'text/plain; charset=utf-8',
  '.sha256': 'text/plain; charset=utf-8',
};
/** A report's own pages may show their images and styles, and nothing else: no script, no form, no other origin. */
const VIEW_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

/** The file under dir that relative names, or undefined when it is not a file inside dir. */
function fileInside(dir: string, relative: string): string | undefined {
  const root = existsSync(dir) ? realpathSync(dir) : undefined;
  const candidate = path.resolve(dir, relative);
  if (!root || !existsSync(candidate)) return undefined;
  const real = realpathSync(candidate);
  return real.startsWith(`${root}${path.sep}`) && statSync(real).isFile() ? real : undefined;
}

/** A report's file to read in the browser: sandboxed, so its HTML runs no script here. */
function viewFile(reply: FastifyReply, file: string): FastifyReply {
  return reply
    .headers({ 'content-security-policy': VIEW_CSP, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' })
    .type(VIEW_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream')
    .send(createReadStream(file));
}

function attachment(reply: FastifyReply, downloadName: string, mediaType: string): FastifyReply {
  return reply
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(downloadName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .type(mediaType);
}

function callerOf(request: FastifyRequest): Caller {
  return (request as FastifyRequest & { caller: Caller }).caller;
}

const notFoundPage = (message: string): string => page('Ikke fundet', `<h1>Ikke fundet</h1><p role="alert">${esc(message)}</p><p><a href="/">Til forsiden</a></p>`);

/** A refusal on a session's page (no script): what was wrong, and the way back. */
const problemPage =
  (sessionId: string) =>
  (message: string): string =>
    page('Det lykkedes ikke', `<h1>Det lykkedes ikke</h1><p role="alert">${esc(message)}</p><p><a href="/s/${esc(sessionId)}">Tilbage til sessionen</a></p>`);

export function registerSessionRoutes(app: FastifyInstance, camp: Camp): void {
  /** The session, when the caller may see it; else a 404 that does not tell whether it exists. */
  const sessionFor = (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply): VendorSession | undefined => {
    const session = camp.store.session(request.params.id);
    if (session && maySee(callerOf(request), session.id)) return session;
    void refuse(request, reply, 404, 'Sessionen findes ikke, eller jeres link giver ikke adgang til den. Brug det link, testlederen gav jer.', notFoundPage);
    return undefined;
  };
  const back = (request: FastifyRequest, reply: FastifyReply, session: VendorSession, body: unknown, status = 200): FastifyReply =>
    wantsJson(request) || request.headers['content-type']?.includes('application/json') ? reply.code(status).send(body) : reply.redirect(`/s/${session.id}`, 303);

  app.get<{ Params: Params }>('/s/:id', async (request, reply) => {
    const session = sessionFor(request, reply);
    if (!session) return reply;
    return sendPage(reply, 200, renderSessionPage(sessionView(camp, session), callerOf(request), await recentHubMessages(camp.plspUrl, session.system)));
  });

  app.get<{ Params: Params }>('/s/:id/haendelser', async (request, reply) => {
    const session = sessionFor(request, reply);
    if (!session) return reply;
    serveEvents(request, reply, camp.events, {
      sessionId: session.id,
      pollMs: 2_000,
      regions: async () => {
        const view = sessionView(camp, session);
        return {
          opgave: renderTask(view),
          status: renderStatus(view),
          hub: renderHub(await recentHubMessages(camp.plspUrl, session.system)),
          scenarier: renderScenarios(view),
          svar: renderAnswered(view) || '<p>Ingen besvarede spørgsmål.</p>',
          vurderinger: renderJudgements(view),
        };
      },
    });
    return reply;
  });

  app.get<{ Params: Params }>('/s/:id/tilstand.json', async (request, reply) => {
    const session = sessionFor(request, reply);
    if (!session) return reply;
    const view = sessionView(camp, session);
    return {
      session,
      kørsel: view.active ?? null,
      opgaver: view.prompts.map(({ id, kind, text, data, deadline }) => ({ id, kind, text, data, deadline })),
      regler: sessionCells(view.scenarios, view.prompts, view.judgements),
      scenarier: view.scenarios,
    };
  });

  app.post<{ Params: Params }>('/s/:id/koersler', async (request, reply) => {
    const session = sessionFor(request, reply);
    if (!session) return reply;
    const scope = field(request.body, 'omfang') || 'alle';
    let run;
    try {
      if (scope === 'alle') run = camp.runner.start(session, 'alle scenarier', undefined);
      else if (scope === 'regel') {
        const rule = field(request.body, 'regel');
        if (!RULE_IDS.includes(rule)) return refuse(request, reply, 400, `Ukendt regel "${rule}"; vælg en af ${RULE_IDS.join(', ')}.`, problemPage(session.id));
        run = camp.runner.start(session, rule, `@krav:${rule}`);
      } else if (scope === 'fejlede') {
        const rules = failedRules(camp.store.scenarios(session.id));
        if (rules.length === 0) return refuse(request, reply, 409, 'Intet er fejlet; der er intet at køre igen.', problemPage(session.id));
        run = camp.runner.start(session, `igen: ${rules.join(', ')}`, rules.map((rule) => `@krav:${rule}`).join(' or '));
      } else return refuse(request, reply, 400, `omfang=${scope}: giv alle, regel eller fejlede.`, problemPage(session.id));
    } catch (error) {
      if (error instanceof RunConflictError) return refuse(request, reply, 409, error.message, problemPage(session.id));
      throw error;
    }
    return back(request, reply, session, { kørsel: run }, 201);
  });

  app.post<{ Params: Params }>('/s/:id/stop', async (request, reply) => {
    const session = sessionFor(request, reply);
    if (!session) return reply;
    await camp.runner.stop(session.id);
    return back(request, reply, session, { stoppet: true });
  });

  app.post<{ Params: Params & { prompt: string } }>('/s/:id/spoergsmaal/:prompt', async (request, reply) => {
    const session = sessionFor(request, reply);
    if (!session) return reply;
    const prompt = camp.store.prompt(request.params.prompt);
    if (!prompt || prompt.sessionId !== session.id || prompt.kind !== 'spørgsmål') return refuse(request, reply, 404, 'Spørgsmålet findes ikke i denne session.', notFoundPage);
    if (prompt.closedAt) return refuse(request, reply, 409, 'Spørgsmålet er allerede besvaret, eller kørslen er slut.', problemPage(session.id));
    const svar = field(request.body, 'svar');
    if (svar !== 'ja' && svar !== 'nej') return refuse(request, reply, 400, 'svar skal være "ja" eller "nej".', problemPage(session.id));
    const note = field(request.body, 'note');
    const bilag = field(request.body, 'bilag');
    if (bilag !== '') {
      const bytes = Buffer.from(bilag, 'base64');
      if (bytes.length > MAX_ATTACHMENT_BYTES || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
        return refuse(request, reply, 400, `Skærmbilledet skal være en PNG-fil på højst ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`, problemPage(session.id));
      }
      const run = camp.store.run(prompt.runId);
      if (run) writeFileSync(path.join(run.reportsDir, `bilag-${prompt.id.replace(/[^\w-]/g, '_')}.png`), bytes);
    }
    const answerUrl = String(prompt.data.answerUrl ?? '');
    let relayStatus: number;
    try {
      const response = await fetch(answerUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ svar, note, ...(bilag ? { bilag } : {}) }),
        signal: AbortSignal.timeout(10_000),
      });
      relayStatus = response.status;
    } catch (error) {
      return refuse(request, reply, 502, `Kørslen tog ikke imod svaret på ${answerUrl} (${(error as Error).message}); prøv igen.`, problemPage(session.id));
    }
    if (relayStatus >= 400) return refuse(request, reply, 502, `Kørslen afviste svaret (HTTP ${relayStatus}); prøv igen.`, problemPage(session.id));
    camp.store.answerPrompt(prompt.id, { svar, note, ...(bilag ? { bilag: 'vedhæftet' } : {}), at: new Date().toISOString(), relayStatus });
    camp.events.changed(session.id);
    return back(request, reply, session, { modtaget: true });
  });

  app.post<{ Params: Params }>('/s/:id/vurderinger', async (request, reply) => {
    const session = sessionFor(request, reply);
    if (!session) return reply;
    if (callerOf(request).role !== 'leader') return refuse(request, reply, 403, 'Kun testlederen kan vurdere.', problemPage(session.id));
    const rule = field(request.body, 'regel');
    const verdict = field(request.body, 'vurdering') as JudgementVerdict;
    if (!RULE_IDS.includes(rule)) return refuse(request, reply, 400, `Ukendt regel "${rule}".`, problemPage(session.id));
    if (!['opfyldt', 'ikke opfyldt', 'kommentar'].includes(verdict)) return refuse(request, reply, 400, 'vurdering: opfyldt, ikke opfyldt eller kommentar.', problemPage(session.id));
    camp.store.addJudgement(session.id, rule, verdict, field(request.body, 'kommentar'));
    camp.events.changed(session.id);
    return back(request, reply, session, { gemt: true }, 201);
  });

  app.get<{ Params: Params & { run: string; '*': string } }>('/s/:id/koersler/:run/vis/*', async (request, reply) => {
    const session = sessionFor(request, reply);
    if (!session) return reply;
    const run = camp.store.run(Number(request.params.run));
    const relative = request.params['*'];
    const file = run && run.sessionId === session.id ? fileInside(run.reportsDir, relative) : undefined;
    if (!file) return refuse(request, reply, 404, `Kørslen har ingen fil "${relative}".`, notFoundPage);
    return viewFile(reply, file);
  });

  app.get<{ Params: Params & { run: string; file: string } }>('/s/:id/koersler/:run/:file', async (request, reply) => {
    const session = sessionFor(request, reply);
    if (!session) return reply;
    const run = camp.store.run(Number(request.params.run));
    const file = request.params.file;
    if (!run || run.sessionId !== session.id || !runFiles(run.reportsDir).includes(file)) {
      return refuse(request, reply, 404, `Kørslen har ingen fil "${file}".`, notFoundPage);
    }
    return attachment(reply, `${session.system}-${run.id}-${file}`, file.endsWith('.json') ? 'application/json' : 'application/octet-stream').send(
      createReadStream(path.join(run.reportsDir, file)),
    );
  });

  const noCombinedReport = 'Der er ingen samlet rapport endnu: den kommer, når en kørsel er færdig eller stoppet.';

  app.get<{ Params: Params & { '*': string } }>('/s/:id/rapport/vis/*', async (request, reply) => {
    const session = sessionFor(request, reply);
    if (!session) return reply;
    const dir = combinedReport(camp.store, camp.dataDir, session);
    if (!dir) return refuse(request, reply, 404, noCombinedReport, problemPage(session.id));
    const file = fileInside(dir, request.params['*']);
    if (!file) return refuse(request, reply, 404, `Den samlede rapport har ingen fil "${request.params['*']}".`, notFoundPage);
    return viewFile(reply, file);
  });

  app.get<{ Params: Params & { file: string } }>('/s/:id/rapport/:file', async (request, reply) => {
    const session = sessionFor(request, reply);
    if (!session) return reply;
    const { file } = request.params;
    if (!COMBINED_FILES.includes(file)) return refuse(request, reply, 404, `Den samlede rapport har ingen fil "${file}"; hent ${COMBINED_FILES.join(', ')}.`, notFoundPage);
    const dir = combinedReport(camp.store, camp.dataDir, session);
    if (!dir) return refuse(request, reply, 404, noCombinedReport, problemPage(session.id));
    const mediaType = VIEW_TYPES[path.extname(file)] ?? 'application/zip';
    return attachment(reply, `${session.system}-samlet-${file}`, mediaType).send(createReadStream(path.join(dir, file)));
  });

  app.get<{ Params: Params & { prompt: string; n: string } }>('/s/:id/opgaver/:prompt/filer/:n', async (request, reply) => {
    const session = sessionFor(request, reply);
    if (!session) return reply;
    const prompt = camp.store.prompt(request.params.prompt);
    const offered = prompt && prompt.sessionId === session.id ? offeredFiles(prompt)[Number(request.params.n)] : undefined;
    if (!offered) return refuse(request, reply, 404, 'Opgaven har ikke den fil i denne session.', notFoundPage);
    let response: Response;
    try {
      response = await fetch(offered.url, { signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      return refuse(request, reply, 502, `Filen ${offered.name} kunne ikke hentes fra kørslen (${(error as Error).message}); kørslen er måske slut. Start den igen for en ny fil.`, problemPage(session.id));
    }
    if (!response.ok) return refuse(request, reply, 502, `Kørslen udleverede ikke filen ${offered.name} (HTTP ${response.status}); kørslen er måske slut. Start den igen for en ny fil.`, problemPage(session.id));
    return attachment(reply, offered.name, offered.mediaType).send(Buffer.from(await response.arrayBuffer()));
  });
}
