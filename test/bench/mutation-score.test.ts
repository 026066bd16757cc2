/** The mutation summary's arithmetic: Stryker's score per folder, and the same without the mutants judged equivalent. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeReports, scoreByFolder, unjudgedSurvivors, type MutationReport, type ReportMutant } from '../../bench/mutation/score';

const mutant = (line: number, status: ReportMutant['status'], mutatorName = 'EqualityOperator', replacement = 'a !== b'): ReportMutant => ({
  id: `${line}-${status}`,
  mutatorName,
  replacement,
  status,
  location: { start: { line, column: 1 } },
});

const report: MutationReport = {
  files: {
    'stubs/plsp/forward.ts': { mutants: [mutant(1, 'Killed'), mutant(2, 'Timeout'), mutant(3, 'Survived'), mutant(4, 'NoCoverage'), mutant(5, 'CompileError')] },
    'stubs/databank/store.ts': { mutants: [mutant(1, 'Killed'), mutant(9, 'Survived', 'StringLiteral', '""')] },
  },
};
const equivalent = [{ file: 'stubs/plsp/forward.ts', line: 3, mutatorName: 'EqualityOperator', replacement: 'a !== b', why: 'test' }];

test('the score counts killed and timed-out mutants against survivors and uncovered ones, errors apart', () => {
  const plsp = scoreByFolder(report, [])[1]!;
  assert.equal(plsp.folder, 'stubs/plsp');
  assert.deepEqual([plsp.killed, plsp.survived, plsp.noCoverage, plsp.errors, plsp.score], [2, 1, 1, 1, 50]);
  const all = scoreByFolder(report, []).at(-1)!;
  assert.deepEqual([all.folder, all.killed, all.survived, all.score], ['(all)', 3, 2, 50]);
});

test('a survivor judged equivalent leaves the denominator only when file, line, mutator and replacement all match', () => {
  assert.equal(scoreByFolder(report, equivalent)[1]!.scoreWithoutEquivalent, 66.7);
  assert.equal(scoreByFolder(report, [{ ...equivalent[0]!, replacement: 'a === b' }])[1]!.scoreWithoutEquivalent, 50);
  assert.equal(scoreByFolder(report, [{ ...equivalent[0]!, line: 4 }])[1]!.equivalent, 1, 'an uncovered mutant can be judged too');
});

test('the survivors still to kill leave out killed and equivalent mutants', () => {
  assert.deepEqual(
    unjudgedSurvivors(report, equivalent).map((survivor) => `${survivor.file}:${survivor.line}`),
    ['stubs/plsp/forward.ts:4', 'stubs/databank/store.ts:9'],
  );
});

test('the folders\' reports merge into one for the score of all of stubs/, and a file in two reports is refused', () => {
  const plsp: MutationReport = { files: { 'stubs/plsp/forward.ts': report.files['stubs/plsp/forward.ts']! } };
  const databank: MutationReport = { files: { 'stubs/databank/store.ts': report.files['stubs/databank/store.ts']! } };
  const merged = mergeReports([{ name: 'plsp.json', report: plsp }, { name: 'databank.json', report: databank }]);
  assert.deepEqual(scoreByFolder(merged, []), scoreByFolder(report, []));
  assert.throws(
    () => mergeReports([{ name: 'plsp.json', report: plsp }, { name: 'stubs.json', report }]),
    /stubs\/plsp\/forward\.ts is in both plsp\.json and stubs\.json/,
  );
});
