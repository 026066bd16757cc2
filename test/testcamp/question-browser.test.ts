/**
 * A question answered through the vendor's page in Chromium: ja, a note and a screenshot chosen in the file field,
 * relayed as {"svar","note","bilag"} to the answer URL the run gave, and shown as answered, live. The question is
 * put in the camp's store as a run's LOKALSVAR-SPØRGSMÅL-JSON line would put it (testcamp/runs.ts), because no
 * scenario asks one yet; the answer URL is a small server standing in for the run.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright';
import type { FastifyInstance } from 'fastify';
import { launchBrowser } from '../../run/browser';
import { newToken, tokenHash } from '../../testcamp/access';
import type { Camp } from '../../testcamp/camp';
import { buildCockpitApp } from '../../testcamp/cockpit-app';
import { CampEvents } from '../../testcamp/events';
import { CampRunner } from '../../testcamp/runs';
import { CampStore } from '../../testcamp/store';

let dir: string;
let store: CampStore;
let events: CampEvents;
let app: FastifyInstance;
let cockpitUrl: string;
let browser: Browser;
let runServer: Server;
let answerUrl: string;
const relayed: { svar: string; note: string; bilag?: string }[] = [];

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-question-'));
  store = new CampStore(path.join(dir, 'testcamp.sqlite'));
  events = new CampEvents();
  const runner = new CampRunner(store, events, { dataDir: dir, presetFile: path.join(dir, 'preset.json'), vendorTimeoutS: 60 });
  const camp: Camp = { store, runner, events, dataDir: dir, plspUrl: 'http://127.0.0.1:9', publicUrl: '' };
  app = buildCockpitApp(camp);
  cockpitUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  runServer = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      relayed.push(JSON.parse(body) as (typeof relayed)[number]);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => runServer.listen(0, '127.0.0.1', resolve));
  const address = runServer.address();
  answerUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/svar/del-04`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app.close();
  store.close();
  await new Promise((resolve) => runServer.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

test('the tester answers a question on the page, with a screenshot; the run gets the answer and the page shows it', { timeout: 60_000 }, async () => {
  const token = newToken();
  const session = store.createSession({ system: 'Spørge-LPS', producerCode: 'SP', ean: '5790000000123', contact: 'Anne' }, tokenHash(token));
  const runRecord = store.createRun(session.id, 'DEL-04', '@krav:DEL-04', (id) => path.join(dir, 'runs', String(id)));
  mkdirSync(runRecord.reportsDir, { recursive: true });
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${cockpitUrl}/adgang?token=${token}`);
  await page.getByRole('heading', { level: 1, name: 'Spørge-LPS' }).waitFor();
  const screenshot = await page.screenshot();

  // The run asks; the open page shows the question without a reload.
  store.addPrompt({ id: `${runRecord.id}-q-del-04`, runId: runRecord.id, sessionId: session.id, kind: 'spørgsmål', text: "Forsøg at slette svaret i LPS'et. Afviste LPS'et det?", data: { answerUrl } });
  events.changed(session.id);
  const question = page.getByRole('group', { name: "Forsøg at slette svaret i LPS'et. Afviste LPS'et det?" });
  await question.waitFor({ timeout: 10_000 });

  await question.getByLabel('Ja').check();
  await question.getByLabel('Note').fill('Slet-knappen er grå for delte svar');
  await question.getByLabel('Skærmbillede (PNG, valgfrit)').setInputFiles({ name: 'sletning.png', mimeType: 'image/png', buffer: screenshot });
  await question.getByRole('button', { name: 'Send svar' }).press('Enter');

  await page.locator('#svar').getByText('Slet-knappen er grå for delte svar').waitFor({ timeout: 10_000 });
  assert.equal(relayed.length, 1);
  assert.equal(relayed[0]?.svar, 'ja');
  assert.equal(relayed[0]?.note, 'Slet-knappen er grå for delte svar');
  assert.ok(Buffer.from(relayed[0]?.bilag ?? '', 'base64').equals(screenshot), 'the screenshot reaches the run unchanged');
  assert.deepEqual(readdirSync(runRecord.reportsDir), [`bilag-${runRecord.id}-q-del-04.png`], 'and is kept with the run as evidence');
  assert.equal(await page.locator('#opgave form').count(), 0, 'the answered question leaves the task');
});
