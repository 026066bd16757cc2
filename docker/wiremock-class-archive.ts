/**
 * WireMock's image carries a class-data archive (AppCDS) of the classes WireMock loads at start, as local mode keeps
 * one per machine (environments/wiremock/class-archive.ts): with it WireMock's container is ready about 0.7 s sooner
 * and its JVM parses far fewer classes, on the 2 cores every container of the run shares at start.
 *
 * Made once per image, when it is built: WireMock runs in a container of the image built without it, exactly as
 * containers mode runs it, with -XX:ArchiveClassesAtExit; once it is ready it is stopped with SIGTERM, its JVM
 * writes the archive as it exits, and the container is committed as the image's tag. The archive belongs to the
 * image's own java and jar (the JVM checks both), and a JVM that cannot use it starts without it.
 */
import { PassThrough } from 'node:stream';
import { WIREMOCK_PORT_LINE, wiremockJavaArguments, type WireMockLaunch } from '../contracts/wiremock';
import { splitTag } from './engine-images';
import { runLabels } from './run-labels';
import { docker, type Docker } from './testcontainers';

/** How long WireMock may take to be ready in the warm-up container, and to write the archive as it exits. */
const WARM_UP_TIMEOUT_MS = 120_000;
const EXIT_TIMEOUT_S = 60;

/** The JVM flag that uses the archive at `file`. */
export function useClassArchive(file: string): string {
  return `-XX:SharedArchiveFile=${file}`;
}

/**
 * Runs WireMock once in a container of `plain` (launch: as the run starts it, without archive flags), has it write
 * the archive to `archive` and commits that container as `tag`. Fails, naming what WireMock printed, when it is not
 * ready in time or wrote no archive; the container is removed in any case.
 */
export async function commitWithClassArchive(plain: string, tag: string, launch: WireMockLaunch, archive: string): Promise<void> {
  const engine = await docker();
  const container = await engine.createContainer({
    Image: plain,
    Cmd: wiremockJavaArguments({ ...launch, jvmFlags: [...(launch.jvmFlags ?? []), `-XX:ArchiveClassesAtExit=${archive}`] }),
    HostConfig: { NetworkMode: 'none' },
    // Labelled like a run's containers: if this process is stopped or killed before it removes it below, the next
    // containers run removes it (environments/containers/run-resources.ts, removeLeftovers).
    Labels: runLabels(`image-build-${process.pid}`),
  });
  const printed = { text: '' };
  try {
    await startUntilReady(container, printed);
    await container.stop({ t: EXIT_TIMEOUT_S });
    await container.wait();
    // Asked from the container's changes: an archive download left unread would hold the container's lock in the
    // engine, and dockerode's HEAD request for a file's details keeps its socket open for minutes.
    const changes = ((await container.changes()) ?? []) as Array<{ Path: string }>;
    if (!changes.some((change) => change.Path === archive)) throw new Error(`WireMock's JVM wrote no class archive at ${archive} as it exited`);
    const { repo, version } = splitTag(tag);
    // The warm-up's arguments are not the image's: it keeps no command of its own (the run gives every argument).
    await container.commit({ repo, tag: version, changes: 'CMD []' });
  } catch (error) {
    throw new Error(`Could not give the WireMock image ${tag} its class archive: ${(error as Error).message}\nWireMock printed:\n${printed.text.trim().split('\n').slice(-20).join('\n')}`);
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}

type Container = Awaited<ReturnType<Docker['createContainer']>>;

/**
 * Starts a created WireMock container and resolves once it has printed its port line (WireMock listens); everything
 * it prints meanwhile is added to printed.text. Fails when it ends first or is not ready in time.
 */
export async function startUntilReady(container: Container, printed: { text: string }, timeoutMs = WARM_UP_TIMEOUT_MS): Promise<void> {
  const engine = await docker();
  await container.start();
  // Followed from the container's start: nothing it printed before this call is missed.
  const logs = await container.logs({ follow: true, stdout: true, stderr: true });
  const text = new PassThrough();
  engine.modem.demuxStream(logs, text, text);
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`WireMock was not ready within ${timeoutMs / 1000} s`)), timeoutMs);
    text.setEncoding('utf8').on('data', (chunk: string) => {
      printed.text += chunk;
      if (WIREMOCK_PORT_LINE.test(printed.text)) {
        clearTimeout(timer);
        resolve();
      }
    });
    logs.on('end', () => {
      clearTimeout(timer);
      reject(new Error('WireMock ended before it was ready'));
    });
  });
  // The followed logs are let go once ready: an open stream would keep this process alive.
  await ready.finally(() => (logs as unknown as { destroy(): void }).destroy());
}
