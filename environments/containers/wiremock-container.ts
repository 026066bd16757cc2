/**
 * WireMock as a container of the WireMock image (docker/wiremock-image.ts), on the run's network under the alias
 * `wiremock`, with the databank pass-through installed, so PLSP can send to http://wiremock:8080/laba/...
 *
 * WireMock's own port is published nowhere: its admin API (faults, proxies, shutdown) and request journal are
 * reached from the host only through the token gate (stubs/wiremock-gate/gate.ts), a container of the stubs image
 * under the alias `wiremock-gate` that passes on to http://wiremock:8080 only requests carrying the access token.
 */
import { accessHeaders, ACCESS_TOKEN_ENV } from '../../contracts/access';
import type { DatabankName } from '../../contracts/databank';
import { WIREMOCK_PORT_LINE, wiremockJavaArguments } from '../../contracts/wiremock';
import { WIREMOCK_IMAGE_PATHS } from '../../docker/wiremock-image';
import { WIREMOCK_GATE_NAME, WIREMOCK_GATE_UPSTREAM_ENV } from '../../stubs/wiremock-gate/gate';
import { installDatabankProxies } from '../wiremock/databank-proxies';
import { CONTAINER_PORT, startRunContainer } from './run-container';

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
  networkName: string;
  labels: Record<string, string>;
  startupTimeoutMs: number;
  /** A fixed host port for the gate instead of a free one. */
  hostPort?: number;
  /** The databanks as WireMock reaches them on the network, e.g. http://laba:8080. */
  databanks: Record<DatabankName, string>;
}

/**
 * Starts WireMock (unpublished) and its gate side by side, then installs the pass-through through the gate; returns
 * the gate's base URL as seen from this process.
 */
export async function startWireMockContainer(spec: WireMockContainerSpec): Promise<string> {
  const common = { runId: spec.runId, networkName: spec.networkName, labels: spec.labels, startupTimeoutMs: spec.startupTimeoutMs };
  // allSettled, not all: when one fails the other finishes starting before the run is removed (see startEndpoints).
  const [wiremock, gate] = await Promise.allSettled([
    startRunContainer({
      ...common,
      image: spec.image,
      endpoint: 'wiremock',
      description: 'WireMock',
      // The image's entrypoint is java; the arguments are the ones local mode runs WireMock with.
      command: wiremockJavaArguments({ ...WIREMOCK_IMAGE_PATHS, port: CONTAINER_PORT, bindAddress: '0.0.0.0' }),
      readyLine: WIREMOCK_PORT_LINE,
      published: false,
    }),
    startRunContainer({
      ...common,
      image: spec.gateImage,
      endpoint: WIREMOCK_GATE_NAME,
      description: 'The gate in front of WireMock',
      command: [WIREMOCK_GATE_NAME],
      // The upstream is resolved per request: the gate may be up before WireMock is.
      env: { [WIREMOCK_GATE_UPSTREAM_ENV]: `http://wiremock:${CONTAINER_PORT}`, [ACCESS_TOKEN_ENV]: spec.token, PORT: String(CONTAINER_PORT), HOST: '0.0.0.0' },
      readyLine: GATE_READY_LINE,
      ...(spec.hostPort ? { hostPort: spec.hostPort } : {}),
    }),
  ]);
  if (wiremock.status === 'rejected') throw wiremock.reason;
  if (gate.status === 'rejected') throw gate.reason;
  await installDatabankProxies(gate.value, spec.databanks, accessHeaders(spec.token));
  return gate.value;
}
