/** The shared libraries a binary loads, as `ldd` lists them, including the dynamic loader. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { withFileStamps } from './file-stamp-cache';

const run = promisify(execFile);

export interface SharedLibraryOptions {
  /**
   * Libraries the image gets some other way, e.g. a JDK's own, copied with its folder. Asked with the path ldd
   * found, or with the bare name where ldd found none (libjvm.so is found at run time, not by ldd): those are
   * left out, and a provided library ldd cannot find is not an error.
   */
  provided?: (library: string) => boolean;
}

/** Absolute paths of every library `ldd` lists for these binaries (loader included, vDSO left out), sorted. */
export async function sharedLibraries(binaries: readonly string[], options: SharedLibraryOptions = {}): Promise<string[]> {
  const outputs = await Promise.all(binaries.map(async (binary) => parseLdd(binary, await ldd(binary), options)));
  return [...new Set(outputs.flat())].sort();
}

/** The dynamic loader's cache of library paths: `ldconfig` rewrites it when libraries are installed or removed. */
const LOADER_CACHE = '/etc/ld.so.cache';

/**
 * ldd's output for a binary, remembered while the binary, the loader's cache and every library it listed are
 * unchanged (docker/file-stamp-cache.ts): each ldd runs the loader in a process of its own, about 40 ms, and the
 * Java image asks about 28 binaries on every run.
 */
function ldd(binary: string): Promise<string> {
  return withFileStamps('ldd', `${binary}\0${process.env.LD_LIBRARY_PATH ?? ''}`, async () => {
    const output = await runLdd(binary);
    const listed = output.split('\n').flatMap((line) => /=>\s*(\/\S+)/.exec(line)?.[1] ?? /^\s*(\/\S+)/.exec(line)?.[1] ?? []);
    return { value: output, files: [binary, LOADER_CACHE, ...listed] };
  });
}

async function runLdd(binary: string): Promise<string> {
  try {
    return (await run('ldd', [binary])).stdout;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new Error('ldd not found: the base image is made from this machine\'s libraries; install libc-bin (glibc)');
    }
    throw new Error(`ldd ${binary} failed: ${(error as Error).message}`);
  }
}

/**
 * Lines look like `libm.so.6 => /lib/x86_64-linux-gnu/libm.so.6 (0x...)`, `/lib64/ld-linux-x86-64.so.2 (0x...)`,
 * `libjvm.so => not found` or `linux-vdso.so.1 (0x...)` (in the kernel, no file).
 */
export function parseLdd(binary: string, output: string, options: SharedLibraryOptions = {}): string[] {
  const provided = options.provided ?? (() => false);
  const libraries: string[] = [];
  for (const raw of output.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('linux-vdso') || line.startsWith('linux-gate')) continue;
    if (line.includes('not found')) {
      if (provided(line.split(/\s/)[0] ?? line)) continue;
      throw new Error(`${binary} needs a library this machine lacks: ${line}`);
    }
    if (line === 'statically linked' || line.includes('not a dynamic executable')) continue;
    const resolved = /=>\s*(\/\S+)/.exec(line)?.[1] ?? /^(\/\S+)/.exec(line)?.[1];
    if (resolved && !provided(resolved)) libraries.push(resolved);
  }
  return libraries;
}
