/** lokalsvar sammenlign: what changed between two runs' certification reports, worse first, and the exit codes. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../cli/main';
import { verdicts, withScenariosNotRun } from '../../requirements/certification';
import { certificationReport } from '../../requirements/certification-data';
import { compareReports } from '../../requirements/compare-runs';
import { counts } from '../../requirements/render-certification';
import { readRun } from '../../requirements/run-results';
import { runMessages, type FixtureScenario } from './run-fixture';

const REQUIREMENTS = [
  { id: 'DEL-01', title: 'Uændret', source: 's1' },
  { id: 'DEL-03', title: 'Samtykke', source: 's2' },
  { id: 'LABA-04', title: 'Referenceintervaller', source: 's3' },
];

function scenario(name: string, requirementId: string, status: 'PASSED' | 'FAILED' = 'PASSED', example?: string): FixtureScenario {
  return {
    name,
    uri: `features/${requirementId}.feature`,
    tags: [`@krav:${requirementId}`],
    ...(example ? { example: { header: ['analyse'], cells: [example] } } : {}),
    steps: [{ keyword: 'Så ', text: 'det virker', status, ...(status === 'FAILED' ? { message: 'forventet 1, fandt 2' } : {}) }],
  };
}

const FULL = [scenario('Uændret svar', 'DEL-01'), scenario('Nægtet samtykke', 'DEL-03'), scenario('Interval', 'LABA-04', 'PASSED', 'CRP'), scenario('Interval', 'LABA-04', 'PASSED', 'Hb')];
const DECLARED = [
  { uri: 'features/DEL-01.feature', name: 'Uændret svar', requirementIds: ['DEL-01'] },
  { uri: 'features/DEL-03.feature', name: 'Nægtet samtykke', requirementIds: ['DEL-03'] },
  { uri: 'features/LABA-04.feature', name: 'Interval', requirementIds: ['LABA-04'] },
];

/** A run's certificering.json as the report script writes it, from a synthetic message stream. */
function reportJson(scenarios: FixtureScenario[], finishedSeconds = 1_800_000_000): string {
  const run = readRun(runMessages(scenarios, finishedSeconds));
  const result = verdicts(REQUIREMENTS, withScenariosNotRun(run.scenarios, DECLARED));
  const context = { environment: 'local', lpsSystem: 'Pilot-LPS', finishedAt: run.finishedAt ?? '', platformVersion: 'abc' };
  return JSON.stringify(certificationReport(result, context, counts(result), new Map()));
}

/** `lokalsvar sammenlign ...args`, every line it writes (out and err) to `lines`. */
function runSammenlign(args: string[], lines: (line: string) => void): Promise<number> {
  return runCli(['sammenlign', ...args], { out: lines, err: lines });
}

async function sammenlign(previous: string, current: string): Promise<{ code: number; lines: string[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-sammenlign-'));
  try {
    writeFileSync(path.join(dir, 'forrige.json'), previous);
    writeFileSync(path.join(dir, 'nu.json'), current);
    const lines: string[] = [];
    const code = await runSammenlign([path.join(dir, 'forrige.json'), path.join(dir, 'nu.json')], (line) => lines.push(line));
    return { code, lines };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a run compared with itself reports no change and exits 0', async () => {
  const report = reportJson(FULL);
  const { code, lines } = await sammenlign(report, report);
  assert.equal(code, 0, lines.join('\n'));
  assert.equal(lines.length, 2);
  assert.match(lines[1] ?? '', /^Ingen ændringer/);
});

test('a run with a rule left out, compared with a full run, exits 1 and names the rule and its scenario first', async () => {
  const withoutDel03 = FULL.filter((entry) => !entry.tags.includes('@krav:DEL-03'));
  const { code, lines } = await sammenlign(reportJson(FULL), reportJson(withoutDel03, 1_800_000_100));
  assert.equal(code, 1, lines.join('\n'));
  assert.match(lines[1] ?? '', /^FORVÆRRET +krav DEL-03: opfyldt → ikke afprøvet$/);
  assert.match(lines[2] ?? '', /^FORVÆRRET +scenarie "Nægtet samtykke" \(DEL-03; features\/DEL-03\.feature\): bestået → ikke afprøvet$/);
  assert.match(lines.at(-1) ?? '', /2 ændringer, heraf 2 forværret/);
});

test("worse changes come first; a fixed rule is better and exits 0; an outline's example is its own line", async () => {
  const failingHb = FULL.map((entry) => (entry.example?.cells[0] === 'Hb' ? scenario('Interval', 'LABA-04', 'FAILED', 'Hb') : entry));
  const worse = await sammenlign(reportJson(FULL), reportJson(failingHb));
  assert.equal(worse.code, 1);
  assert.deepEqual(worse.lines.slice(1, 3).map((line) => line.replace(/ +/g, ' ')), [
    'FORVÆRRET krav LABA-04: opfyldt → ikke opfyldt',
    'FORVÆRRET scenarie "Interval (analyse: Hb)" (LABA-04; features/LABA-04.feature): bestået → fejlet',
  ]);
  const better = await sammenlign(reportJson(failingHb), reportJson(FULL));
  assert.equal(better.code, 0, better.lines.join('\n'));
  assert.ok(better.lines.some((line) => /^FORBEDRET +krav LABA-04: ikke opfyldt → opfyldt$/.test(line)), better.lines.join('\n'));
});

test('a scenario that disappeared after passing is worse, a new one that passes is not', () => {
  const previous = JSON.parse(reportJson(FULL));
  // Hb's example is gone (the outline itself still ran), and a scenario the feature files do not declare is new.
  const current = JSON.parse(reportJson([...FULL.filter((entry) => entry.example?.cells[0] !== 'Hb'), scenario('Nyt scenarie', 'DEL-01')]));
  const changes = compareReports(previous, current).filter((change) => change.subject === 'scenarie');
  assert.deepEqual(changes.map((change) => [change.kind, change.worse, change.scenario?.label]), [
    ['forsvundet', true, 'Interval (analyse: Hb)'],
    ['ny', false, 'Nyt scenarie'],
  ]);
});

test('unreadable input exits 2 naming the file; --help exits 0 with Danish usage', async () => {
  const lines: string[] = [];
  assert.equal(await runSammenlign(['/findes/ikke.json', '/heller/ikke.json'], (line) => lines.push(line)), 2);
  assert.match(lines.join('\n'), /\/findes\/ikke\.json cannot be read/);
  const notReport = await sammenlign('{"x":1}', reportJson(FULL));
  assert.equal(notReport.code, 2);
  assert.match(notReport.lines.join('\n'), /forrige\.json is not a certification report/);
  const help: string[] = [];
  assert.equal(await runSammenlign(['--help'], (line) => help.push(line)), 0);
  assert.match(help.join('\n'), /^Brug: lokalsvar sammenlign FORRIGE\.json NU\.json/);
  assert.equal(await runSammenlign(['kun-en.json'], () => undefined), 2);
});
