/**
 * MedCom's official XSDs (MEDCOM_XSD_DIR) by set, each loaded once per process: the 2014/10/08 set for XRPT01/XRPT05,
 * the 2005/08/07 set for receipts. Undefined where the schemas are not there. The DEL-01 steps judge a message or
 * receipt by them at once (steps/official-schema.steps.ts); every message and receipt of a run is judged by them,
 * all together, after the run, for the evidence (requirements/official-verdicts.ts).
 */
import { schemaDirs } from './schema-dirs';
import { loadSchemaSet, xsdValidate, type SchemaSet } from './xmllint';

export type OfficialSet = 'set2014' | 'set2005';

const loaded = new Map<string, SchemaSet>();

export function officialSchemaSet(set: OfficialSet): SchemaSet | undefined {
  const dir = schemaDirs()[set];
  if (!dir) return undefined;
  const schema = loaded.get(dir) ?? loadSchemaSet(dir, set);
  loaded.set(dir, schema);
  return schema;
}

/** Every document's findings against the set, by name ([] valid); undefined where the schemas are not there. */
export async function officialSchemaFindings(set: OfficialSet, documents: readonly { name: string; xml: string }[]): Promise<Map<string, string[]> | undefined> {
  const schema = officialSchemaSet(set);
  if (!schema) return undefined;
  return xsdValidate(documents, schema);
}
