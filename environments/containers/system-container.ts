/** Starts one system's stub as a container of the stubs image, in the run's pod on the system's own port. */
import type { SystemName } from '../environment';
import { systemListen } from './pod';
import { startRunContainer } from './run-container';

/** main.ts prints `lokalsvar stub <name> listening on <url>` once the stub answers. */
const READY_LINE = 'listening on';

export interface SystemContainerSpec {
  image: string;
  system: SystemName;
  runId: string;
  /** The pod's NetworkMode (Pod.networkMode). */
  pod: string;
  /** Resolves once the pod runs (Pod.running): the container is created meanwhile, and started then. */
  podRunning?: Promise<void>;
  env: Record<string, string>;
  labels: Record<string, string>;
  startupTimeoutMs: number;
}

/** Starts the container and waits for the ready line. */
export async function startSystemContainer(spec: SystemContainerSpec): Promise<void> {
  await startRunContainer({
    image: spec.image,
    name: spec.system,
    description: `The ${spec.system} stub`,
    runId: spec.runId,
    network: spec.pod,
    labels: spec.labels,
    command: [spec.system],
    env: { ...spec.env, ...systemListen(spec.system) },
    readyLine: READY_LINE,
    startupTimeoutMs: spec.startupTimeoutMs,
    ...(spec.podRunning ? { beforeStart: () => spec.podRunning as Promise<void> } : {}),
  });
}
