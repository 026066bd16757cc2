/**
 * The test leader's judgements as the certification report's manual attestations (requirements/attestations.ts):
 * each run gets the session's newest "opfyldt" / "ikke opfyldt" per rule in its reports folder as
 * attestationer.json (E2E_ATTESTATIONS), so its report shows them "(manuelt)"; comments are not attestations.
 */
import type { Judgement } from './store';

export const ATTESTATIONS_FILE = 'attestationer.json';

export function attestationsJson(judgements: readonly Judgement[]): string | undefined {
  const newest = new Map<string, Judgement>();
  for (const judgement of [...judgements].sort((a, b) => b.id - a.id)) {
    if (judgement.verdict !== 'kommentar' && !newest.has(judgement.rule)) newest.set(judgement.rule, judgement);
  }
  if (newest.size === 0) return undefined;
  const attestationer = [...newest.values()].map((judgement) => ({
    krav: judgement.rule,
    resultat: judgement.verdict,
    af: 'testlederen (lokalsvar testcamp)',
    dato: judgement.at.slice(0, 10),
    ...(judgement.comment ? { note: judgement.comment } : {}),
  }));
  return JSON.stringify({ attestationer }, null, 2);
}
