/**
 * Containers mode: every system runs as its own container of the stubs image, on one Docker network where each
 * is reachable by its system name (http://plsp:8080, ...). The test process reaches them on mapped ports of
 * localhost. Needs a Docker engine but no registry (see docker/base-image.ts and docker/stubs-image.ts).
 *
 * Everything is labelled with the run (environments/containers/labels.ts) and registered with the process-wide
 * cleanup registry, so containers go away on stop(), Ctrl-C, SIGTERM and normal exit; a run that was killed
 * outright is swept up by the next one.
 */
import { dockerAvailable } from '../docker/availability';
import { ensureStubsImage } from '../docker/stubs-image';
import { containerRuntime, type Docker } from '../docker/testcontainers';
import { registerCleanup } from './cleanup';
import { newRunId, runLabels } from './containers/labels';
import { cliDockerHost, removeLeftovers, removeRun, removeRunSync } from './containers/run-resources';
import { startWaves } from './containers/start-waves';
import { CONTAINER_PORT, startSystemContainer } from './containers/system-container';
import type { Environment, EnvironmentOptions, SystemName } from './environment';
import { stubEnv } from './wiring';

export interface ContainersOptions {
  /** A stubs image tag to run instead of building one from this tree (ensureStubsImage()). */
  image?: string;
  /** How long one stub may take to print its ready line; default 30 s. */
  startupTimeoutMs?: number;
}

export interface ContainersEnvironment extends Environment {
  readonly kind: 'containers';
  /** The run's id: the value of the lokalsvar-e2e.run label on its containers and network. */
  readonly runId: string;
  /** The Docker network the systems share. */
  readonly networkName: string;
  /** Stubs image the containers run. */
  readonly image: string;
}

const DEFAULT_STARTUP_TIMEOUT_MS = 30_000;
/** How long stop() waits for starts in flight when it is called during the start. */
const STOP_DURING_START_WAIT_MS = 10_000;

export async function startContainersEnvironment(
  options: EnvironmentOptions = {},
  containers: ContainersOptions = {},
): Promise<ContainersEnvironment> {
  const availability = await dockerAvailable();
  if (!availability.ok) throw new Error(`Containers mode needs a Docker engine, and ${availability.reason}`);
  const image = containers.image ?? (await ensureStubsImage());
  const docker = (await containerRuntime()).container.dockerode;
  await removeLeftovers(docker);

  const runId = newRunId();
  const networkName = `lokalsvar-e2e-${runId}`;
  let stopRequested = false;
  let startFinished = false;
  let startSettled: Promise<void> = Promise.resolve();
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopRequested = true;
    stopping ??= (async () => {
      await removeRun(docker, runId);
      if (!startFinished) {
        // Stopped mid-start (Ctrl-C): let the starts in flight fail, then remove what they created meanwhile.
        await settledWithin(startSettled, STOP_DURING_START_WAIT_MS);
        await removeRun(docker, runId);
      }
      unregister();
    })().catch((error: unknown) => {
      stopping = undefined; // A later call may try again; the exit fallback stays registered meanwhile.
      throw error;
    });
    return stopping;
  };
  const dockerHost = cliDockerHost(docker);
  const unregister = registerCleanup(`containers ${runId}`, stop, { onExit: () => removeRunSync(runId, dockerHost) });

  const starting = startSystems(docker, {
    image,
    runId,
    networkName,
    options,
    startupTimeoutMs: containers.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS,
    stopped: () => stopRequested,
  });
  const finish = (): void => {
    startFinished = true;
  };
  startSettled = starting.then(finish, finish);

  try {
    const urls = await starting;
    return { kind: 'containers', runId, networkName, image, urls, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

interface StartPlan {
  image: string;
  runId: string;
  networkName: string;
  options: EnvironmentOptions;
  startupTimeoutMs: number;
  /** True once stop() was called: no further wave starts. */
  stopped: () => boolean;
}

async function startSystems(docker: Docker, plan: StartPlan): Promise<Record<SystemName, string>> {
  const labels = runLabels(plan.runId);
  await docker.createNetwork({ Name: plan.networkName, Driver: 'bridge', CheckDuplicate: true, Labels: labels });
  const urls: Partial<Record<SystemName, string>> = {};
  for (const wave of startWaves()) {
    if (plan.stopped()) throw new Error('the containers environment was stopped while it started');
    // allSettled, not all: on a failure the others of the wave finish starting before anything is removed.
    const results = await Promise.allSettled(
      wave.map(async (system) => {
        urls[system] = await startSystemContainer({
          image: plan.image,
          system,
          runId: plan.runId,
          networkName: plan.networkName,
          env: stubEnv(system, (peer) => `http://${peer}:${CONTAINER_PORT}`, plan.options),
          labels,
          startupTimeoutMs: plan.startupTimeoutMs,
        });
      }),
    );
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) throw failure.reason;
  }
  return urls as Record<SystemName, string>;
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
