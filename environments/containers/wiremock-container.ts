/**
 * WireMock as a container of the WireMock image (docker/wiremock-image.ts), on the run's network under the alias
 * `wiremock`, with the databank pass-through installed, so PLSP can send to http://wiremock:8080/laba/...
 */
import type { DatabankName } from '../../contracts/databank';
import { installDatabankProxies } from '../wiremock/databank-proxies';
import { JOURNAL_LIMIT } from '../wiremock/process';
import { CONTAINER_PORT, startRunContainer } from './run-container';

/**
 * WireMock prints its options once its server is started (`port:    8080` among them); with --disable-banner
 * after the line "The WireMock server is started .....".
 */
const READY_LINE = /^port:\s+\d+/;

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
    // The image's entrypoint runs the jar with its heap and root dir; these are the options local mode uses too.
    command: [
      '--port', String(CONTAINER_PORT),
      '--bind-address', '0.0.0.0',
      '--max-request-journal-entries', String(JOURNAL_LIMIT),
      '--disable-banner',
      '--async-response-enabled', 'true',
    ],
    readyLine: READY_LINE,
    startupTimeoutMs: spec.startupTimeoutMs,
    ...(spec.hostPort ? { hostPort: spec.hostPort } : {}),
  });
  await installDatabankProxies(url, spec.databanks);
  return url;
}
