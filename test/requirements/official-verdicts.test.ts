/**
 * MedCom's official schemas' verdicts, judged after the run (requirements/official-verdicts.ts): each scenario's
 * messages and receipts get their own findings, in a medcom-skema.json beside them; the same document in two
 * scenarios is judged once; a run without the schemas, or judged before verdicts existed, says so or stays as it was;
 * a run judged again without the schemas keeps what they found.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { positiveReceipt, readEmessage, writeReceipt } from '../../medcom';
import { schemaDirs } from '../../medcom/official-xsd/schema-dirs';
import { RUN_VERDICTS_FILE } from '../../requirements/evidence-names';
import { judgeRunOfficially, warmUpOfficialSchemas, withOfficialVerdicts } from '../../requirements/official-verdicts';
import type { RunAttachment, ScenarioRun, StepRun } from '../../requirements/run-results';
import { laboratoryReportXml } from '../../steps/support/sample-messages';

const dirs = schemaDirs();
const valid = laboratoryReportXml({ cpr: '0201609995', givenName: 'Einer', surname: 'Test Lauridsen' }).xml;
/** Well-formed, but against the schema: a CPR number of letters. */
const invalid = valid.replace(/<CivilRegistrationNumber>0201609995<\/CivilRegistrationNumber>/, '<CivilRegistrationNumber>EINER</CivilRegistrationNumber>');
const read = readEmessage(valid);
const receipt = writeReceipt(positiveReceipt(read.refs, { ean: '5790000123456' }));

function xml(fileName: string, body: string): RunAttachment {
  return { mediaType: 'application/xml', fileName, contentEncoding: 'IDENTITY', body };
}

function step(text: string, attachments: RunAttachment[], hook = false): StepRun {
  return { keyword: hook ? 'Hook' : 'Så ', text, hook, arguments: [], outcome: 'passed', status: 'PASSED', durationMs: 1, attachments };
}

function scenario(name: string, steps: StepRun[]): ScenarioRun {
  return { name, uri: 'features/x.feature', requirementIds: ['DEL-01'], outcome: 'passed', steps };
}

const RUN: ScenarioRun[] = [
  scenario('to beskeder', [
    step('lægen deler svaret', []),
    step('Evidens', [xml('besked-01-ENV1.xml', valid), xml('kvittering-01-ENV1.xml', receipt), xml('besked-02-ENV2.xml', invalid), { mediaType: 'application/json', fileName: 'valideringsfund.json', contentEncoding: 'IDENTITY', body: '[]' }], true),
  ]),
  // The same message as the first scenario's: judged once, found valid in both.
  scenario('samme besked', [step('Evidens', [xml('besked-01-ENV1.xml', valid)], true), step('Efter scenariet', [{ mediaType: 'image/png', fileName: 'sundhedsjournal-1.png', contentEncoding: 'BASE64', body: '' }], true)]),
  scenario('ingen beskeder', [step('lægen deler svaret', [{ mediaType: 'application/json', fileName: 'testdata.json', contentEncoding: 'IDENTITY', body: '{}' }])]),
];

interface Verdict {
  fil: string;
  skema: string;
  fund: string[] | null;
  hvorfor?: string;
}

function verdictsOf(run: ScenarioRun): { stepIndex: number; verdicts: Verdict[] }[] {
  return (run.steps ?? []).flatMap((each, stepIndex) =>
    each.attachments.filter((attachment) => attachment.fileName === 'medcom-skema.json').map((attachment) => ({ stepIndex, verdicts: JSON.parse(attachment.body) as Verdict[] })),
  );
}

/** Runs work with MEDCOM_XSD_DIR at where, then puts it back as it was. */
async function withSchemasAt<T>(where: string, work: () => Promise<T>): Promise<T> {
  const before = process.env.MEDCOM_XSD_DIR;
  process.env.MEDCOM_XSD_DIR = where;
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env.MEDCOM_XSD_DIR;
    else process.env.MEDCOM_XSD_DIR = before;
  }
}

/** Judges the run into dir where MedCom's schemas are not (a report made again on another machine). */
function judgedWithoutSchemas(dir: string): Promise<void> {
  return withSchemasAt(path.join(dir, 'ingen-skemaer'), () => judgeRunOfficially(RUN, dir));
}

const dirsMade: string[] = [];
function reportDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-verdicts-'));
  dirsMade.push(dir);
  return dir;
}
after(() => dirsMade.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("MedCom's official schemas' verdicts on a run", { skip: !(dirs.set2014 && dirs.set2005) && 'MEDCOM_XSD_DIR has not both sets of MedCom schemas' }, () => {
  it("gives each scenario its messages' and receipts' findings, beside the step that attached them", async () => {
    const dir = reportDir();
    await judgeRunOfficially(RUN, dir);
    const [first, same, none] = withOfficialVerdicts(RUN, dir) as [ScenarioRun, ScenarioRun, ScenarioRun];
    const [evidence] = verdictsOf(first);
    assert.equal(evidence?.stepIndex, 1, 'the verdicts sit with the step that attached the messages');
    assert.deepEqual(
      evidence?.verdicts.map((verdict) => [verdict.fil, verdict.skema, verdict.fund?.length === 0 ? 'gyldig' : verdict.fund]),
      [
        ['besked-01-ENV1.xml', 'MedCom 2014/10/08 (EMessage.xsd)', 'gyldig'],
        ['kvittering-01-ENV1.xml', 'MedCom 2005/08/07 (EMessage.xsd)', 'gyldig'],
        ['besked-02-ENV2.xml', 'MedCom 2014/10/08 (EMessage.xsd)', evidence?.verdicts[2]?.fund],
      ],
    );
    assert.match((evidence?.verdicts[2]?.fund ?? []).join('\n'), /CivilRegistrationNumber.*EINER/, 'the invalid message is named with what is wrong');
    assert.deepEqual(verdictsOf(same).map((entry) => [entry.stepIndex, entry.verdicts.map((verdict) => [verdict.fil, verdict.fund])]), [[0, [['besked-01-ENV1.xml', []]]]]);
    assert.deepEqual(none, RUN[2], 'a scenario without messages is left as it was');
    assert.deepEqual((first.steps ?? [])[1]?.attachments.slice(0, 4), RUN[0]?.steps?.[1]?.attachments, 'what the scenario attached is kept as it was');
    const kept = JSON.parse(readFileSync(path.join(dir, RUN_VERDICTS_FILE), 'utf8')) as { fund: Record<string, string[]> };
    assert.equal(Object.keys(kept.fund).length, 3, 'each distinct document is judged once: two messages, one receipt');
  });

  it('keeps what the schemas found when the run is judged again without them (its report made again elsewhere)', async () => {
    const dir = reportDir();
    await judgeRunOfficially(RUN, dir);
    const judged = verdictsOf((withOfficialVerdicts(RUN, dir) as [ScenarioRun])[0]);
    await judgedWithoutSchemas(dir);
    const again = verdictsOf((withOfficialVerdicts(RUN, dir) as [ScenarioRun])[0]);
    assert.deepEqual(again, judged);
    assert.equal(again[0]?.verdicts[0]?.fund?.length, 0, 'the valid message is still found valid');
    assert.match((again[0]?.verdicts[2]?.fund ?? []).join('\n'), /CivilRegistrationNumber.*EINER/, 'the invalid message still names what is wrong');
  });

  it('says, where the run has no verdicts (stopped before its report) or they cannot be read, that nothing was judged, and why', () => {
    const [stopped] = withOfficialVerdicts(RUN, reportDir()) as [ScenarioRun];
    assert.deepEqual(
      verdictsOf(stopped)[0]?.verdicts.map((verdict) => [verdict.fil, verdict.fund, verdict.hvorfor]),
      ['besked-01-ENV1.xml', 'kvittering-01-ENV1.xml', 'besked-02-ENV2.xml'].map((file) => [file, null, 'kørslen blev ikke afgjort af MedComs skemaer (den blev afbrudt, eller den er ældre end denne afgørelse)']),
    );
    const broken = reportDir();
    writeFileSync(path.join(broken, RUN_VERDICTS_FILE), '{"fund": {');
    const [unreadable] = withOfficialVerdicts(RUN, broken) as [ScenarioRun];
    assert.match(verdictsOf(unreadable)[0]?.verdicts[0]?.hvorfor ?? '', /medcom-skema-koersel\.json kan ikke læses/);
    assert.equal(verdictsOf(unreadable)[0]?.verdicts[0]?.fund, null);
  });
});

describe("a run's verdicts without MedCom's schemas", () => {
  it('says, for every message and receipt, that the schemas are not there, and finds nothing', async () => {
    const dir = reportDir();
    await judgedWithoutSchemas(dir);
    const [first] = withOfficialVerdicts(RUN, dir) as [ScenarioRun];
    assert.deepEqual(
      verdictsOf(first)[0]?.verdicts.map((verdict) => [verdict.fil, verdict.fund, verdict.hvorfor]),
      [
        ['besked-01-ENV1.xml', null, 'MedComs skemaer findes ikke i MEDCOM_XSD_DIR'],
        ['kvittering-01-ENV1.xml', null, 'MedComs skemaer findes ikke i MEDCOM_XSD_DIR'],
        ['besked-02-ENV2.xml', null, 'MedComs skemaer findes ikke i MEDCOM_XSD_DIR'],
      ],
    );
  });
});

describe("a run judged again without MedCom's schemas, after it was judged with them", () => {
  it('keeps what the schemas found on each document, and says nothing was judged of a document they never saw', async () => {
    const dir = reportDir();
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    // As a judging with the schemas left it, before the second message existed in the run.
    const earlier = { schemas: { beskeder: '/skemaer/2014/10/08', kvitteringer: '/skemaer/2005/08/07' }, fund: { [sha(valid)]: [], [sha(receipt)]: [] } };
    writeFileSync(path.join(dir, RUN_VERDICTS_FILE), JSON.stringify(earlier));
    await judgedWithoutSchemas(dir);
    const [first] = withOfficialVerdicts(RUN, dir) as [ScenarioRun];
    assert.deepEqual(
      verdictsOf(first)[0]?.verdicts.map((verdict) => [verdict.fil, verdict.fund, verdict.hvorfor]),
      [
        ['besked-01-ENV1.xml', [], undefined],
        ['kvittering-01-ENV1.xml', [], undefined],
        ['besked-02-ENV2.xml', null, 'ikke afgjort'],
      ],
    );
  });
});

describe('warming up the official schemas while a run goes on', () => {
  it('never fails: not without schemas, not with schemas that do not compile', async () => {
    const dir = reportDir();
    const broken = path.join(dir, 'skemaer');
    mkdirSync(path.join(broken, '2014/10/08'), { recursive: true });
    writeFileSync(path.join(broken, '2014/10/08/EMessage.xsd'), '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:include schemaLocation="findes-ikke.xsd"/><ukendt/>');
    for (const where of [path.join(dir, 'ingen-skemaer'), broken, path.join(dir, 'tom')]) {
      if (where.endsWith('tom')) mkdirSync(path.join(where, '2014/10/08'), { recursive: true }); // a folder without EMessage.xsd
      await withSchemasAt(where, () => assert.doesNotReject(warmUpOfficialSchemas(), where));
    }
  });
});
