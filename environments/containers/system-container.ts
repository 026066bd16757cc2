/** Starts one system's stub as a container of the stubs image, on the run's network under its system name. */
import type { SystemName } from '../environment';
import { CONTAINER_PORT, startRunContainer } from './run-container';

export { CONTAINER_PORT };
/** main.ts prints `lokalsvar stub <name> listening on <url>` once the stub answers. */
const READY_LINE = 'listening on';

export interface SystemContainerSpec {
  image: string;
  system: SystemName;
  runId: string;
  networkName: string;
  env: Record<string, string>;
  labels: Record<string, string>;
  startupTimeoutMs: number;
  /** A fixed host port instead of a free one. */
  hostPort?: number;
}

/** Starts the container and waits for the ready line; returns the stub's base URL as seen from this process. */
export function startSystemContainer(spec: SystemContainerSpec): Promise<string> {
  return startRunContainer({
    image: spec.image,
    endpoint: spec.system,
    description: `The ${spec.system} stub`,
    runId: spec.runId,
    networkName: spec.networkName,
    labels: spec.labels,
    command: [spec.system],
    env: { ...spec.env, PORT: String(CONTAINER_PORT), HOST: '0.0.0.0' },
    readyLine: READY_LINE,
    startupTimeoutMs: spec.startupTimeoutMs,
    ...(spec.hostPort ? { hostPort: spec.hostPort } : {}),
  });
}
