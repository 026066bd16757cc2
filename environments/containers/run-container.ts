/**
 * Starts one container of a run: on the run's network under its endpoint name, with the run's labels (so stop(),
 * the exit fallback and the next run's leftover sweep find it), waiting for a line it prints once it answers.
 * Never testcontainers' default wait strategy: it execs a shell in the container, and these images have none.
 */
import { loadTestcontainers } from '../../docker/testcontainers';
import type { WIREMOCK_GATE_NAME } from '../../stubs/wiremock-gate/gate';
import type { EndpointName } from '../environment';
import { LogTail } from './log-tail';

/** The port every container of a run listens on. */
export const CONTAINER_PORT = 8080;
const LOG_LINES_KEPT = 40;

export interface RunContainerSpec {
  image: string;
  /** Network alias, and the end of the container's name. */
  endpoint: EndpointName | typeof WIREMOCK_GATE_NAME;
  /** What runs in it, for error messages, e.g. "The plsp stub". */
  description: string;
  runId: string;
  networkName: string;
  labels: Record<string, string>;
  command: string[];
  env?: Record<string, string>;
  /** A line the container prints once it answers on CONTAINER_PORT. */
  readyLine: string | RegExp;
  startupTimeoutMs: number;
  /** A fixed port on the host (all interfaces) instead of a free one, e.g. PLSP's for a vendor's LPS. */
  hostPort?: number;
  /**
   * False: no port on the host at all (WireMock, whose admin API only the gate may reach); the container is then
   * reachable on the run's network only. Default true.
   */
  published?: boolean;
}

/**
 * Starts the container and waits for its ready line; returns its base URL as seen from this process, or for one
 * not published, as seen on the run's network (http://<endpoint>:8080).
 */
export async function startRunContainer(spec: RunContainerSpec): Promise<string> {
  const { GenericContainer, Wait } = loadTestcontainers();
  const output = new LogTail(LOG_LINES_KEPT);
  const published = spec.published ?? true;
  let container = new GenericContainer(spec.image)
    .withName(`lokalsvar-e2e-${spec.runId}-${spec.endpoint}`)
    .withCommand(spec.command)
    .withEnvironment(spec.env ?? {});
  if (published) container = container.withExposedPorts(spec.hostPort ? { container: CONTAINER_PORT, host: spec.hostPort } : CONTAINER_PORT);
  container = container
    .withNetworkMode(spec.networkName)
    .withNetworkAliases(spec.endpoint)
    .withLabels(spec.labels)
    .withWaitStrategy(Wait.forLogMessage(spec.readyLine))
    .withStartupTimeout(spec.startupTimeoutMs)
    .withLogConsumer((stream) => output.follow(stream));
  try {
    const started = await container.start();
    if (!published) return `http://${spec.endpoint}:${CONTAINER_PORT}`;
    // 127.0.0.1 rather than localhost: the port testcontainers reports is the IPv4 binding, and no lookup
    // can pick ::1 instead.
    const host = started.getHost() === 'localhost' ? '127.0.0.1' : started.getHost();
    return `http://${host}:${started.getMappedPort(CONTAINER_PORT)}`;
  } catch (error) {
    const lines = output.text();
    throw new Error(
      `${spec.description} did not start in its container (${spec.image}): ${(error as Error).message}` +
        (lines ? `\nIts output:\n${lines}` : '\nIt printed nothing.'),
    );
  }
}
