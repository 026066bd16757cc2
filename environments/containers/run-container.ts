/**
 * Starts one container of a run with the run's labels (so stop(), the exit fallback and the next run's leftover
 * sweep find it), waiting for a line it prints once it answers. The run's pod (./pod.ts) is started on the run's
 * network and publishes ports; every other container joins the pod's network namespace.
 * Never testcontainers' default wait strategy: it execs a shell in the container, and these images have none.
 */
import type { GenericContainer } from 'testcontainers';
import { loadTestcontainers } from '../../docker/testcontainers';
import { LogTail } from './log-tail';

const LOG_LINES_KEPT = 40;

export interface RunContainerSpec {
  image: string;
  /** The end of the container's name (lokalsvar-e2e-<run>-<name>). */
  name: string;
  /** What runs in it, for error messages, e.g. "The plsp stub". */
  description: string;
  runId: string;
  /** NetworkMode: the run's network (the pod), or `container:<pod>` to join the pod's namespace. */
  network: string;
  labels: Record<string, string>;
  /** Instead of the image's entrypoint. */
  entrypoint?: string[];
  command: string[];
  env?: Record<string, string>;
  /** A line the container prints once it answers. */
  readyLine: string | RegExp;
  startupTimeoutMs: number;
  /** Ports to publish on the host (all interfaces): a free one each, or the one given. */
  ports?: ReadonlyArray<{ container: number; host?: number }>;
  /** Files put into the container before it starts (owned by root, readable by all). */
  files?: ReadonlyArray<{ target: string; content: string }>;
  /** Called once the container exists, before it starts; the start waits for it (a failure fails the start). */
  beforeStart?: (id: string) => Promise<void>;
  /** Called once the engine has started the container, before its ready line is awaited. */
  afterStart?: () => void;
}

export interface StartedRunContainer {
  readonly id: string;
  /** http://<host>:<mapped port> of a published container port, as seen from this process. */
  hostUrl(containerPort: number): string;
}

type Hooks = Pick<RunContainerSpec, 'beforeStart' | 'afterStart'>;
let RunContainer: (new (image: string, hooks: Hooks) => GenericContainer) | undefined;

/** testcontainers' GenericContainer with a step between create and start, and one after the start (RunContainerSpec's hooks). */
function runContainerClass(): NonNullable<typeof RunContainer> {
  RunContainer ??= class extends loadTestcontainers().GenericContainer {
    constructor(
      image: string,
      private readonly hooks: Hooks,
    ) {
      super(image);
    }

    protected override async containerCreated(id: string): Promise<void> {
      await this.hooks.beforeStart?.(id);
    }

    protected override async containerStarting(): Promise<void> {
      this.hooks.afterStart?.();
    }
  };
  return RunContainer;
}

/** Starts the container and waits for its ready line. */
export async function startRunContainer(spec: RunContainerSpec): Promise<StartedRunContainer> {
  const { Wait } = loadTestcontainers();
  const output = new LogTail(LOG_LINES_KEPT);
  let container = new (runContainerClass())(spec.image, { beforeStart: spec.beforeStart, afterStart: spec.afterStart })
    .withName(`lokalsvar-e2e-${spec.runId}-${spec.name}`)
    .withCommand(spec.command)
    .withEnvironment(spec.env ?? {})
    .withNetworkMode(spec.network)
    .withLabels(spec.labels)
    .withWaitStrategy(Wait.forLogMessage(spec.readyLine))
    .withStartupTimeout(spec.startupTimeoutMs)
    .withLogConsumer((stream) => output.follow(stream));
  if (spec.entrypoint) container = container.withEntrypoint(spec.entrypoint);
  if (spec.files?.length) container = container.withCopyContentToContainer(spec.files.map((file) => ({ ...file, mode: 0o644 })));
  if (spec.ports?.length) container = container.withExposedPorts(...spec.ports.map((port) => (port.host ? { container: port.container, host: port.host } : port.container)));
  try {
    const started = await container.start();
    // 127.0.0.1 rather than localhost: the port testcontainers reports is the IPv4 binding, and no lookup
    // can pick ::1 instead.
    const host = started.getHost() === 'localhost' ? '127.0.0.1' : started.getHost();
    return { id: started.getId(), hostUrl: (port) => `http://${host}:${started.getMappedPort(port)}` };
  } catch (error) {
    const lines = output.text();
    throw new Error(
      `${spec.description} did not start in its container (${spec.image}): ${(error as Error).message}` +
        (lines ? `\nIts output:\n${lines}` : '\nIt printed nothing.'),
    );
  }
}
