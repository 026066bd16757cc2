/**
 * MedCom's official XSDs (MEDCOM_XSD_DIR) loaded once per run: the 2014/10/08 set for XRPT01/XRPT05, the 2005/08/07
 * set for receipts. Undefined where the schemas are not there.
 */
import { schemaDirs } from '../../medcom/official-xsd/schema-dirs';
import { loadSchemaSet, xsdValidate, type SchemaSet } from '../../medcom/official-xsd/xmllint';

export type OfficialSet = 'set2014' | 'set2005';

const loaded = new Map<string, SchemaSet>();

export function officialSchemaSet(set: OfficialSet): SchemaSet | undefined {
  const dir = schemaDirs()[set];
  if (!dir) return undefined;
  const schema = loaded.get(dir) ?? loadSchemaSet(dir, set);
  loaded.set(dir, schema);
  return schema;
}

/**
 * What the official schemas found in documents already judged, by set and text: each document is judged once per run
 * (a message shared, then checked by a DEL-01 step, then in the scenario's evidence). Bounded: the oldest are forgotten.
 */
const judged = new Map<string, Promise<string[]>>();
const JUDGED_KEPT = 500;

function keyOf(set: OfficialSet, xml: string): string {
  return `${set}\u0000${xml}`;
}

function remember(key: string, findings: Promise<string[]>): void {
  judged.set(key, findings);
  // A check that failed is not remembered: the next asks again.
  findings.catch(() => judged.delete(key));
  for (const oldest of judged.keys()) {
    if (judged.size <= JUDGED_KEPT) break;
    judged.delete(oldest);
  }
}

/** Each text's findings: those judged before, the others judged now in one call (and remembered). */
function judge(set: OfficialSet, schema: SchemaSet, xmls: readonly string[]): Map<string, Promise<string[]>> {
  const findings = new Map<string, Promise<string[]>>();
  const unjudged: string[] = [];
  for (const xml of xmls) {
    const known = judged.get(keyOf(set, xml));
    if (known) findings.set(xml, known);
    else if (!unjudged.includes(xml)) unjudged.push(xml);
  }
  if (unjudged.length === 0) return findings;
  const batch = xsdValidate(unjudged.map((xml, index) => ({ name: `${index}`, xml })), schema);
  unjudged.forEach((xml, index) => {
    const one = batch.then((byName) => byName.get(`${index}`) ?? []);
    findings.set(xml, one);
    remember(keyOf(set, xml), one);
  });
  return findings;
}

/**
 * Starts judging a document now, in the background (libxml2 runs in a worker thread of its own, while the scenario goes
 * on with its steps and the browser), so that the evidence at the scenario's end finds the findings ready. What is
 * found is asked for, and reported, through officialSchemaFindings; a failure here is reported there.
 */
export function judgeInBackground(set: OfficialSet, xml: string): void {
  let schema: SchemaSet | undefined;
  try {
    schema = officialSchemaSet(set);
  } catch {
    return; // schemas that cannot be read are reported by officialSchemaFindings, in the evidence
  }
  if (schema) for (const findings of judge(set, schema, [xml]).values()) findings.catch(() => undefined);
}

/**
 * Every document's findings against the set, by name; undefined where the schemas are not there. Documents judged
 * before (judgeInBackground, or an earlier call) are not judged again; the others are judged in one call.
 */
export async function officialSchemaFindings(set: OfficialSet, documents: readonly { name: string; xml: string }[]): Promise<Map<string, string[]> | undefined> {
  const schema = officialSchemaSet(set);
  if (!schema) return undefined;
  const findings = judge(set, schema, documents.map((document) => document.xml));
  const outcome = new Map<string, string[]>();
  for (const document of documents) outcome.set(document.name, await (findings.get(document.xml) as Promise<string[]>));
  return outcome;
}
