/**
 * The evidence bundle a test camp hands over: reports/evidens.zip with the report (HTML, JSON, Markdown), every
 * evidence file, and MANIFEST.sha256 in sha256sum's format, so that `unzip evidens.zip && sha256sum -c
 * MANIFEST.sha256` verifies it later.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipArchive } from './zip-archive';

export const MANIFEST_FILE = 'MANIFEST.sha256';

/** sha256sum's text format: "<hex>  <path>" a line. */
export function manifest(files: readonly { path: string; data: Buffer }[]): string {
  return files.map((file) => `${createHash('sha256').update(file.data).digest('hex')}  ${file.path}\n`).join('');
}

/** Writes the zip of the given files (relative to reportDir, forward slashes) plus their manifest; returns its path. */
export function writeEvidenceBundle(reportDir: string, relativePaths: readonly string[], zipName = 'evidens.zip'): string {
  const files = relativePaths.map((relative) => ({ path: relative, data: readFileSync(path.join(reportDir, ...relative.split('/'))) }));
  const entries = [...files.map((file) => ({ name: file.path, data: file.data })), { name: MANIFEST_FILE, data: Buffer.from(manifest(files)) }];
  const zipPath = path.join(reportDir, zipName);
  writeFileSync(zipPath, zipArchive(entries));
  return zipPath;
}
