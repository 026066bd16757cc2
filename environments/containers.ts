/**
 * Containers mode: every system runs as its own container of the stubs image, and WireMock as a container of the
 * WireMock image between PLSP and the databanks, all in the run's pod (environments/containers/pod.ts): one network
 * namespace, on the run's Docker network, where each listens on a port of its own and reaches the others at
 * 127.0.0.1:<port>. The test process reaches them on ports the pod publishes, WireMock only through its token gate
 * (environments/containers/wiremock-container.ts): its own port is published nowhere. The run always has an access token: the one given, else one made for the gate alone, which
 * the environment hands on (Environment.accessToken) so the drivers send it. Needs a Docker engine but no registry (see docker/root-image.ts, docker/stubs-image.ts and
 * docker/wiremock-image.ts).
 *
 * Everything is labelled with the run (docker/run-labels.ts) and registered with the process-wide
 * cleanup registry, so containers go away on stop(), Ctrl-C, SIGTERM and normal exit; a run that was killed
 * outright is swept up by the next one.
 */
import { randomBytes } from 'node:crypto';
import { dockerAvailable } from '../docker/availability';
import { ensureStubsImage } from '../docker/stubs-image';
import { containerRuntime, type Docker } from '../docker/testcontainers';
import { ensureWireMockImage } from '../docker/wiremock-image';
import { registerCleanup } from './cleanup';
import { newRunId, runLabels } from '../docker/run-labels';
import { cliDockerHost, removalEngine, removeLeftovers, removeRun, removeRunInBackground, removeRunSync, type RemovalEngine } from './containers/run-resources';
import { createPod, podUrl, type PublishedMember } from './containers/pod';
import { startSystemContainer } from './containers/system-container';
import { startWireMockContainer } from './containers/wiremock-container';
import { SYSTEMS, type EndpointName, type Environment, type EnvironmentOptions, type SystemName } from './environment';
import { WIREMOCK_GATE_NAME } from '../stubs/wiremock-gate/gate';
import { stubEnv, withHubKey } from './wiring';

export interface ContainersOptions {
  /** A stubs image tag to run instead of building one from this tree (ensureStubsImage()). */
  image?: string;
  /** A WireMock image tag to run instead of building one (ensureWireMockImage()). */
  wiremockImage?: string;
  /** How long one container (a stub, WireMock) may take to print its ready line; default 30 s. */
  startupTimeoutMs?: number;
  /** Fixed host ports per endpoint (e.g. PLSP's, for a vendor's LPS); the others get free ports. */
  hostPorts?: Partial<Record<EndpointName, number>>;
}

export interface ContainersEnvironment extends Environment {
  readonly kind: 'containers';
  /** Always set in containers mode (WireMock's gate demands it). */
  readonly accessToken: string;
  /** The docker CLI removes the run in a process of its own (environments/containers/run-resources.ts). */
  stopInBackground(): boolean;
  /** The run's id: the value of the lokalsvar-e2e.run label on its containers and network. */
  readonly runId: string;
  /** The run's Docker network: the pod is on it, and every other container shares the pod's namespace. */
  readonly networkName: string;
  /** Stubs image the systems' containers run. */
  readonly image: string;
  /** Image the WireMock container runs. */
  readonly wiremockImage: string;
}

const DEFAULT_STARTUP_TIMEOUT_MS = 30_000;
/** While stop() waits for starts in flight, how often it removes what they created meanwhile. */
const STOP_DURING_START_SWEEP_MS = 500;
/** Beyond the startup timeout (which bounds every start in flight), how long stop() waits for them at most. */
const STOP_DURING_START_MARGIN_MS = 15_000;

export async function startContainersEnvironment(
  given: EnvironmentOptions = {},
  containers: ContainersOptions = {},
): Promise<ContainersEnvironment> {
  const options = withHubKey(given);
  // Published ports listen on every interface: the gate in front of WireMock and every system demand this token.
  const token = options.accessToken ?? randomBytes(24).toString('hex');
  const availability = await dockerAvailable();
  if (!availability.ok) throw new Error(`Containers mode needs a Docker engine, and ${availability.reason}`);
  // Both images at once: neither needs the other (on a cold engine, the node and Java bases import side by side).
  // Meanwhile the leftovers of earlier runs are removed and the run's network is created (startEndpoints); the pod
  // waits for the stubs image alone, WireMock for its own.
  const images = { stubs: settleLater(Promise.resolve(containers.image ?? ensureStubsImage())), wiremock: settleLater(Promise.resolve(containers.wiremockImage ?? ensureWireMockImage())) };
  let docker: Docker;
  let removalTarget: Promise<RemovalEngine>;
  try {
    docker = (await containerRuntime()).container.dockerode;
    // Which engine, on which machine: for the removal at the end (stopInBackground).
    removalTarget = settleLater(removalEngine(docker));
    await removeLeftovers(docker);
  } catch (error) {
    await Promise.allSettled([images.stubs, images.wiremock]); // never a build left running behind a failed start
    throw error;
  }

  const runId = newRunId();
  const networkName = `lokalsvar-e2e-${runId}`;
  let stopRequested = false;
  let startFinished = false;
  let startSettled: Promise<void> = Promise.resolve();
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopRequested = true;
    stopping ??= (async () => {
      // Asked before the first removal: a start that fails during it (its pod removed) may have created containers
      // after that removal listed the run's, so the sweep below must follow whenever a start was in flight.
      const startInFlight = !startFinished;
      await removeRun(docker, runId);
      if (startInFlight) {
        // Stopped mid-start (Ctrl-C): until the starts in flight have ended, keep removing what they create, so each
        // fails at once instead of at its startup timeout; then remove once more. Not a fixed wait: a slow engine
        // that creates a container late still has it removed.
        const deadline = Date.now() + startupTimeoutMs + STOP_DURING_START_MARGIN_MS;
        while (!startFinished && Date.now() < deadline) {
          await settledWithin(startSettled, STOP_DURING_START_SWEEP_MS);
          // A network still joined by a container created meanwhile refuses removal: the next sweep gets it.
          await removeRun(docker, runId).catch(() => undefined);
        }
        await removeRun(docker, runId);
      }
      unregister();
    })().catch((error: unknown) => {
      stopping = undefined; // A later call may try again; the exit fallback stays registered meanwhile.
      throw error;
    });
    return stopping;
  };
  const startupTimeoutMs = containers.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS;
  const dockerHost = cliDockerHost(docker);
  const unregister = registerCleanup(`containers ${runId}`, stop, { onExit: () => removeRunSync(runId, dockerHost) });
  // Once started, and not yet stopping: a start or a stop in flight is finished by stop() alone.
  let engine: RemovalEngine | undefined;
  const stopInBackground = (): boolean => {
    if (!startFinished || stopping || !engine || !removeRunInBackground(runId, engine)) return false;
    stopRequested = true;
    stopping = Promise.resolve();
    unregister();
    return true;
  };

  const starting = startEndpoints(docker, {
    images,
    token,
    runId,
    networkName,
    options,
    startupTimeoutMs,
    hostPorts: podHostPorts(containers.hostPorts ?? {}),
    stopped: () => stopRequested,
  });
  const finish = (): void => {
    startFinished = true;
  };
  startSettled = starting.then(finish, finish);

  try {
    const urls = await starting;
    engine = await removalTarget.catch(() => undefined); // unknown: removed in this process, as stop() does
    return { kind: 'containers', runId, networkName, image: await images.stubs, wiremockImage: await images.wiremock, urls, stop, stopInBackground, accessToken: token };
  } catch (error) {
    await stop().catch(() => undefined);
    await Promise.allSettled([images.stubs, images.wiremock]); // never a build left running behind a failed start
    throw error;
  }
}

interface StartPlan {
  /** The images' tags, once each is there. */
  images: { stubs: Promise<string>; wiremock: Promise<string> };
  /** What WireMock's gate and every system demand: the given token, or one made for the run. */
  token: string;
  runId: string;
  networkName: string;
  options: EnvironmentOptions;
  startupTimeoutMs: number;
  hostPorts: Partial<Record<PublishedMember, number>>;
  /** True once stop() was called: nothing further starts. */
  stopped: () => boolean;
}

async function startEndpoints(docker: Docker, plan: StartPlan): Promise<Record<EndpointName, string>> {
  const labels = runLabels(plan.runId);
  // allSettled: whichever fails, the other has ended before the start fails (what was created is labelled with the
  // run, and stop() removes it; an image build still running is awaited by the caller).
  const [network, image] = await Promise.allSettled([
    docker.createNetwork({ Name: plan.networkName, Driver: 'bridge', CheckDuplicate: true, Labels: labels }),
    plan.images.stubs,
  ]);
  if (network.status === 'rejected') throw network.reason;
  if (image.status === 'rejected') throw image.reason;
  const nothingMoreIfStopped = (): void => {
    if (plan.stopped()) throw new Error('the containers environment was stopped while it started');
  };
  nothingMoreIfStopped();
  const pod = await createPod({ image: image.value, runId: plan.runId, networkName: plan.networkName, labels, startupTimeoutMs: plan.startupTimeoutMs, hostPorts: plan.hostPorts });
  nothingMoreIfStopped();
  // All at once, created while the pod starts and started once it runs: no system calls another before the run
  // begins, and the engine sets up containers that join a namespace quickly. allSettled, not all: on a failure the
  // others finish starting before anything is removed.
  const common = { runId: plan.runId, pod: pod.networkMode, podRunning: pod.running, labels, startupTimeoutMs: plan.startupTimeoutMs };
  const results = await Promise.allSettled([
    plan.images.wiremock.then((wiremockImage) => startWireMockContainer({ ...common, image: wiremockImage, gateImage: image.value, token: plan.token, databanks: { LABA: podUrl('laba'), MiBa: podUrl('miba') } })),
    // Containers publish their ports on every interface: every system demands the run's token (contracts/access.ts).
    ...SYSTEMS.map((system) => startSystemContainer({ ...common, image: image.value, system, env: stubEnv(system, podUrl, { ...plan.options, accessToken: plan.token }) })),
  ]);
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  await pod.ready; // The pod's own failure before a member's, which follows from it.
  if (failure) throw failure.reason;
  const urls = Object.fromEntries(SYSTEMS.map((system) => [system, pod.hostUrl(system)])) as Record<SystemName, string>;
  return { ...urls, wiremock: pod.hostUrl(WIREMOCK_GATE_NAME) };
}

/** The host ports asked for by endpoint, by the pod's member that publishes each: WireMock's is its gate's. */
function podHostPorts(byEndpoint: Partial<Record<EndpointName, number>>): Partial<Record<PublishedMember, number>> {
  const { wiremock, ...systems } = byEndpoint;
  return { ...systems, ...(wiremock ? { [WIREMOCK_GATE_NAME]: wiremock } : {}) };
}

/** The promise, marked handled: it is awaited later, and must not count as unhandled while it waits. */
function settleLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function settledWithin(promise: Promise<void>, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    timer.unref();
    void promise.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
