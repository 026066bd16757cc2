/** The Markdown summary of a mutation run: score per folder with and without the judged equivalents, then every survivor still to kill. */
import { scoreByFolder, unjudgedSurvivors, type EquivalentMutant, type MutationReport } from './score';

export function summaryLines(title: string, report: MutationReport, equivalents: readonly EquivalentMutant[]): { table: string[]; all: string[] } {
  const rows = scoreByFolder(report, equivalents);
  const survivors = unjudgedSurvivors(report, equivalents);
  const table = [
    `# ${title}`,
    '',
    '| folder | killed | survived | no coverage | judged equivalent | score | without equivalent |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row.folder} | ${row.killed} | ${row.survived} | ${row.noCoverage} | ${row.equivalent} | ${row.score} % | ${row.scoreWithoutEquivalent} % |`),
  ];
  const all = [
    ...table,
    '',
    `## Survivors not judged equivalent (${survivors.length})`,
    '',
    ...survivors.map((survivor) => `- ${survivor.file}:${survivor.line} ${survivor.mutatorName} → \`${survivor.replacement.replace(/\s+/g, ' ').slice(0, 80)}\` (${survivor.status})`),
    '',
  ];
  return { table, all };
}
