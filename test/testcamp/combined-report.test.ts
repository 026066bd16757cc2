/**
 * The vendor's combined certification report over its runs: a full run in which LABA-03 failed, then a rerun of
 * LABA-03 that passed, give one report in which LABA-03 is met from the rerun and the other rules from the full run,
 * each saying which run; a run stopped half-way does not count; the leader's judgements are its attestations; HTML,
 * JSON and evidens.zip for the leader and the vendor itself, nothing for another vendor.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { CertificationReport } from '../../requirements/certification-data';
import { declaredScenarios } from '../../requirements/scenario-tags';
import { newToken, tokenHash } from '../../testcamp/access';
import type { CampStore, RunState } from '../../testcamp/store';
import { runMessages, type FixtureScenario } from '../requirements/run-fixture';
import { cockpitFixture, type CockpitFixture } from './cockpit-fixture';

const ROOT = path.resolve(__dirname, '..', '..');
let cockpit: CockpitFixture;
let dir: string;
let store: CampStore;
let app: FastifyInstance;
let leader: string;

before(() => {
  cockpit = cockpitFixture();
  ({ dir, store, app, leader } = cockpit);
});

after(() => cockpit.close());

/** Every declared scenario of the rule, as the run would report it, passing or failing with the rule named. */
function scenariosOf(rule: string, status: 'PASSED' | 'FAILED', evidence: string): FixtureScenario[] {
  return declaredScenarios(ROOT)
    .filter((scenario) => scenario.requirementIds.includes(rule))
    .map((scenario) => ({
      name: scenario.name,
      uri: scenario.uri,
      tags: scenario.requirementIds.map((id) => `@krav:${id}`),
      steps: [
        { keyword: 'Givet ', text: 'testpersonen Einer Test Lauridsen (0201609995)', status: 'PASSED' },
        {
          keyword: 'Så ',
          text: 'PLSP har noteret en advarsel',
          status,
          ...(status === 'FAILED' ? { message: `[${rule}] PLSP noterede ingen advarsel` } : {}),
          attachments: [{ fileName: `besked-${evidence}.xml`, mediaType: 'application/xml', body: `<Emessage>${evidence}</Emessage>` }],
        },
      ],
    }));
}

function finishedRun(sessionId: string, scope: string, scenarios: FixtureScenario[], state: RunState = 'færdig'): number {
  const run = store.createRun(sessionId, scope, '', (id) => path.join(dir, 'runs', String(id)));
  mkdirSync(run.reportsDir, { recursive: true });
  writeFileSync(path.join(run.reportsDir, 'messages.ndjson'), runMessages(scenarios));
  store.finishRun(run.id, state, state === 'færdig' ? 1 : undefined);
  return run.id;
}

function session(system: string): { id: string; token: string } {
  const token = newToken();
  return { id: store.createSession({ system, producerCode: 'RD', ean: '5790000000123', contact: 'Anne' }, tokenHash(token)).id, token };
}

const as = (token: string, url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

test("a rule rerun after a failure counts from the rerun, the others from the full run; each says which run", async () => {
  const vendor = session('Samle-LPS');
  const other = session('Anden-LPS');
  assert.equal((await as(vendor.token, `/s/${vendor.id}/rapport/certificering.json`)).statusCode, 404, 'no report before a run finished');

  const full = finishedRun(vendor.id, 'alle scenarier', [...scenariosOf('LABA-01', 'PASSED', 'fuld'), ...scenariosOf('LABA-03', 'FAILED', 'fuld')]);
  const page = await as(vendor.token, `/s/${vendor.id}`);
  assert.match(page.body, /Samlet certificeringsrapport/);
  assert.match(page.body, new RegExp(`href="/s/${vendor.id}/rapport/certificering.html" download`));
  const first = (await as(leader, `/s/${vendor.id}/rapport/certificering.json`)).json() as CertificationReport;
  assert.equal(first.requirements.find((rule) => rule.id === 'LABA-03')?.verdict, 'ikke opfyldt');

  const rerun = finishedRun(vendor.id, 'igen: LABA-03', scenariosOf('LABA-03', 'PASSED', 'igen'));
  // A run stopped half-way says nothing: its failing LABA-01 does not count.
  finishedRun(vendor.id, 'alle scenarier', scenariosOf('LABA-01', 'FAILED', 'afbrudt'), 'afbrudt');

  const response = await as(vendor.token, `/s/${vendor.id}/rapport/certificering.json`);
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-disposition']), /attachment; filename\*=UTF-8''Samle-LPS-samlet-certificering\.json/);
  const report = response.json() as CertificationReport;
  const rule = (id: string) => report.requirements.find((requirement) => requirement.id === id);
  assert.equal(rule('LABA-03')?.verdict, 'opfyldt');
  assert.deepEqual(rule('LABA-03')?.sources?.map((source) => source.split(' (')[0]), [`kørsel ${rerun}`]);
  assert.ok(rule('LABA-03')?.scenarios.every((scenario) => scenario.verdict === 'bestået' && scenario.source?.startsWith(`kørsel ${rerun} (igen: LABA-03`)));
  assert.equal(rule('LABA-01')?.verdict, 'opfyldt');
  assert.deepEqual(rule('LABA-01')?.sources?.map((source) => source.split(' (')[0]), [`kørsel ${full}`]);
  assert.equal(rule('DEL-04')?.verdict, 'ikke afprøvet');
  assert.equal(rule('DEL-04')?.sources, undefined);
  // The evidence is the run's the result comes from.
  const evidence = rule('LABA-03')?.scenarios.flatMap((scenario) => scenario.evidence) ?? [];
  assert.ok(evidence.length > 0 && evidence.every((file) => file.name === 'besked-igen.xml'), JSON.stringify(evidence));

  const html = await as(leader, `/s/${vendor.id}/rapport/certificering.html`);
  assert.equal(html.statusCode, 200);
  assert.match(html.body, new RegExp(`LABA-03[\\s\\S]*Resultatet er fra kørsel ${rerun} \\(igen: LABA-03`));
  const zip = await as(vendor.token, `/s/${vendor.id}/rapport/evidens.zip`);
  assert.equal(zip.statusCode, 200);
  assert.equal(zip.rawPayload.subarray(0, 2).toString(), 'PK');
  assert.ok(zip.rawPayload.includes(Buffer.from('MANIFEST.sha256')));
  const shown = await as(vendor.token, `/s/${vendor.id}/rapport/vis/${evidence[0]?.path}`);
  assert.equal(shown.body, '<Emessage>igen</Emessage>', 'its evidence one click away in the browser');
  assert.match(String(shown.headers['content-security-policy']), /^sandbox;/);

  for (const file of ['certificering.html', 'certificering.json', 'evidens.zip', 'vis/certificering.html']) {
    assert.equal((await as(other.token, `/s/${vendor.id}/rapport/${file}`)).statusCode, 404, `${file} by another vendor's token`);
  }
  assert.equal((await app.inject({ method: 'GET', url: `/s/${vendor.id}/rapport/certificering.json` })).statusCode, 401);
  assert.equal((await as(vendor.token, `/s/${vendor.id}/rapport/testcamp.sqlite`)).statusCode, 404);
});

test("the leader's judgement made after the runs is in the combined report at once", async () => {
  const vendor = session('Vurderet-LPS');
  finishedRun(vendor.id, 'alle scenarier', scenariosOf('LABA-01', 'PASSED', 'fuld'));
  const before = (await as(vendor.token, `/s/${vendor.id}/rapport/certificering.json`)).json() as CertificationReport;
  assert.equal(before.requirements.find((rule) => rule.id === 'DEL-08')?.verdict, 'ikke afprøvet');
  store.addJudgement(vendor.id, 'DEL-08', 'opfyldt', 'XRPT01 og XRPT05 set ved bordet');
  const after = (await as(vendor.token, `/s/${vendor.id}/rapport/certificering.json`)).json() as CertificationReport;
  const rule = after.requirements.find((requirement) => requirement.id === 'DEL-08');
  assert.equal(rule?.verdict, 'opfyldt');
  assert.equal(rule?.manual, true);
  assert.equal(rule?.attestations[0]?.note, 'XRPT01 og XRPT05 set ved bordet');
});
