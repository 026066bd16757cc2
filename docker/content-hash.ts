/** Content hashes that name images: the same inputs give the same tag, so an unchanged tree reuses its image. */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** Hash of a list of parts; each part is length-prefixed so ['ab','c'] and ['a','bc'] differ. */
export function hashParts(parts: ReadonlyArray<string | Buffer>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part) : part;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** Hash of every file under dir: relative paths (sorted, '/'-separated) and contents. */
export async function hashTree(dir: string): Promise<string> {
  const files = await listFiles(dir);
  const parts: Array<string | Buffer> = [];
  for (const file of files) parts.push(file, await readFile(path.join(dir, file)));
  return hashParts(parts);
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(dir, relative)));
    else files.push(relative);
  }
  return files;
}

/** Files up to this size are fingerprinted by content; larger ones by size and modification time. */
const CONTENT_LIMIT = 1 << 20;

/**
 * What identifies a file's version cheaply enough to ask on every run: its content when small, else its size and
 * modification time (a package update rewrites both; reading a JDK's 130 MB of modules each run would not pay).
 * Symlinks are followed.
 */
export async function fileFingerprint(file: string): Promise<string | Buffer> {
  const info = await stat(file);
  if (info.size <= CONTENT_LIMIT) return readFile(file);
  return `${info.size}:${Math.trunc(info.mtimeMs)}`;
}

/** The first 16 hex digits: enough to tell images apart, short enough to read in `docker images`. */
export function shortHash(hex: string): string {
  return hex.slice(0, 16);
}
