/**
 * The official schemas through xmllint-wasm (libxml2): every schema file preloaded (EMessage.xsd includes many),
 * documents validated in batches (each call compiles the schema, in a worker thread that lives as long as the
 * process: xmllint-worker.ts; above ~2,800 files a call it fails, so batches are at most 1000).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runXmllint, type XmllintFile } from './xmllint-worker';

export interface SchemaSet {
  entry: XmllintFile;
  preload: XmllintFile[];
}

function schemaFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return schemaFiles(path);
    return name.endsWith('.xsd') ? [path] : [];
  });
}

/** Loads every .xsd under `dir` (the entry is `dir/EMessage.xsd`). */
export function loadSchemaSet(dir: string, prefix: string): SchemaSet {
  const files = schemaFiles(dir).map((path) => ({
    fileName: `${prefix}/${relative(dir, path)}`,
    contents: readFileSync(path, 'utf8'),
  }));
  const entry = files.find((file) => file.fileName === `${prefix}/EMessage.xsd`);
  if (!entry) throw new Error(`no EMessage.xsd in ${dir}`);
  return { entry, preload: files.filter((file) => file !== entry) };
}

export interface Document {
  name: string;
  xml: string;
}

export const MAX_BATCH = 1000;

/** WebAssembly memory for one call, in pages of 64 KiB: xmllint-wasm's default start (16 MiB), at most 1 GiB. */
const INITIAL_MEMORY_PAGES = 256;
const MAX_MEMORY_PAGES = 16384;

/** xmllint's exit codes: 0 every file valid, 3 or 4 a file invalid; anything else means it could not judge. */
const JUDGED = new Set([0, 3, 4]);

/** One xmllint run, `xmllint --schema <entry> --noout <files>`; its error output, where each file's verdict is. */
async function validateBatch(files: readonly XmllintFile[], schema: SchemaSet): Promise<string> {
  const output = await runXmllint({
    args: ['--schema', schema.entry.fileName, '--noout', ...files.map((file) => file.fileName)],
    inputFiles: [...files, schema.entry, ...schema.preload],
    initialMemoryPages: INITIAL_MEMORY_PAGES,
    maxMemoryPages: MAX_MEMORY_PAGES,
  });
  if (!JUDGED.has(output.exitCode)) throw Object.assign(new Error(output.stderr), { code: output.exitCode });
  return output.stderr;
}

/**
 * Per file: undefined when valid, else its messages. A file is valid only when xmllint says "<file> validates";
 * a file that is not even well-formed gets parser errors and no verdict line.
 */
function parseOutput(output: string, fileNames: readonly string[]): Map<string, string[]> {
  const messages = new Map<string, string[]>(fileNames.map((name) => [name, []]));
  const valid = new Set<string>();
  let current: string | undefined;
  for (const line of output.split('\n')) {
    const verdict = /^(\S+\.xml) (validates|fails to validate)$/.exec(line.trim());
    if (verdict) {
      if (verdict[2] === 'validates') valid.add(verdict[1] as string);
      else messages.get(verdict[1] as string)?.push('fails to validate');
      current = undefined;
      continue;
    }
    const located = /^(\S+\.xml):(\d+): (.*)$/.exec(line);
    if (located && messages.has(located[1] as string)) {
      current = located[1];
      messages.get(current as string)?.push(`line ${located[2]}: ${located[3]}`);
    } else if (current && line.trim() !== '') messages.get(current)?.push(line);
  }
  for (const name of fileNames) {
    const list = messages.get(name) as string[];
    if (valid.has(name)) list.length = 0;
    else if (list.length === 0) list.push('xmllint gave no verdict for this file');
  }
  return messages;
}

/** Validates every document; the result maps each name to its error messages (empty: valid). */
export async function xsdValidate(documents: readonly Document[], schema: SchemaSet, batchSize = MAX_BATCH): Promise<Map<string, string[]>> {
  const outcome = new Map<string, string[]>();
  for (let start = 0; start < documents.length; start += batchSize) {
    const batch = documents.slice(start, start + batchSize);
    const files = batch.map((document, index) => ({ fileName: `doc${start + index}.xml`, contents: document.xml }));
    const byFile = parseOutput(await validateBatch(files, schema), files.map((file) => file.fileName));
    batch.forEach((document, index) => outcome.set(document.name, byFile.get(`doc${start + index}.xml`) ?? []));
  }
  return outcome;
}
