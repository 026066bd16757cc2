/** The camp's SQLite store keeps everything across a reopen; a run a stopped camp left going is shown interrupted. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { leaderToken, tokenHash } from '../../testcamp/access';
import { runCli } from '../../cli/main';
import { CampStore } from '../../testcamp/store';

test('sessions, runs, scenarios, prompts and judgements survive a reopen; unfinished runs become afbrudt', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-campstore-'));
  const file = path.join(dir, 'testcamp.sqlite');
  try {
    const first = new CampStore(file);
    const leader = leaderToken(first);
    const session = first.createSession({ system: 'Alfa-LPS', producerCode: 'AL', ean: '5790000000123', contact: 'Anne' }, tokenHash('hemmelig'));
    const done = first.createRun(session.id, 'alle scenarier', '', (id) => path.join(dir, 'runs', String(id)));
    first.finishRun(done.id, 'færdig', 0);
    const going = first.createRun(session.id, 'DEL-02', '@krav:DEL-02', (id) => path.join(dir, 'runs', String(id)));
    first.saveScenario(session.id, { key: 'a.feature:3', name: 'A', uri: 'a.feature', rules: ['DEL-01'], outcome: 'bestået', steps: [{ text: 'trin', status: 'PASSED' }], runId: done.id, updatedAt: '' });
    first.saveScenario(session.id, { key: 'b.feature:5', name: 'B', uri: 'b.feature', rules: ['DEL-02'], outcome: 'kører', steps: [], runId: going.id, updatedAt: '' });
    first.addPrompt({ id: 'p1', runId: going.id, sessionId: session.id, kind: 'instruktion', text: 'Registrér', data: {} });
    first.addJudgement(session.id, 'DEL-04', 'opfyldt', 'set ved bordet');
    first.close();

    const second = new CampStore(file);
    assert.equal(leaderToken(second), leader, 'the leader link stays valid');
    assert.equal(second.sessionByTokenHash(tokenHash('hemmelig'))?.system, 'Alfa-LPS');
    second.interruptUnfinishedRuns();
    assert.deepEqual(second.runs(session.id).map((run) => [run.scope, run.state]), [['DEL-02', 'afbrudt'], ['alle scenarier', 'færdig']]);
    assert.deepEqual(second.scenarios(session.id).map((scenario) => [scenario.key, scenario.outcome]), [['a.feature:3', 'bestået'], ['b.feature:5', 'afbrudt']]);
    assert.deepEqual(second.scenarios(session.id)[0]?.steps, [{ text: 'trin', status: 'PASSED' }]);
    assert.equal(second.openPrompts(session.id).length, 0);
    assert.equal(second.judgements(session.id)[0]?.comment, 'set ved bordet');
    second.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('lokalsvar testcamp names a wrong option and exits 2', async () => {
  const errors: string[] = [];
  const code = await runCli(['testcamp', '--vendor-timeout', 'lang'], { out: () => undefined, err: (line) => errors.push(line) });
  assert.equal(code, 2);
  assert.match(errors.join('\n'), /--vendor-timeout lang: giv et helt tal fra 1 til 86400/);
});

test('a camp file from before runs recorded their platform version opens, keeps its runs and records it from then on', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-campstore-'));
  const file = path.join(dir, 'testcamp.sqlite');
  try {
    const old = new Database(file);
    old.exec(`CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, scope TEXT NOT NULL, tags TEXT NOT NULL,
      state TEXT NOT NULL, exit_code INTEGER, started_at TEXT NOT NULL, finished_at TEXT, reports_dir TEXT NOT NULL)`);
    old.prepare("INSERT INTO runs (session_id, scope, tags, state, started_at, reports_dir) VALUES ('s', 'alle scenarier', '', 'færdig', 't', 'r')").run();
    old.close();

    const store = new CampStore(file);
    assert.equal(store.runs('s')[0]?.platformVersion, undefined, 'an old run: version unknown');
    const run = store.createRun('s', 'DEL-02', '', (id) => path.join(dir, String(id)), 'abc1234');
    assert.equal(store.run(run.id)?.platformVersion, 'abc1234');
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
