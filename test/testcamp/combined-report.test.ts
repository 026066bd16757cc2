/**
 * The vendor's combined certification report over its runs: a full run in which LABA-03 failed, then a rerun of
 * LABA-03 that passed, give one report in which LABA-03 is met from the rerun and the other rules from the full run,
 * each saying which run; a stopped run counts with the scenarios it finished (a failure stays a failure) and not with
 * the one it was stopped in; each source names its platform version and mixed versions are warned about; results of
 * scenarios the feature files no longer declare count for nothing and are listed apart; the leader's judgements are
 * its attestations; HTML, JSON and evidens.zip for the leader and the vendor itself, nothing for another vendor; the
 * leader's session list links to each combined report; each scenario keeps MedCom's schema verdicts of its own run.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { schemaDirs } from '../../medcom/official-xsd/schema-dirs';
import type { CertificationReport } from '../../requirements/certification-data';
import { judgeRunOfficially } from '../../requirements/official-verdicts';
import { readRun } from '../../requirements/run-results';
import { declaredScenarios, pickleName } from '../../requirements/scenario-tags';
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

/** One scenario as a run reports it, passing or failing with the rule named; unfinished: the run was stopped in it. */
function ranScenario(
  scenario: { uri: string; name: string; requirementIds: string[] },
  rule: string,
  status: 'PASSED' | 'FAILED',
  evidence: string,
  example?: Record<string, string>,
  unfinished = false,
): FixtureScenario {
  return {
    name: example ? pickleName(scenario.name, example) : scenario.name,
    uri: scenario.uri,
    tags: scenario.requirementIds.map((id) => `@krav:${id}`),
    ...(example ? { example: { header: Object.keys(example), cells: Object.values(example) } } : {}),
    ...(unfinished ? { unfinished } : {}),
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
  };
}

/** Every declared scenario of the rule (every example row of an outline), as the run would report it. */
function scenariosOf(rule: string, status: 'PASSED' | 'FAILED', evidence: string): FixtureScenario[] {
  return declaredScenarios(ROOT)
    .filter((scenario) => scenario.requirementIds.includes(rule))
    .flatMap((scenario) => (scenario.examples ?? [undefined]).map((example) => ranScenario(scenario, rule, status, evidence, example)));
}

function finishedRun(sessionId: string, scope: string, scenarios: FixtureScenario[], state: RunState = 'færdig', platformVersion?: string): number {
  return finishedRunIn(sessionId, scope, scenarios, state, platformVersion).id;
}

function finishedRunIn(sessionId: string, scope: string, scenarios: FixtureScenario[], state: RunState = 'færdig', platformVersion?: string): { id: number; reportsDir: string } {
  const run = store.createRun(sessionId, scope, '', (id) => path.join(dir, 'runs', String(id)), platformVersion);
  mkdirSync(run.reportsDir, { recursive: true });
  writeFileSync(path.join(run.reportsDir, 'messages.ndjson'), runMessages(scenarios));
  store.finishRun(run.id, state, state === 'færdig' ? 1 : undefined);
  return run;
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
  // A scenario a stopped run did not finish says nothing: LABA-01, stopped in with a failure, keeps its pass.
  finishedRun(vendor.id, 'alle scenarier', scenariosOf('LABA-01', 'FAILED', 'afbrudt').map((scenario) => ({ ...scenario, unfinished: true })), 'afbrudt');

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
  const evidence = (rule('LABA-03')?.scenarios.flatMap((scenario) => scenario.evidence) ?? []).filter((file) => file.name.startsWith('besked-'));
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

const json = async (token: string, sessionId: string): Promise<CertificationReport> => (await as(token, `/s/${sessionId}/rapport/certificering.json`)).json() as CertificationReport;

test('a rerun stopped after a failure counts the failure; the scenario it was stopped in keeps its earlier result', async () => {
  const vendor = session('Stoppet-LPS');
  const [first, second, third] = declaredScenarios(ROOT).filter((scenario) => scenario.requirementIds.includes('LABA-06'));
  assert.ok(first && second && third, 'LABA-06 has three scenarios');
  const full = finishedRun(vendor.id, 'alle scenarier', scenariosOf('LABA-06', 'PASSED', 'fuld'));
  // The rerun fails the first scenario, is stopped in the second (its step failing as the run was killed), never reaches the third.
  const stopped = finishedRun(vendor.id, 'igen: LABA-06', [ranScenario(first, 'LABA-06', 'FAILED', 'igen'), ranScenario(second, 'LABA-06', 'FAILED', 'igen', undefined, true)], 'afbrudt');

  const page = await as(vendor.token, `/s/${vendor.id}`);
  assert.match(page.body, /Samlet certificeringsrapport/);
  const report = await json(vendor.token, vendor.id);
  const rule = report.requirements.find((requirement) => requirement.id === 'LABA-06');
  assert.equal(rule?.verdict, 'ikke opfyldt', 'stopping the rerun does not keep the older pass');
  const scenario = (name: string) => rule?.scenarios.find((entry) => entry.name === name);
  assert.equal(scenario(first.name)?.verdict, 'fejlet');
  assert.match(scenario(first.name)?.source ?? '', new RegExp(`^kørsel ${stopped} \\(igen: LABA-06, .*afbrudt`), 'its source says the run was stopped');
  assert.equal(scenario(second.name)?.verdict, 'bestået', 'the scenario the run was stopped in keeps its earlier result');
  assert.match(scenario(second.name)?.source ?? '', new RegExp(`^kørsel ${full} \\(alle scenarier`));
  assert.equal(scenario(third.name)?.verdict, 'bestået');
  assert.match(report.context.environment, new RegExp(`afbrudt: kørsel ${stopped}`));
  const html = await as(vendor.token, `/s/${vendor.id}/rapport/certificering.html`);
  assert.match(html.body, new RegExp(`Resultatet er fra kørsel ${stopped} \\(igen: LABA-06, [^)]*afbrudt`));
});

test('each source names its platform version; runs of different versions are combined only with a warning', async () => {
  const same = session('En-version-LPS');
  // An older run whose every result a later run replaced adds no version.
  finishedRun(same.id, 'alle scenarier', scenariosOf('LABA-01', 'FAILED', 'gammel'), 'færdig', 'old9999');
  finishedRun(same.id, 'alle scenarier', scenariosOf('LABA-01', 'PASSED', 'a'), 'færdig', 'aaa1111');
  finishedRun(same.id, 'igen: LABA-03', scenariosOf('LABA-03', 'PASSED', 'b'), 'færdig', 'aaa1111');
  const one = await json(same.token, same.id);
  assert.equal(one.context.mixedPlatformVersions, false);
  assert.equal(one.context.platformVersion, 'aaa1111');
  assert.doesNotMatch((await as(same.token, `/s/${same.id}/rapport/certificering.html`)).body, /forskellige platformversioner/);

  const vendor = session('To-versioner-LPS');
  const older = finishedRun(vendor.id, 'alle scenarier', scenariosOf('LABA-01', 'PASSED', 'gammel'), 'færdig', 'aaa1111');
  const newer = finishedRun(vendor.id, 'igen: LABA-03', scenariosOf('LABA-03', 'PASSED', 'ny'), 'færdig', 'aaa1111');
  // What the run's own report says wins over what the camp recorded when it started it.
  writeFileSync(path.join(dir, 'runs', String(newer), 'certificering.json'), JSON.stringify({ context: { platformVersion: 'bbb2222' } }));
  const report = await json(vendor.token, vendor.id);
  assert.equal(report.context.mixedPlatformVersions, true);
  assert.deepEqual(report.context.platformVersions, [
    { version: 'aaa1111', runs: [`kørsel ${older}`] },
    { version: 'bbb2222', runs: [`kørsel ${newer}`] },
  ]);
  const rule = (id: string) => report.requirements.find((requirement) => requirement.id === id);
  assert.match(rule('LABA-01')?.sources?.[0] ?? '', /platform aaa1111/);
  assert.match(rule('LABA-03')?.scenarios[0]?.source ?? '', /platform bbb2222/);
  const html = (await as(vendor.token, `/s/${vendor.id}/rapport/certificering.html`)).body;
  assert.match(html, new RegExp(`Advarsel:</strong> Resultaterne kommer fra forskellige platformversioner \\(aaa1111: kørsel ${older}; bbb2222: kørsel ${newer}\\)`));
  assert.match((await as(vendor.token, `/s/${vendor.id}/rapport/certificering.md`)).body, /\*\*Advarsel:\*\* Resultaterne kommer fra forskellige platformversioner/);
});

test('results of scenarios no longer in the feature files count for nothing and are listed apart', async () => {
  const vendor = session('Gamle-krav-LPS');
  const outline = declaredScenarios(ROOT).find((scenario) => scenario.examples && scenario.requirementIds.includes('LABA-04'));
  const row = outline?.examples?.[0];
  assert.ok(outline && row, 'a LABA-04 outline with example rows');
  const gone = { uri: 'features/deling/fjernet.feature', name: 'Et scenarie, der er fjernet fra kravene', requirementIds: ['LABA-01'] };
  finishedRun(vendor.id, 'alle scenarier', [
    ...scenariosOf('LABA-04', 'PASSED', 'nu'),
    // The same outline with an example row the table no longer has, and a removed scenario: both failed back then.
    ranScenario(outline, 'LABA-04', 'FAILED', 'gammel-række', { ...row, værdi: '999' }),
    ranScenario(gone, 'LABA-01', 'FAILED', 'fjernet'),
  ]);
  const report = await json(vendor.token, vendor.id);
  const rule = (id: string) => report.requirements.find((requirement) => requirement.id === id);
  assert.equal(rule('LABA-04')?.verdict, 'opfyldt', 'the changed example row no longer counts');
  assert.equal(rule('LABA-04')?.scenarios.filter((scenario) => scenario.example).length, outline.examples?.length, 'every current row counts, once');
  assert.equal(rule('LABA-01')?.verdict, 'ikke afprøvet', 'the removed scenario no longer counts');
  assert.deepEqual(
    report.notInRequirements?.map((scenario) => [scenario.uri, scenario.verdict, scenario.label.includes('værdi: 999')]),
    [
      [outline.uri, 'fejlet', true],
      [gone.uri, 'fejlet', false],
    ],
  );
  const html = (await as(vendor.token, `/s/${vendor.id}/rapport/certificering.html`)).body;
  assert.match(html, /<h2>Ikke længere i kravene<\/h2>[\s\S]*værdi: 999[\s\S]*Et scenarie, der er fjernet fra kravene/);
  assert.match((await as(vendor.token, `/s/${vendor.id}/rapport/certificering.md`)).body, /## Ikke længere i kravene[\s\S]*værdi: 999[\s\S]*Et scenarie, der er fjernet fra kravene/);
});

test("the leader's session list links to each vendor's combined report once it has one", async () => {
  const ready = session('Rapport-LPS');
  const fresh = session('Ny-LPS');
  finishedRun(ready.id, 'alle scenarier', scenariosOf('LABA-01', 'PASSED', 'fuld'));
  const page = (await as(leader, '/')).body;
  assert.match(page, new RegExp(`<a href="/s/${ready.id}/rapport/vis/certificering.html" data-samlet-rapport="Rapport-LPS">`));
  assert.doesNotMatch(page, new RegExp(`/s/${fresh.id}/rapport/`));
  assert.equal((await as(leader, `/s/${ready.id}/rapport/vis/certificering.html`)).statusCode, 200, 'the link opens the report');
});

test("each scenario of the combined report keeps MedCom's schema verdicts on its messages, judged after its own run", { skip: !schemaDirs().set2014 && 'MEDCOM_XSD_DIR has no 2014/10/08 schemas' }, async () => {
  const vendor = session('Skema-LPS');
  const run = finishedRunIn(vendor.id, 'alle scenarier', scenariosOf('LABA-01', 'PASSED', 'skema'));
  await judgeRunOfficially(readRun(readFileSync(path.join(run.reportsDir, 'messages.ndjson'), 'utf8')).scenarios, run.reportsDir);
  const report = (await as(vendor.token, `/s/${vendor.id}/rapport/certificering.json`)).json() as CertificationReport;
  const evidence = report.requirements.find((rule) => rule.id === 'LABA-01')?.scenarios.flatMap((scenario) => scenario.evidence) ?? [];
  const verdictFile = evidence.find((file) => file.name === 'medcom-skema.json');
  assert.ok(verdictFile, `no medcom-skema.json among ${JSON.stringify(evidence.map((file) => file.name))}`);
  const verdicts = JSON.parse((await as(vendor.token, `/s/${vendor.id}/rapport/vis/${verdictFile.path}`)).body) as { fil: string; fund: string[] }[];
  assert.equal(verdicts[0]?.fil, 'besked-skema.xml');
  // "<Emessage>skema</Emessage>" has no MedCom namespace: the schema has no such root element.
  assert.match(verdicts[0]?.fund.join('\n') ?? '', /Emessage/);
});
