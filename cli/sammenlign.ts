/**
 * `lokalsvar sammenlign FORRIGE.json NU.json`: which rules and scenarios changed verdict between two runs' certification
 * reports (reports/certificering.json), worse first. Exit 0 when nothing got worse, 1 when something did, 2 when a
 * file cannot be read or is no certification report (or the command line is wrong).
 */
import { compareFiles } from '../requirements/compare-runs';
import { UsageError, type CommandSpec, type Output, type ParsedCommand } from './command';

export const SAMMENLIGN: CommandSpec = {
  name: 'sammenlign',
  summary: 'sammenlign to kørslers certificeringsrapporter; exit 1 når et resultat er blevet dårligere',
  synopsis: 'sammenlign FORRIGE.json NU.json',
  description: [
    'Sammenligner to kørslers certificeringsrapporter (reports/certificering.json) og viser hvert krav og hvert',
    'scenarie, hvis resultat er ændret, nyt eller forsvundet, de forværrede først.',
    'Afslutningskode 0: intet er blevet dårligere; 1: noget er blevet dårligere (fx et krav, der var opfyldt, og nu',
    'ikke er); 2: en fil kan ikke læses eller er ikke en certificeringsrapport, eller kommandolinjen er forkert.',
    'En kørsel kan også sammenlignes med en grundlinje, når den slutter: E2E_BASELINE=FORRIGE.json npm run e2e',
  ].join('\n'),
  positionals: true,
  options: [],
  examples: ['lokalsvar sammenlign forrige/certificering.json reports/certificering.json'],
};

export async function sammenlignCommand(parsed: ParsedCommand, { out, err }: Output): Promise<number> {
  if (parsed.positionals.length !== 2) {
    throw new UsageError(`angiv præcis to filer, FORRIGE.json og NU.json (fik ${parsed.positionals.length})`, SAMMENLIGN.name);
  }
  const [previous, current] = parsed.positionals as [string, string];
  try {
    const comparison = compareFiles(previous, current);
    for (const line of comparison.lines) out(line);
    return comparison.worse ? 1 : 0;
  } catch (error) {
    err((error as Error).message);
    return 2;
  }
}
