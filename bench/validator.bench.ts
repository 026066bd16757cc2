/**
 * Messages validated per second: the project's validator against xmllint-wasm (libxml2 with the official XSDs)
 * on the same corpus, in the same process. Not a test; nothing is asserted.
 *
 *   npx tsx bench/validator.bench.ts            (MEDCOM_XSD_DIR as for the tests; BENCH_SECONDS, default 3)
 *
 * Rows: the project's validator one message a call, on text and on the raw bytes (the hub's case: strict decoding,
 * then parsing), and with reading into the model; xmllint-wasm one message a call, and at its best batch (1000 files
 * a call); native libxml2 (`xmllint --noout --schema`, Debian's libxml2-utils) over the whole corpus as files in one
 * process, so the schema is compiled once. The project's validator runs on this thread (one core); xmllint-wasm
 * runs in a worker thread it starts per call.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { readEmessage, validateEmessage } from '../medcom';
import { schemaDirs } from '../medcom/official-xsd/schema-dirs';
import { loadSchemaSet, xsdValidate, type SchemaSet } from '../medcom/official-xsd/xmllint';
import { clinicCorpus, fuzzCorpus } from './corpora';

interface Row {
  name: string;
  perSecond: number;
  note: string;
}

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

const NATIVE_XMLLINT = '/usr/bin/xmllint';

function timeLoop<T>(corpus: readonly T[], check: (xml: T) => unknown): number {
  const warmUntil = Date.now() + 500;
  let index = 0;
  while (Date.now() < warmUntil) check(corpus[index++ % corpus.length] as T);
  let done = 0;
  const start = process.hrtime.bigint();
  const end = Date.now() + SECONDS * 1000;
  while (Date.now() < end) {
    for (let batch = 0; batch < 100; batch += 1) check(corpus[done++ % corpus.length] as T);
  }
  return done / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** Native libxml2 over the corpus written as files: one `xmllint --schema` process, the schema compiled once. */
function xmllintNative(corpus: readonly string[], schemaDir: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'lokalsvar-bench-'));
  try {
    const files = corpus.map((xml, index) => {
      const file = join(dir, `${index}.xml`);
      writeFileSync(file, xml);
      return file;
    });
    const start = process.hrtime.bigint();
    const run = spawnSync(NATIVE_XMLLINT, ['--noout', '--schema', join(schemaDir, 'EMessage.xsd'), ...files], { stdio: 'ignore' });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (run.error) throw run.error;
    return corpus.length / seconds;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function xmllintSingle(corpus: readonly string[], schema: SchemaSet, calls: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let call = 0; call < calls; call += 1) {
    await validateXML({ xml: [{ fileName: 'doc.xml', contents: corpus[call % corpus.length] as string }], schema: schema.entry, preload: schema.preload });
  }
  return calls / (Number(process.hrtime.bigint() - start) / 1e9);
}

async function xmllintBatch(corpus: readonly string[], schema: SchemaSet, batchSize: number): Promise<number> {
  const documents = corpus.map((xml, index) => ({ name: String(index), xml }));
  await xsdValidate(documents.slice(0, batchSize), schema, batchSize);
  const start = process.hrtime.bigint();
  await xsdValidate(documents, schema, batchSize);
  return documents.length / (Number(process.hrtime.bigint() - start) / 1e9);
}

function format(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

async function measure(label: string, corpus: readonly string[], schema: SchemaSet | undefined, schemaDir: string | undefined): Promise<void> {
  const asBytes = corpus.map((xml) => Buffer.from(xml));
  const meanBytes = corpus.reduce((sum, xml) => sum + Buffer.byteLength(xml), 0) / corpus.length;
  const valid = corpus.filter((xml) => !validateEmessage(xml).some((finding) => finding.severity === 'error')).length;
  console.log(`\n${label}: ${corpus.length} messages (${valid} valid), mean ${format(meanBytes)} bytes`);
  const rows: Row[] = [
    { name: 'project validator, one a call', perSecond: timeLoop(corpus, (xml) => validateEmessage(xml)), note: 'validateEmessage(text)' },
    { name: 'project validator, bytes', perSecond: timeLoop(asBytes, (bytes) => validateEmessage(bytes)), note: "validateEmessage(bytes): the hub's path" },
    { name: 'project reader, one a call', perSecond: timeLoop(corpus, (xml) => readEmessage(xml)), note: 'readEmessage: validate + model' },
  ];
  if (schema) {
    rows.push({ name: 'xmllint-wasm, one a call', perSecond: await xmllintSingle(corpus, schema, 20), note: '20 calls' });
    rows.push({ name: 'xmllint-wasm, 1000 a call', perSecond: await xmllintBatch(corpus, schema, 1000), note: `${corpus.length} messages` });
  }
  if (schemaDir && existsSync(NATIVE_XMLLINT)) {
    rows.push({ name: 'native xmllint --schema, batch', perSecond: xmllintNative(corpus, schemaDir), note: `${corpus.length} files, one process` });
  }
  const ours = rows[0]?.perSecond ?? 0;
  const width = Math.max(...rows.map((row) => row.name.length));
  console.log(`${'what'.padEnd(width)}  ${'msgs/s'.padStart(9)}  ${'project ÷ this'.padStart(14)}  note`);
  for (const row of rows) {
    const ratio = `${(ours / row.perSecond).toFixed(1)}x`;
    console.log(`${row.name.padEnd(width)}  ${format(row.perSecond).padStart(9)}  ${ratio.padStart(14)}  ${row.note}`);
  }
}

async function main(): Promise<void> {
  const dirs = schemaDirs();
  const schema = dirs.set2014 ? loadSchemaSet(dirs.set2014, 'xsd2014') : undefined;
  console.log(`${SECONDS} s a row for the project's validator`);
  if (!schema) console.log(`xmllint rows skipped: no schemas under ${dirs.looked} (set MEDCOM_XSD_DIR)`);
  if (!existsSync(NATIVE_XMLLINT)) console.log(`native xmllint row skipped: no ${NATIVE_XMLLINT} (apt-get install libxml2-utils)`);
  await measure('clinic corpus', clinicCorpus(2000), schema, dirs.set2014);
  await measure('fuzz corpus', fuzzCorpus(2000), schema, dirs.set2014);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
