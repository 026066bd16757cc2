/**
 * A class-data archive (AppCDS) for WireMock's JVM, one per machine, Java and WireMock: the classes WireMock loads at
 * start, parsed once and mapped into memory at every later start. With it WireMock listens after about 0.9 s instead
 * of 1.5 s, with half the CPU (README, "Suite time"). The first start writes it (-XX:ArchiveClassesAtExit) to a file
 * of its own, moved into place once that JVM has exited (settle); later starts use it (-XX:SharedArchiveFile).
 * Keyed by the java binary (path, size, time), the jar and the JVM flags, so another Java or WireMock gets its own.
 * An archive the JVM cannot use (damaged, another JVM) it ignores and starts as without; nothing here can stop a
 * start: where no folder can be written or no java found, WireMock starts without an archive.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ClassArchive {
  /** JVM flags that use the archive, or write it. */
  flags: string[];
  /** The JVM writes the archive when it exits, so it must be let exit (SIGTERM), not killed. */
  writesAtExit: boolean;
  /** After the JVM has exited: a written archive is moved into place (or dropped when another got there first). */
  settle(): void;
}

const NONE: ClassArchive = { flags: [], writesAtExit: false, settle: () => undefined };

/** Where the archives live: the project's node_modules/.cache, else the system's temporary folder. */
function archiveFolder(): string | undefined {
  for (const folder of [path.resolve(__dirname, '..', '..', 'node_modules', '.cache', 'lokalsvar-e2e'), path.join(tmpdir(), 'lokalsvar-e2e-cache')]) {
    try {
      mkdirSync(folder, { recursive: true });
      return folder;
    } catch {
      // not writable: the next
    }
  }
  return undefined;
}

/** The archive for this java binary (docker/java-runtime.ts, findJavaBinary), jar and flags: used when it is there, else written by this start. */
export function classArchive(java: string | undefined, jar: string, jvmFlags: readonly string[], folder = archiveFolder()): ClassArchive {
  if (!java || !folder) return NONE;
  let key: string;
  try {
    const javaStat = statSync(java);
    const jarStat = statSync(jar);
    key = createHash('sha256')
      .update(JSON.stringify([java, javaStat.size, javaStat.mtimeMs, jar, jarStat.size, jarStat.mtimeMs, jvmFlags]))
      .digest('hex')
      .slice(0, 16);
  } catch {
    return NONE;
  }
  const archive = path.join(folder, `wiremock-${key}.jsa`);
  if (existsSync(archive)) return { flags: [`-XX:SharedArchiveFile=${archive}`], writesAtExit: false, settle: () => undefined };
  removeAbandoned(folder);
  const written = `${archive}.${process.pid}.${Date.now()}.partial`;
  return {
    flags: [`-XX:ArchiveClassesAtExit=${written}`],
    writesAtExit: true,
    settle: () => {
      try {
        if (existsSync(written) && statSync(written).size > 0 && !existsSync(archive)) renameSync(written, archive);
      } catch {
        // another start moved its archive into place meanwhile: this one is not needed
      }
      rmSync(written, { force: true });
    },
  };
}

/** An archive still being written an hour after its start was never settled (its run was killed): removed. */
const ABANDONED_AFTER_MS = 3_600_000;

function removeAbandoned(folder: string): void {
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.partial')) continue;
    const file = path.join(folder, name);
    try {
      if (Date.now() - statSync(file).mtimeMs > ABANDONED_AFTER_MS) rmSync(file, { force: true });
    } catch {
      // gone meanwhile
    }
  }
}
