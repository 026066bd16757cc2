/**
 * Manual attestations for the certification report: what the test camp saw by hand, for rules a vendor's real LPS
 * cannot show automatically (the @kun-pilot scenarios: refusals inside the LPS, results received from others,
 * cancellation). A JSON file, named by E2E_ATTESTATIONS:
 *   { "attestationer": [ { "krav": "DEL-04", "resultat": "opfyldt", "af": "Navn, organisation", "dato": "2026-03-19", "note": "..." } ] }
 */
import { readFileSync } from 'node:fs';

export interface Attestation {
  requirementId: string;
  result: 'opfyldt' | 'ikke opfyldt';
  by: string;
  date: string;
  note?: string;
}

type RawAttestation = Record<string, unknown>;

function attestationAt(raw: RawAttestation, where: string, known: ReadonlySet<string>): Attestation {
  const problems: string[] = [];
  const text = (field: string): string | undefined => (typeof raw[field] === 'string' && raw[field] !== '' ? (raw[field] as string) : undefined);
  const id = text('krav');
  if (!id || !known.has(id)) problems.push(`"krav" must be one of the catalogue's ids (${[...known].join(', ')}), not ${JSON.stringify(raw.krav)}`);
  const result = text('resultat');
  if (result !== 'opfyldt' && result !== 'ikke opfyldt') problems.push(`"resultat" must be "opfyldt" or "ikke opfyldt", not ${JSON.stringify(raw.resultat)}`);
  const by = text('af');
  if (!by) problems.push('"af" must say who saw it (name and organisation)');
  const date = text('dato');
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) problems.push(`"dato" must be a date YYYY-MM-DD, not ${JSON.stringify(raw.dato)}`);
  if (problems.length > 0) throw new Error(`${where}: ${problems.join('; ')}`);
  return { requirementId: id as string, result: result as Attestation['result'], by: by as string, date: date as string, ...(text('note') ? { note: text('note') } : {}) };
}

export function parseAttestations(json: string, source: string, knownIds: readonly string[]): Attestation[] {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    throw new Error(`${source} is not JSON: ${(error as Error).message}`);
  }
  const list = (document as { attestationer?: unknown } | null)?.attestationer;
  if (!Array.isArray(list)) throw new Error(`${source}: no "attestationer" list`);
  const known = new Set(knownIds);
  return list.map((raw, index) => attestationAt((raw ?? {}) as RawAttestation, `${source}: attestationer[${index}]`, known));
}

export function readAttestations(file: string, knownIds: readonly string[]): Attestation[] {
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`E2E_ATTESTATIONS ${file} cannot be read: ${(error as Error).message}`);
  }
  return parseAttestations(json, file, knownIds);
}
