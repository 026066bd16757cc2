import assert from 'node:assert/strict';
import { test } from 'node:test';
import { verdicts, withScenariosNotRun } from '../../requirements/certification';
import { certificationReport } from '../../requirements/certification-data';
import { counts, renderHtml, renderMarkdown } from '../../requirements/render-certification';
import { readRun } from '../../requirements/run-results';

const REQUIREMENTS = [
  { id: 'DEL-01', title: 'Uændret', source: 's1' },
  { id: 'DEL-03', title: 'Samtykke', source: 's2' },
  { id: 'MON-01', title: 'Tællere', source: 's3' },
];

/** A cucumber run as messages: scenario A (DEL-01) passes, B (DEL-01, DEL-03) fails in its second step. */
const MESSAGES = [
  { pickle: { id: 'pa', uri: 'features/a.feature', name: 'A', tags: [{ name: '@krav:DEL-01' }] } },
  { pickle: { id: 'pb', uri: 'features/b.feature', name: 'B <x>', tags: [{ name: '@krav:DEL-01' }, { name: '@krav:DEL-03' }, { name: '@andet' }] } },
  { testCase: { id: 'ta', pickleId: 'pa' } },
  { testCase: { id: 'tb', pickleId: 'pb' } },
  { testCaseStarted: { id: 'sa', testCaseId: 'ta' } },
  { testStepFinished: { testCaseStartedId: 'sa', testStepResult: { status: 'PASSED' } } },
  { testCaseStarted: { id: 'sb', testCaseId: 'tb' } },
  { testStepFinished: { testCaseStartedId: 'sb', testStepResult: { status: 'PASSED' } } },
  { testStepFinished: { testCaseStartedId: 'sb', testStepResult: { status: 'FAILED', message: 'AssertionError: shown\nstack' } } },
  { testStepFinished: { testCaseStartedId: 'sb', testStepResult: { status: 'SKIPPED' } } },
  { testRunFinished: { timestamp: { seconds: 1_800_000_000 } } },
]
  .map((envelope) => JSON.stringify(envelope))
  .join('\n');

test('a scenario takes the worst outcome of its steps, with the first line of its error', () => {
  const run = readRun(MESSAGES);
  assert.deepEqual(
    run.scenarios.map((scenario) => [scenario.name, scenario.outcome, scenario.requirementIds, scenario.error]),
    [
      ['A', 'passed', ['DEL-01'], undefined],
      ['B <x>', 'failed', ['DEL-01', 'DEL-03'], 'AssertionError: shown'],
    ],
  );
  assert.equal(run.finishedAt, '2027-01-15T08:00:00.000Z');
});

test('a rule is met only when all its scenarios passed, and not tried when none ran', () => {
  const result = verdicts(REQUIREMENTS, readRun(MESSAGES).scenarios);
  assert.deepEqual(result.map((entry) => [entry.requirement.id, entry.verdict]), [
    ['DEL-01', 'ikke opfyldt'],
    ['DEL-03', 'ikke opfyldt'],
    ['MON-01', 'ikke afprøvet'],
  ]);
});

test('the reports name the outcome per rule and escape scenario names in HTML', () => {
  const result = verdicts(REQUIREMENTS, readRun(MESSAGES).scenarios);
  const context = { environment: 'local', lpsSystem: 'Pilot-LPS', finishedAt: 'x', platformVersion: 'abc' };
  assert.match(renderMarkdown(result, context), /\| DEL-03 \| Samtykke \| ✖ ikke opfyldt \| ✖ B <x> \|/);
  const html = renderHtml(certificationReport(result, context, counts(result), new Map()));
  assert.ok(html.includes('B &#60;x&#62;') && !html.includes('B <x>'));
  assert.match(html, /0 af 3 krav opfyldt, 2 ikke opfyldt, 1 ikke afprøvet/);
});

test('messages that are not JSON are an error naming the line', () => {
  assert.throws(() => readRun('{"meta":{}}\nnot json'), /line 2 of the cucumber messages is not JSON/);
});

test('declared scenarios that a filtered run left out count as not tried, so their rule is only partly tried', () => {
  const ran = readRun(MESSAGES).scenarios.filter((scenario) => scenario.name === 'A');
  const declared = [
    { uri: 'features/a.feature', name: 'A', requirementIds: ['DEL-01'] },
    { uri: 'features/c.feature', name: 'C', requirementIds: ['DEL-01'] },
  ];
  const [del01] = verdicts(REQUIREMENTS, withScenariosNotRun(ran, declared));
  assert.equal(del01?.verdict, 'delvist afprøvet');
  assert.deepEqual(del01?.scenarios.map((scenario) => [scenario.name, scenario.outcome]), [['A', 'passed'], ['C', 'skipped']]);
});

test('a failure that names its rule fails that rule only, and a rule it names beyond the scenario tags too', () => {
  const failed = (error: string) => ({ name: 'C', uri: 'features/c.feature', requirementIds: ['DEL-01', 'DEL-03'], outcome: 'failed' as const, error });
  const byId = (error: string) => Object.fromEntries(verdicts(REQUIREMENTS, [failed(error)]).map((v) => [v.requirement.id, v.verdict]));
  assert.deepEqual(byId('Error: [DEL-03] Beskeden afviger'), { 'DEL-01': 'ikke afprøvet', 'DEL-03': 'ikke opfyldt', 'MON-01': 'ikke afprøvet' });
  assert.deepEqual(byId('Error: [MON-01] Tælleren'), { 'DEL-01': 'ikke opfyldt', 'DEL-03': 'ikke opfyldt', 'MON-01': 'ikke opfyldt' });
  assert.deepEqual(byId('AssertionError: no rule named'), { 'DEL-01': 'ikke opfyldt', 'DEL-03': 'ikke opfyldt', 'MON-01': 'ikke afprøvet' });
});

test("a tester's answer attached to a scenario shows in the report as attesteret, with who and when, under its rule", () => {
  const answer = { krav: 'DEL-03', spoergsmaal: 'Afviste LPS\'et det?', svar: 'ja', af: 'Tove Tester', tidspunkt: '2026-03-19T10:00:00.000Z', kanal: 'http' };
  const withAnswer = `${MESSAGES}\n${JSON.stringify({ attachment: { testCaseStartedId: 'sa', mediaType: 'application/vnd.lokalsvar.attestation+json', body: JSON.stringify(answer) } })}`;
  const run = readRun(withAnswer);
  assert.deepEqual(run.scenarios[0]?.attested, [answer]);
  const markdown = renderMarkdown(verdicts(REQUIREMENTS, [{ ...run.scenarios[0]!, requirementIds: ['DEL-03'] }]), { environment: 'local', lpsSystem: 'X', finishedAt: 'T', platformVersion: 'v' });
  assert.match(markdown, /attesteret: \[DEL-03\] "Afviste LPS'et det\?" ja, af Tove Tester 2026-03-19T10:00:00.000Z/);
});

test('a pilot-only scenario skipped in a vendor run does not weaken its rule; one a tag filter left out does', () => {
  const passed = { name: 'A', uri: 'features/a.feature', requirementIds: ['DEL-01'], outcome: 'passed' as const };
  const skippedStep = { keyword: 'Givet ', text: 'testpersonen …', hook: false, arguments: [], outcome: 'skipped' as const, status: 'SKIPPED', durationMs: 0, attachments: [] };
  const pilotOnly = { name: 'P', uri: 'features/p.feature', requirementIds: ['DEL-01'], outcome: 'skipped' as const, tags: ['@krav:DEL-01', '@kun-pilot'], steps: [skippedStep] };
  const [met] = verdicts(REQUIREMENTS, [passed, pilotOnly]);
  assert.equal(met?.verdict, 'opfyldt');
  assert.deepEqual(met?.scenarios.map((scenario) => scenario.name), ['A', 'P'], 'the pilot-only scenario is still listed');
  const [onlyPilot] = verdicts(REQUIREMENTS, [pilotOnly]);
  assert.equal(onlyPilot?.verdict, 'ikke afprøvet', 'a rule with nothing but pilot-only scenarios was not tried against the LPS');
  const filteredOut = { ...pilotOnly, steps: [] };
  assert.equal(verdicts(REQUIREMENTS, [passed, filteredOut])[0]?.verdict, 'delvist afprøvet');
  const notPilot = { ...pilotOnly, tags: ['@krav:DEL-01'] };
  assert.equal(verdicts(REQUIREMENTS, [passed, notPilot])[0]?.verdict, 'delvist afprøvet');
});
