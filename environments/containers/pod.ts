/**
 * The run's pod: one small container that holds the run's network namespace, on the run's Docker network, and
 * publishes the ports the test process reaches. Every other container of the run (the six stubs, WireMock and its
 * gate) joins that namespace (NetworkMode `container:<pod>`), as the containers of a Kubernetes pod do, and listens
 * on a port of its own there (POD_PORTS); they reach each other at 127.0.0.1:<port>.
 *
 * Why: on a 2-core machine the Docker engine spends about 0.6 s setting up each container that gets a namespace,
 * a veth pair on a bridge and a published port of its own, and does so one at a time; a container that joins an
 * existing namespace costs about 0.2 s. Each system still runs in its own container, from the image, configured by
 * its environment alone, and talks HTTP over TCP to the others; what the pod gives up is name resolution between
 * them (README, "Containers mode").
 */
import { WIREMOCK_GATE_NAME } from '../../stubs/wiremock-gate/gate';
import type { EndpointName, SystemName } from '../environment';
import { startRunContainer, type StartedRunContainer } from './run-container';

/** What listens in the pod: the systems, WireMock, and the gate in front of WireMock. */
export type PodMember = EndpointName | typeof WIREMOCK_GATE_NAME;

/** The port each member listens on inside the pod. */
export const POD_PORTS: Readonly<Record<PodMember, number>> = {
  [WIREMOCK_GATE_NAME]: 8080,
  laba: 8081,
  miba: 8082,
  labportal: 8083,
  sundhedsjournal: 8084,
  plsp: 8085,
  'pilot-lps': 8086,
  // Not published: only the members (PLSP) and the gate reach it, and it listens on the pod's loopback alone.
  wiremock: 8087,
};

/** The members the test process reaches on a port of the host; WireMock only through its gate. */
export type PublishedMember = Exclude<PodMember, 'wiremock'>;

/** How one member reaches another inside the pod. */
export function podUrl(member: PodMember): string {
  return `http://127.0.0.1:${POD_PORTS[member]}`;
}

/** The pod prints this once it runs; it answers nothing itself. */
const POD_READY_LINE = 'pod ready';
/** Holds the namespace and does nothing else; exits at once on SIGTERM (as process 1 it would otherwise not). */
const POD_PROGRAM = `process.on('SIGTERM', () => process.exit(0)); console.log('${POD_READY_LINE}'); setInterval(() => {}, 1 << 30);`;

export interface PodSpec {
  /** Any image with node at /usr/local/bin/node: the stubs image. */
  image: string;
  runId: string;
  networkName: string;
  labels: Record<string, string>;
  startupTimeoutMs: number;
  /** Fixed host ports per member (e.g. PLSP's, for a vendor's LPS); the others get free ports. */
  hostPorts?: Partial<Record<PublishedMember, number>>;
}

export interface Pod {
  /** NetworkMode for a container that joins the pod. */
  readonly networkMode: string;
  /**
   * Resolves once the engine has started the pod's container: its namespace exists, and members may start in it. Rejects
   * when the pod did not get that far.
   */
  readonly running: Promise<void>;
  /** Resolves once the pod's program runs too (its ready line), with its ports published; rejects when it did not start. */
  readonly ready: Promise<void>;
  /** Base URL of a published member as reached from this process; once the pod is ready. */
  hostUrl(member: PublishedMember): string;
}

export const PUBLISHED_MEMBERS = (Object.keys(POD_PORTS) as PodMember[]).filter((member): member is PublishedMember => member !== 'wiremock');

/**
 * Creates the pod on the run's network, publishing every member's port but WireMock's, and starts it; resolves as
 * soon as it exists, so members can be created while it starts (they start once the engine has started it:
 * Pod.running, about 0.1-0.2 s before its program prints its ready line on a busy machine).
 */
export async function createPod(spec: PodSpec): Promise<Pod> {
  let created!: (id: string) => void;
  const exists = new Promise<string>((resolve) => (created = resolve));
  let engineStarted!: () => void;
  const startedByEngine = new Promise<void>((resolve) => (engineStarted = resolve));
  const started = startRunContainer({
    image: spec.image,
    name: 'pod',
    description: "The run's pod (the network the containers share)",
    runId: spec.runId,
    network: spec.networkName,
    labels: spec.labels,
    entrypoint: ['/usr/local/bin/node', '-e', POD_PROGRAM],
    command: [],
    readyLine: POD_READY_LINE,
    startupTimeoutMs: spec.startupTimeoutMs,
    ports: PUBLISHED_MEMBERS.map((member) => ({ container: POD_PORTS[member], host: spec.hostPorts?.[member] })),
    beforeStart: async (id) => created(id),
    afterStart: () => engineStarted(),
  });
  // A start that fails before the container exists fails here; one that fails later, through running.
  const id = await Promise.race([exists, started.then(() => exists)]);
  const ready = started.then(() => undefined);
  // Whichever comes first: a pod that fails before the engine started it fails running too.
  const running = Promise.race([startedByEngine, ready]);
  // Handled by whoever awaits them; never an unhandled rejection meanwhile.
  ready.catch(() => undefined);
  running.catch(() => undefined);
  let pod: StartedRunContainer | undefined;
  void started.then((container) => (pod = container), () => undefined);
  return {
    networkMode: `container:${id}`,
    running,
    ready,
    hostUrl: (member) => {
      if (!pod) throw new Error(`The run's pod is not ready yet: no URL for ${member}`);
      return pod.hostUrl(POD_PORTS[member]);
    },
  };
}

/** A stub's own port in the pod, given as PORT (stubs/main.ts). */
export function systemListen(system: SystemName): Record<string, string> {
  return { PORT: String(POD_PORTS[system]), HOST: '0.0.0.0' };
}
