/**
 * Removing a run's containers and network: by label, so it also catches what was created but never handed back
 * (a start interrupted by Ctrl-C), and leftovers of runs whose process died without cleaning up.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Docker } from '../../docker/testcontainers';
import { LABEL_HOST, LABEL_PID, LABEL_RUN, runFilter } from '../../docker/run-labels';
import { isAlive } from '../process-alive';

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
  'if [ -n "$containers" ]; then docker rm -f $containers; fi',
  'networks=$(docker network ls -q --filter "$RUN_FILTER")',
  'if [ -n "$networks" ]; then docker network rm $networks; fi',
].join('\n');

function removeRunEnv(runId: string, dockerHost?: string): NodeJS.ProcessEnv {
  return { ...process.env, RUN_FILTER: `label=${LABEL_RUN}=${runId}`, ...(dockerHost ? { DOCKER_HOST: dockerHost } : {}) };
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
 * Only where the docker CLI is on PATH and dockerHost says which engine it must reach (cliDockerHost); false
 * otherwise, and nothing was started. Whatever it cannot remove, the next run's removeLeftovers does.
 */
export function removeRunInBackground(runId: string, dockerHost: string | undefined): boolean {
  if (dockerHost === undefined || !onPath('docker')) return false;
  const remover = spawn('sh', ['-c', REMOVE_RUN_SCRIPT], { env: removeRunEnv(runId, dockerHost), detached: true, stdio: 'ignore' });
  remover.on('error', () => undefined); // sh itself missing: the next run's removeLeftovers removes the run
  remover.unref();
  return true;
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, command), constants.X_OK);
      return dir !== '';
    } catch {
      return false;
    }
  });
}

/** The DOCKER_HOST value for the docker CLI that reaches the same engine as this client. */
export function cliDockerHost(docker: Docker): string | undefined {
  const modem = docker.modem as unknown as { socketPath?: unknown; host?: string; port?: string | number; protocol?: string };
  if (typeof modem.socketPath === 'string') return `unix://${modem.socketPath}`;
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
      .map((container) => ignoreMissing(docker.getContainer(container.Id).remove({ force: true, v: true }))),
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

