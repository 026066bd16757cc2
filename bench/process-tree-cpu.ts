/**
 * CPU time (user + sys) of a process and every process below it, sampled from /proc (Linux only): `/usr/bin/time`
 * misses what the run does not reap (Chromium's renderer and GPU processes). Each process counts with the last value
 * seen, so a process that lives shorter than one interval, or its last interval, is missed: sample often.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface ProcessStat {
  pid: number;
  ppid: number;
  name: string;
  /** utime + stime, in seconds. */
  cpuSeconds: number;
}

/** node and chromium by what they run: the script (run-suite.ts, run_worker.js ...) or Chromium's process type. */
function label(pid: number, name: string): string {
  if (name !== 'node' && name !== 'chromium') return name;
  try {
    // Chromium rewrites its command line into one string; node's is NUL-separated (tsx runs the script through a loader).
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    if (name === 'chromium') return `chromium ${/--type=([\w-]+)/.exec(command)?.[1] ?? 'browser'}`;
    const script = [...command.matchAll(/(?:^|\s)(\S+\.(?:ts|js|cjs|mjs)|\S*\/\.bin\/\S+)(?=\s|$)/g)].map((match) => match[1] as string).filter((path) => !/loader|preflight|tsx\/dist/.test(path)).pop();
    return `node ${script ? (script.split('/').pop() as string) : '?'}`;
  } catch {
    return name;
  }
}

function stat(pid: number): ProcessStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const fields = text.slice(close + 2).split(' ');
    // Fields after "(comm)": state ppid ... utime is field 14 of the whole line, so index 11 here; stime 12.
    return { pid, ppid: Number(fields[1]), name: label(pid, text.slice(text.indexOf('(') + 1, close)), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

function descendants(root: number): ProcessStat[] {
  const all = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).map(Number).map(stat).filter((found): found is ProcessStat => found !== undefined);
  const children = new Map<number, ProcessStat[]>();
  for (const found of all) children.set(found.ppid, [...(children.get(found.ppid) ?? []), found]);
  const tree: ProcessStat[] = [];
  const queue = all.filter((found) => found.pid === root);
  while (queue.length > 0) {
    const next = queue.shift() as ProcessStat;
    tree.push(next);
    queue.push(...(children.get(next.pid) ?? []));
  }
  return tree;
}

/** Samples the tree under root until stopped; the CPU seconds per process label (see label) and in all. */
export function sampleProcessTree(root: number, intervalMs = 200): { stop(): { total: number; byName: Record<string, number> } } {
  const last = new Map<number, ProcessStat>();
  const sample = (): void => {
    for (const found of descendants(root)) {
      // An exiting process (a zombie until reaped) has no command line left: it keeps the name it was seen with.
      const seen = last.get(found.pid);
      last.set(found.pid, seen && found.name.endsWith(' ?') ? { ...found, name: seen.name } : found);
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const byName: Record<string, number> = {};
      for (const found of last.values()) byName[found.name] = (byName[found.name] ?? 0) + found.cpuSeconds;
      return { total: Object.values(byName).reduce((sum, seconds) => sum + seconds, 0), byName };
    },
  };
}
