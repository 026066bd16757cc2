/**
 * Removing a run's containers and network: by label, so it also catches what was created but never handed back
 * (a start interrupted by Ctrl-C), and leftovers of runs whose process died without cleaning up.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Docker } from '../../docker/testcontainers';
import { LABEL_HOST, LABEL_PID, LABEL_RUN, runFilter } from '../../docker/run-labels';
import { isAlive } from '../process-alive';

/** How long a removal may wait for a container that another process is removing (a run's background removal). */
const REMOVED_WAIT_MS = 30_000;

/** Force-removes every container of the run, then its network. Missing ones are not an error. */
export async function removeRun(docker: Docker, runId: string): Promise<void> {
  await removeMatching(docker, runFilter(runId), () => true);
}

/**
 * Removes containers and networks of earlier runs on this machine whose process is gone. Runs of live processes
 * (parallel workers, another terminal) and of other machines sharing the engine are left alone.
 * Returns the run ids removed.
 */
export async function removeLeftovers(docker: Docker): Promise<string[]> {
  const host = os.hostname();
  const removed = new Set<string>();
  await removeMatching(docker, { label: [LABEL_PID] }, (labels) => {
    const pid = Number(labels[LABEL_PID]);
    if (labels[LABEL_HOST] !== host || !Number.isInteger(pid) || isAlive(pid)) return false;
    removed.add(labels[LABEL_RUN] ?? '?');
    return true;
  });
  return [...removed];
}

/**
 * How the docker CLI removes a run (its filter in RUN_FILTER): every container, then the network. The one home of
 * both removals below that do not go through this process's client.
 */
const REMOVE_RUN_SCRIPT = [
  'containers=$(docker ps -aq --filter "$RUN_FILTER")',
  'if [ -n "$containers" ]; then docker rm -fv $containers; fi',
  'networks=$(docker network ls -q --filter "$RUN_FILTER")',
  'if [ -n "$networks" ]; then docker network rm $networks; fi',
].join('\n');

function removeRunEnv(runId: string, dockerHost?: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, RUN_FILTER: `label=${LABEL_RUN}=${runId}`, ...(dockerHost ? { DOCKER_HOST: dockerHost } : {}) };
}

/**
 * Synchronous fallback for process 'exit' (no async work possible there): the docker CLI, best effort, pointed
 * at the engine testcontainers uses (dockerHost, see cliDockerHost). Whatever survives is removed by the next
 * run's removeLeftovers.
 */
export function removeRunSync(runId: string, dockerHost?: string): void {
  spawnSync('sh', ['-c', REMOVE_RUN_SCRIPT], { env: removeRunEnv(runId, dockerHost), timeout: 20_000, stdio: 'ignore' });
}

/**
 * Removes the run in a process of its own, in a session of its own, which outlives this one (as testcontainers' Ryuk
 * removes a test process's containers after it ended): this process need not wait the seconds the engine takes.
 * Whatever it cannot remove, the next run's removeLeftovers does. False, and nothing started, where that could leave
 * the run behind for good or the CLI could miss the engine (backgroundRemovalRefused says why); the caller then
 * removes the run itself.
 */
export function removeRunInBackground(runId: string, engine: RemovalEngine, env: NodeJS.ProcessEnv = process.env): boolean {
  if (backgroundRemovalRefused(engine, env) !== undefined) return false;
  const remover = spawn('sh', ['-c', REMOVE_RUN_SCRIPT], { env: removeRunEnv(runId, engine.dockerHost, env), detached: true, stdio: 'ignore' });
  remover.on('error', () => undefined); // reported by the missing pid below; never an uncaught error
  if (remover.pid === undefined) return false;
  remover.unref();
  return true;
}

/** The engine a run's removal must reach. */
export interface RemovalEngine {
  /** How the docker CLI reaches it (cliDockerHost); undefined when it cannot be told. */
  dockerHost: string | undefined;
  /** The engine's own name (docker info's Name): the name of the machine it runs on. */
  name: string;
}

/** What backgroundRemovalRefused needs to know of the engine this client reaches. */
export async function removalEngine(docker: Docker): Promise<RemovalEngine> {
  const info = (await docker.info()) as { Name?: unknown };
  return { dockerHost: cliDockerHost(docker), name: String(info.Name ?? '') };
}

/**
 * Why a run's removal may not be left to a process of its own here, or undefined when it may:
 * - in CI (CI set), the job's end may take the remover with it, and leave the run's containers running until the
 *   machine's next run;
 * - with an engine on another machine (its name is not this machine's, e.g. a job container given the host's
 *   socket), a remover stopped with this machine would leave them for good: the next run sweeps only what this
 *   machine's runs left (removeLeftovers);
 * - without the docker CLI on PATH, or an address the CLI can reach the engine at (cliDockerHost), nothing removes it.
 */
export function backgroundRemovalRefused(engine: RemovalEngine, env: NodeJS.ProcessEnv = process.env, hostname = os.hostname()): string | undefined {
  if (env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0') return 'this is a CI job (CI is set)';
  if (engine.name !== hostname) return `the Docker engine runs on another machine (${engine.name || 'unnamed'}, this is ${hostname})`;
  if (engine.dockerHost === undefined) return 'the docker CLI cannot be pointed at the engine this process uses';
  if (!onPath('docker', env)) return 'the docker CLI is not on PATH';
  return undefined;
}

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(path.delimiter).some((dir) => {
    if (dir === '') return false;
    try {
      const file = path.join(dir, command);
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

/** The DOCKER_HOST value for the docker CLI that reaches the same engine as this client. */
export function cliDockerHost(docker: Docker): string | undefined {
  const modem = docker.modem as unknown as { socketPath?: unknown; host?: string; port?: string | number; protocol?: string };
  if (typeof modem.socketPath === 'string') return `unix://${modem.socketPath}`;
  // TLS: the CLI takes its certificates from DOCKER_CERT_PATH (and DOCKER_TLS_VERIFY), as the client may have them
  // from elsewhere (~/.testcontainers.properties): without it the CLI would not reach the engine.
  if (modem.protocol === 'https' && !process.env.DOCKER_CERT_PATH) return undefined;
  if (modem.host && modem.protocol !== 'ssh') return `tcp://${modem.host}:${modem.port ?? 2375}`;
  return undefined;
}

async function removeMatching(
  docker: Docker,
  filters: { label: string[] },
  matches: (labels: Record<string, string>) => boolean,
): Promise<void> {
  const containers = await docker.listContainers({ all: true, filters });
  await Promise.all(
    containers
      .filter((container) => matches(container.Labels ?? {}))
      .map(async (container) => {
        const found = docker.getContainer(container.Id);
        await ignoreMissing(found.remove({ force: true, v: true }));
        // Another process may be removing it (409 above: a run's background removal): its network can go only once it
        // is gone. A container already gone answers 404.
        await ignoreMissing(
          found.wait({ condition: 'removed', abortSignal: AbortSignal.timeout(REMOVED_WAIT_MS) }).catch((error: unknown) => {
            if ((error as Error).name !== 'TimeoutError' && (error as Error).name !== 'AbortError') throw error;
            throw new Error(`container ${container.Names.join()} was not removed within ${REMOVED_WAIT_MS / 1000} s`);
          }),
        );
      }),
  );
  const networks = await docker.listNetworks({ filters });
  await Promise.all(
    networks
      .filter((network) => matches(network.Labels ?? {}))
      .map((network) => ignoreMissing(docker.getNetwork(network.Id).remove())),
  );
}

async function ignoreMissing(removal: Promise<unknown>): Promise<void> {
  try {
    await removal;
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    // 404: already gone; 409: removal already in progress (a concurrent stop).
    if (status !== 404 && status !== 409) throw error;
  }
}

