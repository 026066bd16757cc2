/**
 * WireMock between PLSP and the databanks (the jar the npm package `wiremock` ships, run with Java 17+): PLSP sends
 * to <wiremock>/laba/... and <wiremock>/miba/..., lowest-priority pass-through mappings hand everything on to the
 * databanks, and scenarios put faults (errors, delays, dropped connections) in front of them with a higher priority
 * and read WireMock's request journal. This file is the one home of how WireMock runs, for both modes (a child
 * process, environments/wiremock/process.ts; a container, docker/wiremock-image.ts and
 * environments/containers/wiremock-container.ts), and of what the environments and the proxy driver agree on.
 * WireMock's own admin API (/__admin/...) is WireMock's, not an assumption of this project.
 */
import path from 'node:path';
import type { DatabankName } from './databank';

export const WIREMOCK_DEFAULT_PORT = 8707;

/** The jar of the npm package `wiremock`, on this machine. */
export const WIREMOCK_JAR = path.join(path.dirname(require.resolve('wiremock/package.json')), 'build', 'wiremock-standalone-3.13.2.jar');

/** Scenarios read the journal of a few requests each; a cap keeps a long run from filling memory. */
export const JOURNAL_LIMIT = 1000;

/** Heap of WireMock's JVM. */
export const WIREMOCK_HEAP = '-Xmx256m';

/**
 * WireMock lives as long as a run of the suite and spends most of its CPU starting: its JVM compiles with the quick
 * C1 compiler only and collects with the serial collector, which halves the CPU of a start (3.1 s to 2.2 s of CPU to
 * listen and answer its first admin calls on the 2-core machine; 1.5 s with the class archive of local mode,
 * environments/wiremock/class-archive.ts) at a cost in peak speed a test proxy never reaches.
 */
export const WIREMOCK_JVM_FLAGS: readonly string[] = [WIREMOCK_HEAP, '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

export interface WireMockLaunch {
  /** The jar as the JVM sees it (this machine's path, or the path inside the image). */
  jar: string;
  port: number;
  bindAddress: string;
  /** Where WireMock keeps mappings and files: an empty folder it may write to. */
  rootDir: string;
  /** Further JVM flags (local mode's class archive). */
  jvmFlags?: readonly string[];
}

/** The arguments of `java` that run WireMock, the same in both modes. Port 0: a free port, printed as `port: N`. */
export function wiremockJavaArguments(launch: WireMockLaunch): string[] {
  return [
    ...WIREMOCK_JVM_FLAGS,
    ...(launch.jvmFlags ?? []),
    '-jar', launch.jar,
    '--port', String(launch.port),
    '--bind-address', launch.bindAddress,
    '--root-dir', launch.rootDir,
    '--max-request-journal-entries', String(JOURNAL_LIMIT),
    '--disable-banner',
    '--async-response-enabled', 'true',
  ];
}

/** WireMock prints its options once it listens, `port:    8080` among them (after the banner line when it has one). */
export const WIREMOCK_PORT_LINE = /^port:\s+(\d+)/m;

/** The path prefix under which WireMock passes requests on to each databank. */
export const DATABANK_PREFIXES: Readonly<Record<DatabankName, string>> = { LABA: '/laba', MiBa: '/miba' };

/** The upload path of a databank as PLSP reaches it through WireMock. */
export function proxiedUploadPath(databank: DatabankName): string {
  return `${DATABANK_PREFIXES[databank]}/api/v1/upload`;
}

/** Priority of the pass-through mappings: WireMock's 1 is highest, so faults at 1..9 win. */
export const PROXY_PRIORITY = 10;
/** Priority of a scenario's faults. */
export const FAULT_PRIORITY = 1;

/** Metadata of a pass-through mapping: `$.databank` names the databank it proxies to. */
export type ProxyMappingMetadata = {
  lokalsvar: 'databank-proxy';
  databank: DatabankName;
};

/** Metadata of a scenario's fault: `$.owner` is the driver that put it there, and removes it. */
export type FaultMappingMetadata = {
  lokalsvar: 'fault';
  owner: string;
};
