/**
 * WireMock (the jar the npm package `wiremock` ships) as a child process on loopback: the proxy between PLSP and
 * the databanks in the embedded default. Java is spawned directly, since the npm bin does not forward signals, in a
 * process group of its own (so a Ctrl-C reaches this process only, which stops WireMock after what depends on it).
 * Stopped on stop(), and through the cleanup registry on Ctrl-C, SIGTERM and exit. What a killed process left
 * behind (the JVM holding its port, the temporary folder) is swept at the next start (leftovers.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WIREMOCK_JAR, WIREMOCK_JVM_FLAGS, WIREMOCK_PORT_LINE, wiremockJavaArguments } from '../../contracts/wiremock';
import { classArchive } from './class-archive';
import { findJavaBinary } from '../../docker/java-runtime';
import { registerCleanup } from '../cleanup';
import { ROOT_DIR_PREFIX, sweepOrphanedWireMocks, writeOwnerFile } from './leftovers';

export interface RunningWireMock {
  /** Base URL, no trailing slash: the proxy routes and /__admin. */
  url: string;
  stop(): Promise<void>;
}

function waitForPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`WireMock printed no port within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = WIREMOCK_PORT_LINE.exec(output);
      if (match) finish(() => resolve(Number(match[1])));
    };
    const onExit = (code: number | null): void => fail(new Error(`WireMock exited (${code}) before it listened:\n${output}`));
    const onError = (error: Error): void =>
      fail(new Error(`WireMock could not start (${error.message}): Java 17 or newer must be on PATH, or set JAVA to its path`));
    function finish(then: () => void): void {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      then();
    }
    function fail(error: Error): void {
      finish(() => reject(error));
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

export async function startWireMockProcess(listen: { host: string; port: number } = { host: '127.0.0.1', port: 0 }, timeoutMs = 30_000): Promise<RunningWireMock> {
  await sweepOrphanedWireMocks();
  const rootDir = mkdtempSync(path.join(tmpdir(), ROOT_DIR_PREFIX));
  const java = process.env.JAVA ?? 'java';
  const archive = classArchive(findJavaBinary(), WIREMOCK_JAR, WIREMOCK_JVM_FLAGS);
  const child = spawn(java, wiremockJavaArguments({ jar: WIREMOCK_JAR, port: listen.port, bindAddress: listen.host, rootDir, jvmFlags: archive.flags }), {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid !== undefined) writeOwnerFile(rootDir, { pid: child.pid, ownerPid: process.pid });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // WireMock keeps nothing worth a graceful shutdown (its root folder is removed after it), and by the time it is
  // stopped its callers have stopped: SIGKILL ends it at once, where SIGTERM took a third of a second of Jetty's
  // shutdown. Only a JVM that writes the class archive at its exit is asked to exit (class-archive.ts).
  const signal = archive.writesAtExit ? 'SIGTERM' : 'SIGKILL';
  const kill = (): void => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      child.kill(signal);
    }
  };
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      unregister();
      kill();
      await exited;
      archive.settle();
      rmSync(rootDir, { recursive: true, force: true });
    })());
  const unregister = registerCleanup('WireMock', stop, { onExit: kill });
  try {
    const port = await waitForPort(child, timeoutMs);
    child.stdout?.resume();
    child.stderr?.resume();
    const url = `http://${listen.host === '0.0.0.0' ? '127.0.0.1' : listen.host}:${port}`;
    const health = await fetch(`${url}/__admin/health`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!health.ok) throw new Error(`WireMock at ${url} answered ${health.status} to /__admin/health`);
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
