/**
 * The cockpit's routes without a browser or a run: sessions and their validation, the links and their cookie,
 * who may see what, a question answered and relayed to the run's answer URL (with its screenshot kept as
 * evidence), a file the run offers handed to its vendor only, and judgements by the test leader only.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { AnswerServer, TesterChannel } from '../../run/tester-channel';
import { APPROVED_FILE } from '../../testcamp/approvals';
import type { CampStore } from '../../testcamp/store';
import { TesterChannelReader } from '../../testcamp/tester-channel';
import { cockpitFixture, type CockpitFixture } from './cockpit-fixture';

let cockpit: CockpitFixture;
let dir: string;
let store: CampStore;
let app: FastifyInstance;
let leader: string;
let answerServer: Server;
let answerUrl: string;
const relayed: string[] = [];
// The cockpit checks a screenshot's PNG signature, nothing more.
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('billede')]).toString('base64');

before(async () => {
  cockpit = cockpitFixture('http://camp.test:8700');
  ({ dir, store, app, leader } = cockpit);
  answerServer = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      relayed.push(body);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"modtaget":true}');
    });
  });
  await new Promise<void>((resolve) => answerServer.listen(0, '127.0.0.1', resolve));
  const address = answerServer.address();
  answerUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/svar/del-04`;
});

after(async () => {
  await new Promise((resolve) => answerServer.close(resolve));
  await cockpit.close();
});

const json = { accept: 'application/json', 'content-type': 'application/json' };

async function createSession(system: string): Promise<{ id: string; token: string; link: string }> {
  const response = await app.inject({
    method: 'POST',
    url: '/sessioner',
    headers: { ...json, authorization: `Bearer ${leader}` },
    payload: { system, producentkode: 'AB', ean: '5790000000123', kontakt: 'Anne Tester' },
  });
  assert.equal(response.statusCode, 201, response.body);
  const body = response.json() as { session: { id: string }; token: string; link: string };
  return { id: body.session.id, token: body.token, link: body.link };
}

test('the leader makes sessions; each gets its own link, and its system is approved in the hub at once', async () => {
  const a = await createSession('Alfa-LPS');
  assert.match(a.link, /^http:\/\/camp\.test:8700\/adgang\?token=/);
  assert.match(readFileSync(path.join(dir, APPROVED_FILE), 'utf8'), /^Alfa-LPS$/m);
  const again = await app.inject({ method: 'POST', url: '/sessioner', headers: { ...json, authorization: `Bearer ${leader}` }, payload: { system: 'Alfa-LPS', producentkode: 'ABCD', ean: '12', kontakt: '' } });
  assert.equal(again.statusCode, 400);
  const problems = (again.json() as { fejl: string }).fejl;
  for (const expected of ['producentkode: 1-3 tegn', 'EAN: 13 cifre', 'kontaktperson', 'der er allerede en session for "Alfa-LPS"']) assert.ok(problems.includes(expected), problems);
  const byVendor = await app.inject({ method: 'POST', url: '/sessioner', headers: { ...json, authorization: `Bearer ${a.token}` }, payload: { system: 'X' } });
  assert.equal(byVendor.statusCode, 403);
});

test('a link puts its token in an HttpOnly cookie and leaves the address; a wrong one is refused', async () => {
  const b = await createSession('Beta-LPS');
  const opened = await app.inject({ method: 'GET', url: new URL(b.link).pathname + new URL(b.link).search });
  assert.equal(opened.statusCode, 303);
  assert.equal(opened.headers.location, `/s/${b.id}`);
  assert.match(String(opened.headers['set-cookie']), /^lokalsvar_testcamp=[^;]+; Path=\/; HttpOnly; SameSite=Strict$/);
  const cookie = String(opened.headers['set-cookie']).split(';')[0] ?? '';
  assert.equal((await app.inject({ method: 'GET', url: `/s/${b.id}`, headers: { cookie } })).statusCode, 200);
  assert.equal((await app.inject({ method: 'GET', url: '/adgang?token=forkert' })).statusCode, 401);
  assert.equal((await app.inject({ method: 'GET', url: `/s/${b.id}` })).statusCode, 401);
});

test('a vendor sees only its own session; the leader sees all', async () => {
  const c = await createSession('Gamma-LPS');
  const d = await createSession('Delta-LPS');
  const as = (token: string, url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  assert.equal((await as(c.token, `/s/${c.id}/tilstand.json`)).statusCode, 200);
  assert.equal((await as(c.token, `/s/${d.id}/tilstand.json`)).statusCode, 404);
  assert.equal((await as(c.token, `/s/${d.id}`)).statusCode, 404);
  assert.equal((await as(leader, `/s/${d.id}`)).statusCode, 200);
  const home = await as(c.token, '/');
  assert.equal(home.statusCode, 303);
  assert.equal(home.headers.location, `/s/${c.id}`);
  const renewed = await app.inject({ method: 'POST', url: `/s/${d.id}/nyt-link`, headers: { accept: 'application/json', authorization: `Bearer ${leader}` } });
  assert.equal(renewed.statusCode, 200);
  assert.equal((await as(d.token, `/s/${d.id}`)).statusCode, 401, 'the old link stops working');
  assert.equal((await as((renewed.json() as { token: string }).token, `/s/${d.id}`)).statusCode, 200);
});

test('a question is answered through the cockpit and relayed to the run; its screenshot is kept with the run', async () => {
  const e = await createSession('Epsilon-LPS');
  const run = store.createRun(e.id, 'DEL-04', '@krav:DEL-04', (id) => path.join(dir, 'runs', String(id)));
  mkdirSync(run.reportsDir, { recursive: true });
  store.addPrompt({ id: `${run.id}-q-del-04`, runId: run.id, sessionId: e.id, kind: 'spørgsmål', text: "Forsøg at slette svaret i LPS'et. Afviste LPS'et det?", data: { answerUrl } });
  const post = (token: string, payload: object) =>
    app.inject({ method: 'POST', url: `/s/${e.id}/spoergsmaal/${run.id}-q-del-04`, headers: { ...json, authorization: `Bearer ${token}` }, payload });

  assert.equal((await post(e.token, { svar: 'måske' })).statusCode, 400);
  assert.equal((await post(e.token, { svar: 'ja', bilag: Buffer.from('GIF89a').toString('base64') })).statusCode, 400);
  const other = await createSession('Zeta-LPS');
  assert.equal((await post(other.token, { svar: 'nej' })).statusCode, 404, "another vendor cannot answer this vendor's question");
  assert.deepEqual(relayed, []);

  const answered = await post(e.token, { svar: 'ja', note: 'Slet-knappen var grå', bilag: PNG });
  assert.equal(answered.statusCode, 200, answered.body);
  assert.deepEqual(relayed.map((body) => JSON.parse(body)), [{ svar: 'ja', note: 'Slet-knappen var grå', bilag: PNG }]);
  assert.ok(existsSync(path.join(run.reportsDir, `bilag-${run.id}-q-del-04.png`)));
  assert.equal(store.openPrompts(e.id).length, 0);
  assert.equal(store.answeredQuestions(e.id)[0]?.answer?.svar, 'ja');
  assert.equal((await post(e.token, { svar: 'nej' })).statusCode, 409, 'a question is answered once');
});

test('only the test leader records judgements, for rules of the catalogue', async () => {
  const f = await createSession('Eta-LPS');
  const judge = (token: string, payload: object) =>
    app.inject({ method: 'POST', url: `/s/${f.id}/vurderinger`, headers: { ...json, authorization: `Bearer ${token}` }, payload });
  assert.equal((await judge(f.token, { regel: 'DEL-04', vurdering: 'opfyldt' })).statusCode, 403);
  assert.equal((await judge(leader, { regel: 'DEL-99', vurdering: 'opfyldt' })).statusCode, 400);
  assert.equal((await judge(leader, { regel: 'DEL-04', vurdering: 'opfyldt', kommentar: 'set ved bordet' })).statusCode, 201);
  const state = (await app.inject({ method: 'GET', url: `/s/${f.id}/tilstand.json`, headers: { authorization: `Bearer ${f.token}` } })).json() as { regler: Record<string, string> };
  assert.equal(state.regler['DEL-04'], 'attesteret');
});

test("a run's report and its evidence can be read in the browser, sandboxed, and nothing outside its folder", async () => {
  const g = await createSession('Theta-LPS');
  const other = await createSession('Iota-LPS');
  const run = store.createRun(g.id, 'alle scenarier', '', (id) => path.join(dir, 'runs', String(id)));
  mkdirSync(path.join(run.reportsDir, 'evidens', '001-crp'), { recursive: true });
  writeFileSync(path.join(run.reportsDir, 'certificering.html'), '<a href="evidens/001-crp/01-besked.xml">besked</a>');
  writeFileSync(path.join(run.reportsDir, 'evidens', '001-crp', '01-besked.xml'), '<Emessage/>');
  const as = (token: string, url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const base = `/s/${g.id}/koersler/${run.id}/vis`;

  const report = await as(g.token, `${base}/certificering.html`);
  assert.equal(report.statusCode, 200);
  assert.match(String(report.headers['content-security-policy']), /^sandbox;/);
  const evidence = await as(leader, `${base}/evidens/001-crp/01-besked.xml`);
  assert.equal(evidence.statusCode, 200);
  assert.equal(evidence.body, '<Emessage/>');
  assert.match(String(evidence.headers['content-type']), /^application\/xml/);
  assert.equal((await as(other.token, `${base}/certificering.html`)).statusCode, 404, "another vendor cannot read it");
  assert.equal((await as(g.token, `${base}/..%2F..%2Ftestcamp.sqlite`)).statusCode, 404, 'nothing outside the run folder');
  assert.equal((await as(g.token, `${base}/evidens`)).statusCode, 404, 'folders are not listed');
  const page = await as(g.token, `/s/${g.id}`);
  assert.match(page.body, new RegExp(`href="${base}/certificering.html">Åbn certificeringsrapporten med evidens`));
});

test("a file the run offers is a download link on the vendor's page, with its bytes, and for that vendor only", async () => {
  const k = await createSession('Kappa-LPS');
  const other = await createSession('Lambda-LPS');
  const run = store.createRun(k.id, 'DEL-06', '@krav:DEL-06', (id) => path.join(dir, 'runs', String(id)));
  // The run's side, as in vendor mode: its channel serves the file and prints the instruction's lines; the camp reads them.
  const channelServer = await AnswerServer.start({});
  const lines: string[] = [];
  const channel = new TesterChannel(channelServer, { print: (text) => lines.push(...text.split('\n')), attach: () => undefined });
  const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<Emessage>CRP fra laboratoriet</Emessage>\n';
  const file = channel.offerFile('CRP-fra-LAB.xml', xml, 'application/xml');
  channel.instruct({ text: `I LPS'et: importér CRP-svaret. Filen: ${file.url}. Del det ikke.`, data: { action: 'importer', files: [file] } });
  const reader = new TesterChannelReader();
  const event = lines.map((line) => reader.line(line)).find((found) => found !== undefined);
  assert.equal(event?.kind, 'instruktion');
  store.addPrompt({ id: `${run.id}-i-import`, runId: run.id, sessionId: k.id, kind: 'instruktion', text: event?.text ?? '', data: event?.data ?? {} });
  try {
    const as = (token: string, url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    const page = await as(k.token, `/s/${k.id}`);
    const link = /<a href="([^"]+)" download="CRP-fra-LAB\.xml">Hent filen CRP-fra-LAB\.xml \(til import i LPS'et\)<\/a>/.exec(page.body);
    assert.ok(link?.[1], page.body);
    assert.ok(!page.body.includes(`<p class="tekst">I LPS&#39;et: importér CRP-svaret. Filen: ${file.url}`), "the run's own address is not the vendor's way to the file");
    const href = (link[1] as string).replace(/&amp;/g, '&');
    const downloaded = await as(k.token, href);
    assert.equal(downloaded.statusCode, 200);
    assert.equal(downloaded.body, xml);
    assert.match(String(downloaded.headers['content-type']), /^application\/xml/);
    assert.match(String(downloaded.headers['content-disposition']), /^attachment; filename\*=UTF-8''CRP-fra-LAB\.xml$/);
    assert.equal((await as(other.token, href)).statusCode, 404, "another vendor's token cannot fetch it");
    assert.equal((await as(other.token, href.replace(k.id, other.id))).statusCode, 404, "nor through its own session's address");
    assert.equal((await app.inject({ method: 'GET', url: href })).statusCode, 401);
    assert.equal((await as(k.token, href.replace(/\/0$/, '/1'))).statusCode, 404);
  } finally {
    await channelServer.close();
  }
  const gone = await app.inject({ method: 'GET', url: `/s/${k.id}/opgaver/${run.id}-i-import/filer/0`, headers: { authorization: `Bearer ${k.token}` } });
  assert.equal(gone.statusCode, 502, 'a run that ended offers nothing, and the vendor is told so');
  assert.match(gone.body, /kørslen er måske slut/);
});
