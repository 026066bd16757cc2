/** Starts one system's stub as a container of the stubs image, on the run's network under its system name. */
import type { Readable } from 'node:stream';
import { loadTestcontainers } from '../../docker/testcontainers';
import type { SystemName } from '../environment';

/** The port every stub listens on inside its container. */
export const CONTAINER_PORT = 8080;
/** main.ts prints `lokalsvar stub <name> listening on <url>` once the stub answers. */
const READY_LINE = 'listening on';
const LOG_LINES_KEPT = 40;

export interface SystemContainerSpec {
  image: string;
  system: SystemName;
  runId: string;
  networkName: string;
  env: Record<string, string>;
  labels: Record<string, string>;
  startupTimeoutMs: number;
}

/** Starts the container and waits for the ready line; returns the stub's base URL as seen from this process. */
export async function startSystemContainer(spec: SystemContainerSpec): Promise<string> {
  const { GenericContainer, Wait } = loadTestcontainers();
  const output = new LogTail(LOG_LINES_KEPT);
  const container = new GenericContainer(spec.image)
    .withName(`lokalsvar-e2e-${spec.runId}-${spec.system}`)
    .withCommand([spec.system])
    .withEnvironment({ ...spec.env, PORT: String(CONTAINER_PORT), HOST: '0.0.0.0' })
    .withExposedPorts(CONTAINER_PORT)
    .withNetworkMode(spec.networkName)
    .withNetworkAliases(spec.system)
    .withLabels(spec.labels)
    // Not the default strategy: it execs a shell in the container, and this image has none.
    .withWaitStrategy(Wait.forLogMessage(READY_LINE))
    .withStartupTimeout(spec.startupTimeoutMs)
    .withLogConsumer((stream) => output.follow(stream));
  try {
    const started = await container.start();
    // 127.0.0.1 rather than localhost: the port testcontainers reports is the IPv4 binding, and no lookup
    // can pick ::1 instead.
    const host = started.getHost() === 'localhost' ? '127.0.0.1' : started.getHost();
    return `http://${host}:${started.getMappedPort(CONTAINER_PORT)}`;
  } catch (error) {
    const lines = output.text();
    throw new Error(
      `The ${spec.system} stub did not start in its container (${spec.image}): ${(error as Error).message}` +
        (lines ? `\nIts output:\n${lines}` : '\nIt printed nothing.'),
    );
  }
}

/** The last lines a container printed, for error messages. */
class LogTail {
  private readonly lines: string[] = [];
  private partial = '';

  constructor(private readonly keep: number) {}

  follow(stream: Readable): void {
    stream.on('data', (chunk: Buffer | string) => this.add(chunk.toString()));
    stream.on('error', () => undefined);
  }

  text(): string {
    return [...this.lines, this.partial].filter(Boolean).map((line) => `  ${line}`).join('\n');
  }

  private add(chunk: string): void {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts);
    if (this.lines.length > this.keep) this.lines.splice(0, this.lines.length - this.keep);
  }
}
