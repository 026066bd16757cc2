/** The certification report per rule, scenario and step, its evidence files and the bundle a test camp hands over. */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Attestation } from '../../requirements/attestations';
import { verdicts } from '../../requirements/certification';
import { certificationReport, type CertificationReport, type ScenarioReport } from '../../requirements/certification-data';
import { expectedAndActual } from '../../requirements/expected-actual';
import { counts } from '../../requirements/render-certification';
import { readRun } from '../../requirements/run-results';
import { writeCertificationReport } from '../../scripts/certification-report';
import { runMessages, type FixtureScenario } from './run-fixture';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a0a00000000049454e44ae426082', 'hex').toString('base64');

function outlineExample(analysis: string, value: string, unit: string): FixtureScenario {
  return {
    name: 'Referenceintervallet vises, som lægen registrerede det',
    uri: 'features/deling/referenceintervaller.feature',
    tags: ['@krav:LABA-04'],
    example: { header: ['analyse', 'værdi', 'enhed'], cells: [analysis, value, unit] },
    steps: [
      { keyword: 'Givet ', text: 'testpersonen Bruno Test Elmer (2509479989)', status: 'PASSED', args: ['Bruno Test Elmer', '2509479989'] },
      { keyword: 'Når ', text: `lægen registrerer ${analysis} ${value} ${unit} og deler svaret`, status: 'PASSED', args: [analysis, value, unit], durationMs: 1250 },
      { keyword: 'Så ', text: `Sundhedsjournalen viser ${analysis} ${value} ${unit}`, status: 'PASSED', attachments: [{ fileName: 'sundhedsjournal-1.png', mediaType: 'image/png', body: PNG, base64: true }] },
    ],
    afterAttachments: [
      { fileName: 'testdata.json', mediaType: 'application/json', body: JSON.stringify({ testperson: 'Bruno Test Elmer (2509479989)', [analysis]: `${value} ${unit}` }) },
      { fileName: `besked-01-ENV${analysis}.xml`, mediaType: 'application/xml', body: `<Emessage><Value>${value}</Value></Emessage>` },
    ],
  };
}

const FAILING: FixtureScenario = {
  name: 'Et svar med nægtet samtykke gemmes i LABA',
  uri: 'features/samtykke/naegtet-samtykke.feature',
  tags: ['@krav:DEL-03'],
  steps: [
    {
      keyword: 'Når ',
      text: 'lægen registrerer CRP 21 mg/L og deler svaret',
      status: 'PASSED',
      args: ['CRP', '21', 'mg/L'],
      dataTable: [['felt', 'værdi'], ['samtykke', 'nej']],
    },
    {
      keyword: 'Så ',
      text: "modtager LPS'et en positiv kvittering fra PLSP",
      status: 'FAILED',
      // As cucumber writes a node:assert failure: node's diff, then the formatter's own, then the stack.
      message:
        "AssertionError [ERR_ASSERTION]: PLSP answered with XCTL02 (HTTP 502): LABA could not be reached\n+ actual - expected\n\n+ 'XCTL02'\n- 'XCTL03'\n        ^\n    + expected - actual\n\n    -XCTL02\n    +XCTL03\n\n    at World.<anonymous> (steps/lps.steps.ts:52:10)",
      attachments: [{ fileName: 'kvittering-01-ENVX.xml', mediaType: 'application/xml', body: '<NegativeReceipt/>' }],
    },
    { keyword: 'Og ', text: 'LABA har svaret gemt uændret', status: 'SKIPPED' },
  ],
};

const MESSAGES = runMessages([outlineExample('CRP', '12', 'mg/L'), outlineExample('Hb', '8,9', 'mmol/L'), FAILING]);

function scenariosOf(report: CertificationReport, requirementId: string): ScenarioReport[] {
  return report.requirements.find((requirement) => requirement.id === requirementId)?.scenarios ?? [];
}

async function reportOf(messages: string): Promise<{ dir: string; report: CertificationReport; html: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-report-'));
  writeFileSync(path.join(dir, 'messages.ndjson'), messages);
  await writeCertificationReport(dir, 'local');
  return { dir, report: JSON.parse(readFileSync(path.join(dir, 'certificering.json'), 'utf8')) as CertificationReport, html: readFileSync(path.join(dir, 'certificering.html'), 'utf8') };
}

test("an outline's examples are told apart by their data, each step with its keyword, arguments and duration", () => {
  const outline = readRun(MESSAGES).scenarios.filter((scenario) => scenario.requirementIds.includes('LABA-04'));
  assert.deepEqual(outline.map((scenario) => scenario.example), [{ analyse: 'CRP', værdi: '12', enhed: 'mg/L' }, { analyse: 'Hb', værdi: '8,9', enhed: 'mmol/L' }]);
  const [first] = outline;
  assert.deepEqual(first?.steps?.slice(0, 3).map((step) => [step.keyword, step.arguments, step.durationMs, step.outcome]), [
    ['Givet ', ['Bruno Test Elmer', '2509479989'], 10, 'passed'],
    ['Når ', ['CRP', '12', 'mg/L'], 1250, 'passed'],
    ['Så ', [], 10, 'passed'],
  ]);
  // The After hook that attached evidence is listed, as a hook, with its files.
  assert.deepEqual(first?.steps?.[3]?.attachments.map((attachment) => attachment.fileName), ['testdata.json', 'besked-01-ENVCRP.xml']);
  assert.equal(first?.steps?.[3]?.hook, true);
});

test('the report shows a failed step with expected and actual, and links the evidence of every step', async () => {
  const { dir, report, html } = await reportOf(MESSAGES);
  try {
    const [del03] = scenariosOf(report, 'DEL-03').filter((scenario) => scenario.name === FAILING.name);
    assert.equal(del03?.verdict, 'fejlet');
    const failed = del03?.steps[1];
    assert.deepEqual([failed?.verdict, failed?.expected, failed?.actual], ['fejlet', "'XCTL03'", "'XCTL02'"]);
    assert.equal(del03?.steps[2]?.verdict, 'ikke afprøvet');
    assert.deepEqual(del03?.steps[0]?.dataTable, [['felt', 'værdi'], ['samtykke', 'nej']]);
    const evidence = failed?.evidence[0];
    assert.equal(evidence?.name, 'kvittering-01-ENVX.xml');
    assert.equal(readFileSync(path.join(dir, evidence?.path ?? ''), 'utf8'), '<NegativeReceipt/>');
    // The HTML row of the failed step: expected, actual and the link to its receipt.
    const row = /<tr class="trin fejlet">.*?<\/tr>/s.exec(html)?.[0] ?? '';
    assert.match(row, /positiv kvittering fra PLSP/);
    assert.match(row, /data-felt="forventet"><pre>&#39;XCTL03&#39;<\/pre>/);
    assert.match(row, /data-felt="faktisk"><pre>&#39;XCTL02&#39;<\/pre>/);
    assert.ok(row.includes(`href="${encodeURI(evidence?.path ?? '')}"`), row);
    // LABA-04's outline: two lines, told apart by their data, each with its own screenshot and test data.
    const outline = scenariosOf(report, 'LABA-04').filter((scenario) => scenario.example);
    assert.deepEqual(outline.map((scenario) => scenario.label), [
      'Referenceintervallet vises, som lægen registrerede det (analyse: CRP, værdi: 12, enhed: mg/L)',
      'Referenceintervallet vises, som lægen registrerede det (analyse: Hb, værdi: 8,9, enhed: mmol/L)',
    ]);
    assert.equal(outline[1]?.testData.Hb, '8,9 mmol/L');
    assert.equal(outline[1]?.testData.testperson, 'Bruno Test Elmer (2509479989)');
    const screenshot = outline[0]?.steps[2]?.evidence[0];
    assert.equal(readFileSync(path.join(dir, screenshot?.path ?? '')).toString('base64'), PNG);
    assert.notEqual(outline[0]?.evidence[0]?.path.split('/')[1], outline[1]?.evidence[0]?.path.split('/')[1], 'each example has its own evidence folder');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the bundle holds the report and every evidence file, and sha256sum -c verifies it (and catches a changed file)", async () => {
  const { dir, report } = await reportOf(MESSAGES);
  const unpacked = mkdtempSync(path.join(tmpdir(), 'lokalsvar-bundle-'));
  try {
    execFileSync('unzip', ['-q', path.join(dir, 'evidens.zip')], { cwd: unpacked });
    const check = spawnSync('sha256sum', ['-c', 'MANIFEST.sha256'], { cwd: unpacked, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stdout + check.stderr);
    const listed = readFileSync(path.join(unpacked, 'MANIFEST.sha256'), 'utf8').trim().split('\n').map((line) => line.split('  ')[1]);
    const evidence = report.requirements.flatMap((requirement) => requirement.scenarios.flatMap((scenario) => scenario.evidence.map((file) => file.path)));
    assert.ok(evidence.length >= 7, `evidence files: ${evidence.join(', ')}`);
    for (const file of ['certificering.html', 'certificering.json', 'certificering.md', ...evidence]) assert.ok(listed.includes(file), `${file} is not in the manifest`);
    for (const file of evidence) assert.ok(existsSync(path.join(unpacked, file)), `${file} is not in the bundle`);
    appendFileSync(path.join(unpacked, evidence[0] ?? ''), 'changed');
    assert.notEqual(spawnSync('sha256sum', ['-c', 'MANIFEST.sha256'], { cwd: unpacked }).status, 0, 'a changed evidence file must fail the check');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(unpacked, { recursive: true, force: true });
  }
});

test('expected and actual are read from the platform\'s Danish assertions, node:assert and the HTTP checks', () => {
  assert.deepEqual(expectedAndActual('LABA gemte svaret forkert: forventet 12 mg/L, fandt 13 mg/L'), { summary: 'LABA gemte svaret forkert', expected: '12 mg/L', actual: '13 mg/L' });
  assert.deepEqual(expectedAndActual("Expected values to be strictly deep-equal:\n+ actual - expected\n\n  {\n    u: 'mg/L',\n+   v: '12'\n-   v: '13'\n  }"), {
    summary: 'Expected values to be strictly deep-equal:',
    expected: "{\n  u: 'mg/L',\n  v: '13'\n}",
    actual: "{\n  u: 'mg/L',\n  v: '12'\n}",
  });
  assert.deepEqual(expectedAndActual("PLSP answered with XCTL02\n\n'XCTL02' !== 'XCTL03'\n"), { summary: 'PLSP answered with XCTL02', expected: "'XCTL03'", actual: "'XCTL02'" });
  assert.deepEqual(expectedAndActual('Read LABA: expected HTTP 200, got 503 from GET /api/v1/results: down'), { summary: 'Read LABA', expected: 'HTTP 200', actual: 'HTTP 503 from GET /api/v1/results: down' });
  assert.deepEqual(expectedAndActual('Error: something broke\n    at x (y.ts:1:1)'), { actual: 'something broke' });
});

test('a pilot-only scenario skipped in vendor mode is "ikke relevant", and "attesteret" when the test camp attested its rule', () => {
  const skipped: FixtureScenario = {
    name: 'Lægesystemet afviser at slette et delt svar',
    uri: 'features/rettelser/ret.feature',
    tags: ['@krav:DEL-04', '@kun-pilot'],
    steps: [{ keyword: 'Når ', text: 'lægen forsøger at slette svaret', status: 'SKIPPED' }],
  };
  const run = readRun(runMessages([skipped]));
  const requirements = [{ id: 'DEL-04', title: 'Kan ikke slettes', source: 's' }];
  const context = { environment: 'local', lpsSystem: 'Mit-LPS', finishedAt: 'x', platformVersion: 'abc' };
  const verdictOf = (attestations: Attestation[]): string | undefined => {
    const result = verdicts(requirements, run.scenarios, attestations);
    return certificationReport(result, context, counts(result), new Map()).requirements[0]?.scenarios[0]?.verdict;
  };
  assert.equal(verdictOf([]), 'ikke relevant');
  assert.equal(verdictOf([{ requirementId: 'DEL-04', result: 'opfyldt', by: 'Testleder, MedCom', date: '2026-03-19' }]), 'attesteret');
});
