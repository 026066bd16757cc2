/**
 * WireMock children left behind by a process that died without cleaning up (`kill -9`, a crash, a power cut in the
 * middle of a test camp): each WireMock's temporary root folder holds an owner file naming the WireMock process
 * and the Node process that started it. A new start sweeps every folder whose owner is gone: it stops that
 * WireMock (only when the process still runs with that very root folder, so a reused pid is never hit), waits for
 * it to let go of its port, and removes the folder.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { isAlive } from '../process-alive';

export const ROOT_DIR_PREFIX = 'lokalsvar-wiremock-';
const OWNER_FILE = 'owner.json';

interface Owner {
  /** The WireMock (java) process, leader of its own process group. */
  pid: number;
  /** The Node process that started it and would have stopped it. */
  ownerPid: number;
}

export function writeOwnerFile(rootDir: string, owner: Owner): void {
  writeFileSync(path.join(rootDir, OWNER_FILE), JSON.stringify(owner));
}

export { isAlive };

/** The command line of a process, or undefined when it is gone or cannot be read. */
function commandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    try {
      return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
    } catch {
      return undefined;
    }
  }
}

function readOwner(rootDir: string): Owner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path.join(rootDir, OWNER_FILE), 'utf8')) as Partial<Owner>;
    return Number.isInteger(owner.pid) && Number.isInteger(owner.ownerPid) ? (owner as Owner) : undefined;
  } catch {
    return undefined;
  }
}

async function stopOrphan(pid: number, rootDir: string, timeoutMs: number): Promise<void> {
  if (!commandLine(pid)?.includes(rootDir)) return;
  const signal = (name: NodeJS.Signals): void => {
    try {
      process.kill(-pid, name);
    } catch {
      try {
        process.kill(pid, name);
      } catch {
        // gone already
      }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await delay(50);
  if (isAlive(pid)) signal('SIGKILL');
  while (isAlive(pid) && commandLine(pid)?.includes(rootDir)) await delay(50);
}

/** Sweeps what dead owners left behind (see the header); returns the root folders removed. */
export async function sweepOrphanedWireMocks(directory = tmpdir(), timeoutMs = 10_000): Promise<string[]> {
  let names: string[];
  try {
    names = readdirSync(directory).filter((name) => name.startsWith(ROOT_DIR_PREFIX));
  } catch {
    return [];
  }
  const swept: string[] = [];
  for (const name of names) {
    const rootDir = path.join(directory, name);
    const owner = readOwner(rootDir);
    // No owner file yet: a WireMock of a live process may be starting; leave it.
    if (!owner || isAlive(owner.ownerPid)) continue;
    await stopOrphan(owner.pid, rootDir, timeoutMs);
    rmSync(rootDir, { recursive: true, force: true });
    swept.push(rootDir);
  }
  return swept;
}
