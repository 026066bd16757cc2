/**
 * WireMock as a container of the WireMock image (docker/wiremock-image.ts), on the run's network under the alias
 * `wiremock`, with the databank pass-through installed, so PLSP can send to http://wiremock:8080/laba/...
 */
import type { DatabankName } from '../../contracts/databank';
import { WIREMOCK_PORT_LINE, wiremockJavaArguments } from '../../contracts/wiremock';
import { WIREMOCK_IMAGE_PATHS } from '../../docker/wiremock-image';
import { installDatabankProxies } from '../wiremock/databank-proxies';
import { CONTAINER_PORT, startRunContainer } from './run-container';

export interface WireMockContainerSpec {
  image: string;
  runId: string;
  networkName: string;
  labels: Record<string, string>;
  startupTimeoutMs: number;
  /** A fixed host port instead of a free one. */
  hostPort?: number;
  /** The databanks as WireMock reaches them on the network, e.g. http://laba:8080. */
  databanks: Record<DatabankName, string>;
}

/** Starts WireMock and installs the databank pass-through; returns its base URL as seen from this process. */
export async function startWireMockContainer(spec: WireMockContainerSpec): Promise<string> {
  const url = await startRunContainer({
    image: spec.image,
    endpoint: 'wiremock',
    description: 'WireMock',
    runId: spec.runId,
    networkName: spec.networkName,
    labels: spec.labels,
    // The image's entrypoint is java; the arguments are the ones local mode runs WireMock with.
    command: wiremockJavaArguments({ ...WIREMOCK_IMAGE_PATHS, port: CONTAINER_PORT, bindAddress: '0.0.0.0' }),
    readyLine: WIREMOCK_PORT_LINE,
    startupTimeoutMs: spec.startupTimeoutMs,
    ...(spec.hostPort ? { hostPort: spec.hostPort } : {}),
  });
  await installDatabankProxies(url, spec.databanks);
  return url;
}
