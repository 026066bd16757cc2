/**
 * One real run with a planted fault (LABA down): the certification report's failing step shows expected and
 * actual, the scenario links the message PLSP refused and its receipt, and a view check has its screenshot.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { schemaDirs } from '../../medcom/official-xsd/schema-dirs';
import type { CertificationReport } from '../../requirements/certification-data';
import { writeCertificationReport } from '../../scripts/certification-report';
import { runCucumberChild } from '../support/cucumber-child';

const FEATURE = `# language: da
Egenskab: Evidens
  @krav:DEL-01 @alene
  Scenarie: Et svar, mens LABA er nede
    Givet testpersonen Einer Test Lauridsen (0201609995)
    Og LABA er nede
    Når lægen i "Lægerne Testgade" registrerer CRP 21 mg/L og deler svaret
    Så modtager LPS'et en positiv kvittering fra PLSP

  @krav:DEL-01
  Scenarie: Et svar vises for borgeren
    Givet testpersonen Einer Test Lauridsen (0201609995)
    Når lægen i "Lægerne Testgade" registrerer CRP 45 mg/L med referenceinterval under 10 og deler svaret
    Så Sundhedsjournalen viser rækkerne for prøven:
      | analyse | værdi | enhed | referenceinterval | vurdering | status   | producent        | producentkode | prøvetid | svartid  |
      | CRP     | 45    | mg/L  | < 10              | Forhøjet  | Endeligt | Lægerne Testgade | som delt      | som delt | som delt |
`;

test('a run with LABA down: the failing step shows expected and actual, and the scenario links the refused message and its receipt', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-evidence-run-'));
  try {
    const feature = path.join(dir, 'evidens.feature');
    writeFileSync(feature, FEATURE);
    const run = await runCucumberChild('not @ingen', { E2E_ENV: 'local' }, { paths: [feature], formats: [`message:${path.join(dir, 'messages.ndjson')}`] });
    assert.equal(run.exitCode, 1, run.output);
    await writeCertificationReport(dir, 'local');
    const report = JSON.parse(readFileSync(path.join(dir, 'certificering.json'), 'utf8')) as CertificationReport;
    const scenarios = report.requirements.find((requirement) => requirement.id === 'DEL-01')?.scenarios ?? [];
    const down = scenarios.find((scenario) => scenario.name === 'Et svar, mens LABA er nede');
    assert.equal(down?.verdict, 'fejlet');
    const failed = down?.steps.find((step) => step.verdict === 'fejlet');
    assert.equal(failed?.text, "modtager LPS'et en positiv kvittering fra PLSP");
    assert.deepEqual([failed?.expected, failed?.actual], ["'XCTL03'", "'XCTL02'"]);
    assert.deepEqual(down?.testData.testperson, 'Einer Test Lauridsen (0201609995)');
    const evidence = new Map(down?.evidence.map((file) => [file.name.replace(/-\d\d-.*\.xml$/, ''), readFileSync(path.join(dir, file.path), 'utf8')]));
    assert.match(evidence.get('besked') ?? '', /<Emessage[\s\S]*NPU19748/);
    assert.match(evidence.get('kvittering') ?? '', /NegativeReceipt/);
    const findings = JSON.parse(readFileSync(path.join(dir, down?.evidence.find((file) => file.name === 'valideringsfund.json')?.path ?? ''), 'utf8')) as { httpStatus: number }[];
    assert.equal(findings[0]?.httpStatus, 502);
    // MedCom's official schemas judged the message and the receipt after the run, where MEDCOM_XSD_DIR has them.
    const official = schemaDirs();
    const verdicts = JSON.parse(readFileSync(path.join(dir, down?.evidence.find((file) => file.name === 'medcom-skema.json')?.path ?? ''), 'utf8')) as { fil: string; fund: string[] | null }[];
    assert.deepEqual(
      verdicts.map((verdict) => [verdict.fil.replace(/-\d\d-.*$/, ''), verdict.fund]),
      [
        ['besked', official.set2014 ? [] : null],
        ['kvittering', official.set2005 ? [] : null],
      ],
    );
    const html = readFileSync(path.join(dir, 'certificering.html'), 'utf8');
    for (const file of down?.evidence ?? []) assert.ok(html.includes(`href="${encodeURI(file.path)}"`), `the HTML does not link ${file.path}`);
    const shown = scenarios.find((scenario) => scenario.name === 'Et svar vises for borgeren');
    assert.equal(shown?.verdict, 'bestået');
    const screenshot = shown?.steps.find((step) => step.text.startsWith('Sundhedsjournalen viser'))?.evidence.find((file) => file.mediaType === 'image/png');
    assert.ok(screenshot, 'the view check has no screenshot');
    assert.deepEqual([...readFileSync(path.join(dir, screenshot.path)).subarray(1, 4)], [...Buffer.from('PNG')]);
    const stored = JSON.parse(readFileSync(path.join(dir, shown?.evidence.find((file) => file.name === 'databanker-gemt.json')?.path ?? ''), 'utf8')) as { LABA: { record: { value: string } }[] };
    assert.equal(stored.LABA[0]?.record.value, '45');
    const portal = JSON.parse(readFileSync(path.join(dir, shown?.evidence.find((file) => file.name === 'portalen-viser.json')?.path ?? ''), 'utf8')) as { resultater: { value: string }[] };
    assert.deepEqual(portal.resultater.map((result) => result.value), ['45']);
    const hops = (JSON.parse(readFileSync(path.join(dir, shown?.evidence.find((file) => file.name === 'tidslinje.json')?.path ?? ''), 'utf8')) as { hop: { hop: string }[] }[])[0]?.hop.map((hop) => hop.hop);
    // Stored and answered may share a millisecond, so only their set is fixed; the citizen and the portal come after.
    assert.deepEqual(hops?.map((hop) => hop.split(' ')[0]).slice(0, 2).sort(), ['behandlet', 'videresendt']);
    assert.deepEqual(hops?.map((hop) => hop.split(' ')[0]).slice(2), ['set', 'vist']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
