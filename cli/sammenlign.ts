/**
 * `lokalsvar sammenlign FORRIGE.json NU.json`: which rules and scenarios changed verdict between two runs' certification
 * reports (reports/certificering.json), worse first. Exit 0 when nothing got worse, 1 when something did, 2 when a
 * file cannot be read or is no certification report.
 */
import { compareFiles } from '../requirements/compare-runs';

export const SAMMENLIGN_USAGE = `Brug: lokalsvar sammenlign FORRIGE.json NU.json

Sammenligner to kørslers certificeringsrapporter (reports/certificering.json) og viser hvert krav og hvert
scenarie, hvis resultat er ændret, nyt eller forsvundet, de forværrede først.

Afslutningskode:
  0  intet er blevet dårligere
  1  noget er blevet dårligere (fx et krav, der var opfyldt, og nu ikke er)
  2  en fil kan ikke læses eller er ikke en certificeringsrapport

En kørsel kan også sammenlignes med en grundlinje, når den slutter: E2E_BASELINE=FORRIGE.json npm run e2e`;

export async function runSammenlign(args: string[], out: (line: string) => void, err: (line: string) => void = out): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    out(SAMMENLIGN_USAGE);
    return 0;
  }
  const unknown = args.filter((arg) => arg.startsWith('-'));
  if (unknown.length > 0 || args.length !== 2) {
    err(unknown.length > 0 ? `Ukendt tilvalg: ${unknown.join(' ')}\n\n${SAMMENLIGN_USAGE}` : `Angiv præcis to filer (fik ${args.length}).\n\n${SAMMENLIGN_USAGE}`);
    return 2;
  }
  const [previous, current] = args as [string, string];
  try {
    const comparison = compareFiles(previous, current);
    for (const line of comparison.lines) out(line);
    return comparison.worse ? 1 : 0;
  } catch (error) {
    err((error as Error).message);
    return 2;
  }
}
