/**
 * Reads StrykerJS's JSON report (mutation-testing-report-schema) and gives the score per folder, with and without the
 * surviving mutants judged equivalent (bench/mutation/equivalent-mutants.json: each with the reason why no test can
 * tell it from the original), and the survivors nobody has judged yet.
 */
export type MutantStatus = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';

export interface ReportMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: MutantStatus;
  location: { start: { line: number; column: number } };
}

export interface MutationReport {
  files: Record<string, { mutants: ReportMutant[] }>;
}

/** A surviving mutant judged equivalent, found again by file, line and mutator (ids change between runs). */
export interface EquivalentMutant {
  file: string;
  line: number;
  mutatorName: string;
  replacement: string;
  why: string;
}

export interface FolderScore {
  folder: string;
  killed: number;
  survived: number;
  noCoverage: number;
  equivalent: number;
  errors: number;
  /** (killed + timeout) / (killed + timeout + survived + no coverage), in percent: Stryker's own score. */
  score: number;
  /** The same with the mutants judged equivalent left out of the survivors. */
  scoreWithoutEquivalent: number;
}

export interface Survivor {
  file: string;
  line: number;
  mutatorName: string;
  replacement: string;
  status: 'Survived' | 'NoCoverage';
}

const isEquivalent = (equivalents: readonly EquivalentMutant[], file: string, mutant: ReportMutant) =>
  equivalents.some(
    (equivalent) =>
      equivalent.file === file &&
      equivalent.line === mutant.location.start.line &&
      equivalent.mutatorName === mutant.mutatorName &&
      equivalent.replacement === (mutant.replacement ?? ''),
  );

const percent = (part: number, whole: number) => (whole === 0 ? 100 : Math.round((1000 * part) / whole) / 10);

/** Scores per folder (the file's directory), and one line `(all)` for every file together. */
export function scoreByFolder(report: MutationReport, equivalents: readonly EquivalentMutant[]): FolderScore[] {
  const tally = new Map<string, Omit<FolderScore, 'score' | 'scoreWithoutEquivalent'>>();
  const add = (folder: string, mutant: ReportMutant, equivalent: boolean) => {
    const row = tally.get(folder) ?? { folder, killed: 0, survived: 0, noCoverage: 0, equivalent: 0, errors: 0 };
    if (mutant.status === 'Killed' || mutant.status === 'Timeout') row.killed += 1;
    else if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') {
      if (mutant.status === 'Survived') row.survived += 1;
      else row.noCoverage += 1;
      if (equivalent) row.equivalent += 1;
    } else if (mutant.status === 'CompileError' || mutant.status === 'RuntimeError') row.errors += 1;
    tally.set(folder, row);
  };
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.';
    for (const mutant of mutants) {
      const equivalent = isEquivalent(equivalents, file, mutant);
      add(folder, mutant, equivalent);
      add('(all)', mutant, equivalent);
    }
  }
  return [...tally.values()]
    .map((row) => {
      const judged = row.killed + row.survived + row.noCoverage;
      return { ...row, score: percent(row.killed, judged), scoreWithoutEquivalent: percent(row.killed, judged - row.equivalent) };
    })
    .sort((a, b) => (a.folder === '(all)' ? 1 : b.folder === '(all)' ? -1 : a.folder.localeCompare(b.folder)));
}

/** Surviving (or uncovered) mutants not judged equivalent: the ones a test should still kill. */
export function unjudgedSurvivors(report: MutationReport, equivalents: readonly EquivalentMutant[]): Survivor[] {
  return Object.entries(report.files).flatMap(([file, { mutants }]) =>
    mutants
      .filter((mutant) => (mutant.status === 'Survived' || mutant.status === 'NoCoverage') && !isEquivalent(equivalents, file, mutant))
      .map((mutant) => ({
        file,
        line: mutant.location.start.line,
        mutatorName: mutant.mutatorName,
        replacement: mutant.replacement ?? '',
        status: mutant.status as Survivor['status'],
      })),
  );
}

/**
 * One report out of several folders' reports (the incremental files of `npm run mutation -- FOLDER`), so the score
 * of the whole of stubs/ can be told without running every folder again. A file found in two reports is refused:
 * which of the two results is the current one cannot be told.
 */
export function mergeReports(reports: ReadonlyArray<{ name: string; report: MutationReport }>): MutationReport {
  const files: MutationReport['files'] = {};
  const from = new Map<string, string>();
  for (const { name, report } of reports) {
    for (const [file, result] of Object.entries(report.files)) {
      const earlier = from.get(file);
      if (earlier !== undefined) throw new Error(`${file} is in both ${earlier} and ${name}: remove the older incremental file or run the folders again.`);
      from.set(file, name);
      files[file] = result;
    }
  }
  return { files };
}
