/**
 * WireMock as a container of the WireMock image (docker/wiremock-image.ts), in the run's pod, with the databank
 * pass-through in place from its start, so PLSP can send to http://127.0.0.1:<WireMock's port>/laba/...
 * The pass-through mappings are files in WireMock's root dir, put into the container before it starts, which WireMock
 * loads as it starts: the databanks' addresses in the pod are fixed, and the cold JVM's first admin calls through the
 * gate cost about 0.4 s at the end of the start.
 *
 * WireMock listens on the pod's loopback only and its port is published nowhere: its admin API (faults, proxies,
 * shutdown) and request journal are reached from the host only through the token gate (stubs/wiremock-gate/gate.ts),
 * a container of the stubs image in the same pod, whose port the pod publishes, that passes on to WireMock only
 * requests carrying the access token.
 */
import { ACCESS_TOKEN_ENV } from '../../contracts/access';
import { DATABANKS, type DatabankName } from '../../contracts/databank';
import { WIREMOCK_PORT_LINE } from '../../contracts/wiremock';
import { wiremockImageArguments, WIREMOCK_IMAGE_PATHS } from '../../docker/wiremock-image';
import { WIREMOCK_GATE_NAME, WIREMOCK_GATE_UPSTREAM_ENV } from '../../stubs/wiremock-gate/gate';
import { databankProxyMapping } from '../wiremock/databank-proxies';
import { podUrl, POD_PORTS } from './pod';
import { startRunContainer } from './run-container';

/** main.ts prints `lokalsvar stub wiremock-gate listening on <url>` once the gate answers. */
const GATE_READY_LINE = 'listening on';

export interface WireMockContainerSpec {
  /** The WireMock image. */
  image: string;
  /** The stubs image, which runs the gate. */
  gateImage: string;
  /** The token the gate demands. */
  token: string;
  runId: string;
  /** The pod's NetworkMode (Pod.networkMode). */
  pod: string;
  /** Resolves once the pod runs (Pod.running): the containers are created meanwhile, and started then. */
  podRunning: Promise<void>;
  labels: Record<string, string>;
  startupTimeoutMs: number;
  /** The databanks as WireMock reaches them in the pod, e.g. http://127.0.0.1:8081. */
  databanks: Record<DatabankName, string>;
}

/** Starts WireMock, with the pass-through to the databanks, and its gate side by side in the pod. */
export async function startWireMockContainer(spec: WireMockContainerSpec): Promise<void> {
  const common = { runId: spec.runId, network: spec.pod, labels: spec.labels, startupTimeoutMs: spec.startupTimeoutMs, beforeStart: () => spec.podRunning };
  // allSettled, not all: when one fails the other finishes starting before the run is removed (see startEndpoints).
  const [wiremock, gate] = await Promise.allSettled([
    startRunContainer({
      ...common,
      image: spec.image,
      name: 'wiremock',
      description: 'WireMock',
      command: wiremockImageArguments(POD_PORTS.wiremock, '127.0.0.1'),
      readyLine: WIREMOCK_PORT_LINE,
      files: databankProxyFiles(spec.databanks),
    }),
    startRunContainer({
      ...common,
      image: spec.gateImage,
      name: WIREMOCK_GATE_NAME,
      description: 'The gate in front of WireMock',
      command: [WIREMOCK_GATE_NAME],
      // The upstream is resolved per request: the gate may be up before WireMock is.
      env: { [WIREMOCK_GATE_UPSTREAM_ENV]: podUrl('wiremock'), [ACCESS_TOKEN_ENV]: spec.token, PORT: String(POD_PORTS[WIREMOCK_GATE_NAME]), HOST: '0.0.0.0' },
      readyLine: GATE_READY_LINE,
    }),
  ]);
  if (wiremock.status === 'rejected') throw wiremock.reason;
  if (gate.status === 'rejected') throw gate.reason;
}

/** The pass-through to each databank as a mapping file WireMock loads from its root dir's mappings/ at start. */
export function databankProxyFiles(databanks: Record<DatabankName, string>): { target: string; content: string }[] {
  return DATABANKS.map((databank) => ({
    target: `${WIREMOCK_IMAGE_PATHS.rootDir}/mappings/databank-proxy-${databank.toLowerCase()}.json`,
    content: JSON.stringify(databankProxyMapping(databank, databanks[databank])),
  }));
}
