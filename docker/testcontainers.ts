/**
 * The one way into testcontainers: sets the settings this platform needs before the library is loaded, then
 * hands out the library and its Docker client. No registry is reachable, so Ryuk (whose image would be pulled)
 * stays off and the platform removes its own containers; /.dockerenv exists on the CI machines, so without a host
 * override testcontainers would reach mapped ports through the bridge gateway instead of localhost.
 */
import type * as Testcontainers from 'testcontainers';
import type { ContainerRuntimeClient } from 'testcontainers';

export type TestcontainersModule = typeof Testcontainers;
/** The Dockerode instance behind testcontainers (listing, removing, importing). */
export type Docker = ContainerRuntimeClient['container']['dockerode'];

let loaded: TestcontainersModule | undefined;

/**
 * Sets TESTCONTAINERS_RYUK_DISABLED=true (refuses any other value) and, for a local engine,
 * TESTCONTAINERS_HOST_OVERRIDE=localhost, unless already given.
 */
export function prepareTestcontainersEnv(env: NodeJS.ProcessEnv = process.env): void {
  const ryuk = env.TESTCONTAINERS_RYUK_DISABLED;
  if (ryuk === undefined || ryuk === '') {
    env.TESTCONTAINERS_RYUK_DISABLED = 'true';
  } else if (ryuk !== 'true') {
    throw new Error(
      `TESTCONTAINERS_RYUK_DISABLED=${ryuk}: Ryuk's image would be pulled from a registry, which this platform does ` +
        'not use. Unset it or set it to true (the platform removes its own containers).',
    );
  }
  // Only for a local engine: with DOCKER_HOST=tcp://elsewhere, testcontainers' own choice (that host) is right.
  const localEngine = !env.DOCKER_HOST || env.DOCKER_HOST.startsWith('unix://');
  if (localEngine && (env.TESTCONTAINERS_HOST_OVERRIDE === undefined || env.TESTCONTAINERS_HOST_OVERRIDE === '')) {
    env.TESTCONTAINERS_HOST_OVERRIDE = 'localhost';
  }
}

export function loadTestcontainers(): TestcontainersModule {
  if (!loaded) {
    prepareTestcontainersEnv();
    // Loaded here, after the settings above, never through a top-level import.
    loaded = require('testcontainers') as TestcontainersModule;
  }
  return loaded;
}

let runtime: Promise<ContainerRuntimeClient> | undefined;

/** testcontainers' client of the Docker engine, set up once per process. */
export function containerRuntime(): Promise<ContainerRuntimeClient> {
  runtime ??= connect().catch((error: unknown) => {
    runtime = undefined;
    throw error;
  });
  return runtime;
}

async function connect(): Promise<ContainerRuntimeClient> {
  const testcontainers = loadTestcontainers();
  let client: ContainerRuntimeClient;
  try {
    client = await testcontainers.getContainerRuntimeClient();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `testcontainers found no Docker engine (${reason}): install docker.io and start dockerd ` +
        '(nohup dockerd >/tmp/dockerd.log 2>&1 &), or set DOCKER_HOST',
    );
  }
  // Set up the (disabled) reaper once, now: containers started in parallel would otherwise race for its file
  // lock, and the losers poll it for about half a second.
  await testcontainers.getReaper(client);
  return client;
}

export async function docker(): Promise<Docker> {
  return (await containerRuntime()).container.dockerode;
}
