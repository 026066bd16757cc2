/**
 * A small on-disk cache for work whose result depends only on files (what `ldd` finds for a binary, the tag of the
 * stubs bundle): a value is reused while every file it was worked out from has the same path, size, modification
 * time and inode. An edit, a package update or a reinstall changes at least one of them; a file rewritten in place
 * with its old size and modification time would not be noticed (nothing here does that).
 *
 * Kept as one JSON file per kind of work in node_modules/.cache/lokalsvar-e2e/ (LOKALSVAR_CACHE_DIR says otherwise),
 * written whole or not at all; a cache that cannot be read or written only costs the work again.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const CACHE_DIR_ENV = 'LOKALSVAR_CACHE_DIR';

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env[CACHE_DIR_ENV] || path.resolve(__dirname, '..', 'node_modules', '.cache', 'lokalsvar-e2e');
}

/** What some work found, and the files it depends on (absolute paths). */
export interface Stamped<T> {
  value: T;
  files: readonly string[];
}

interface Entry {
  stamps: Record<string, string>;
  value: unknown;
}

/**
 * The value last worked out for `key` of this kind of work, while none of its files changed; otherwise works it out
 * again (compute) and remembers it.
 */
export async function withFileStamps<T>(kind: string, key: string, compute: () => Promise<Stamped<T>>): Promise<T> {
  const file = path.join(cacheDir(), `${kind}.json`);
  const entries = await readEntries(file);
  const known = entries[key];
  if (known && typeof known.stamps === 'object' && known.stamps !== null && (await unchanged(known.stamps))) return known.value as T;
  const began = BigInt(Date.now()) * 1_000_000n;
  const found = await compute();
  const stamps: Record<string, string> = {};
  for (const dependency of found.files) {
    const current = await stampOf(dependency);
    // A file that is gone or unreadable: nothing to compare with later, so nothing is remembered. Nor when one was
    // written while the work ran: the value may come from its older content, and the stamp is of the newer one.
    if (current === undefined || modifiedSince(current, began)) return found.value;
    stamps[dependency] = current;
  }
  await remember(file, key, { stamps, value: found.value });
  return found.value;
}

/** Writes to each cache file, one after another within this process, so concurrent work loses no entry. */
const writing = new Map<string, Promise<void>>();

function remember(file: string, key: string, entry: Entry): Promise<void> {
  // Read again just before writing: another process, or earlier work of this one, may have added entries meanwhile.
  const next = (writing.get(file) ?? Promise.resolve()).then(async () => writeEntries(file, { ...(await readEntries(file)), [key]: entry }));
  writing.set(file, next);
  return next;
}

async function unchanged(stamps: Record<string, string>): Promise<boolean> {
  const files = Object.keys(stamps);
  const current = await Promise.all(files.map(stampOf));
  return files.length > 0 && files.every((file, index) => current[index] === stamps[file]);
}

/** File times may lag the clock by a file system's tick: a file written up to this long before the work began counts as written during it. */
const CLOCK_SLACK_NS = 2_000_000_000n;

function modifiedSince(stamp: string, began: bigint): boolean {
  const mtimeNs = BigInt(stamp.split(':')[1] ?? '0');
  return mtimeNs >= began - CLOCK_SLACK_NS;
}

/** Size, modification time and inode of a file (symlinks followed); undefined when it cannot be read. */
export async function stampOf(file: string): Promise<string | undefined> {
  try {
    const info = await stat(file, { bigint: true });
    return `${info.size}:${info.mtimeNs}:${info.ino}`;
  } catch {
    return undefined;
  }
}

async function readEntries(file: string): Promise<Record<string, Entry>> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, Entry>) : {};
  } catch {
    return {};
  }
}

async function writeEntries(file: string, entries: Record<string, Entry>): Promise<void> {
  const partial = `${file}.${process.pid}.partial`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(partial, JSON.stringify(entries));
    await rename(partial, file);
  } catch {
    // Not remembered: the next run works it out again.
  }
}
