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
  /**
   * Ports to publish on the host: a free one each on every IPv4 address (the test process reaches it at 127.0.0.1;
   * one binding per port, where the engine would otherwise set up one per address family, about 0.2 s of a pod's
   * start), or the one given on every address, IPv6 too (a vendor's LPS may reach the hub there).
   */
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
type Ports = NonNullable<RunContainerSpec['ports']>;
let RunContainer: (new (image: string, hooks: Hooks) => GenericContainer & { withPublishedPorts(ports: Ports): GenericContainer }) | undefined;

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

    /** RunContainerSpec.ports: testcontainers publishes on every address; a free port here on IPv4's alone. */
    withPublishedPorts(ports: Ports): this {
      this.withExposedPorts(...ports.map((port) => (port.host ? { container: port.container, host: port.host } : port.container)));
      for (const port of ports) {
        if (port.host) continue;
        const bindings = this.hostConfig.PortBindings?.[`${port.container}/tcp`] as { HostPort: string; HostIp?: string }[] | undefined;
        for (const binding of bindings ?? []) binding.HostIp = '0.0.0.0';
      }
      return this;
    }
  };
  return RunContainer;
}

/** Starts the container and waits for its ready line. */
export async function startRunContainer(spec: RunContainerSpec): Promise<StartedRunContainer> {
  const { Wait } = loadTestcontainers();
  const output = new LogTail(LOG_LINES_KEPT);
  const runContainer = new (runContainerClass())(spec.image, { beforeStart: spec.beforeStart, afterStart: spec.afterStart });
  if (spec.ports?.length) runContainer.withPublishedPorts(spec.ports);
  let container = runContainer
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
