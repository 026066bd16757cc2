/**
 * When containers mode may leave the removal of a run to a process of its own (environments/containers/run-resources.ts):
 * never where that process could be stopped with the job, or leave the run on an engine no later run of this machine
 * sweeps, or not reach the engine at all.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Docker } from '../../docker/testcontainers';
import { LABEL_HOST, LABEL_PID, LABEL_RUN } from '../../docker/run-labels';
import { backgroundRemovalRefused, cliDockerHost, removeLeftovers } from '../../environments/containers/run-resources';
import { pidOfFinishedProcess } from '../support/finished-process';

const HERE = { dockerHost: 'unix:///var/run/docker.sock', name: 'this-machine' };

/** A PATH holding a docker command (an executable file), and one holding only a folder named docker. */
function paths(): { withCli: string; withFolder: string; cleanup(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'lokalsvar-docker-cli-'));
  const cli = path.join(root, 'bin');
  mkdirSync(cli);
  writeFileSync(path.join(cli, 'docker'), '#!/bin/sh\n');
  chmodSync(path.join(cli, 'docker'), 0o755);
  const folder = path.join(root, 'folder');
  mkdirSync(path.join(folder, 'docker'), { recursive: true });
  return { withCli: cli, withFolder: folder, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

test('a run on this machine, with the docker CLI, outside CI: its removal may go on after the run', () => {
  const { withCli, cleanup } = paths();
  try {
    assert.equal(backgroundRemovalRefused(HERE, { PATH: withCli }, 'this-machine'), undefined);
    for (const ci of ['', 'false', '0']) assert.equal(backgroundRemovalRefused(HERE, { PATH: withCli, CI: ci }, 'this-machine'), undefined, `CI=${ci}`);
  } finally {
    cleanup();
  }
});

test('in CI the run is removed before the process ends: the job may end with it', () => {
  const { withCli, cleanup } = paths();
  try {
    for (const ci of ['true', '1', 'yes']) assert.match(backgroundRemovalRefused(HERE, { PATH: withCli, CI: ci }, 'this-machine') ?? '', /CI job/, `CI=${ci}`);
  } finally {
    cleanup();
  }
});

test("an engine on another machine (a job container given the host's socket): removed before the process ends", () => {
  const { withCli, cleanup } = paths();
  try {
    assert.match(backgroundRemovalRefused({ ...HERE, name: 'the-host' }, { PATH: withCli }, 'job-container-1') ?? '', /another machine \(the-host, this is job-container-1\)/);
    assert.match(backgroundRemovalRefused({ ...HERE, name: '' }, { PATH: withCli }, 'this-machine') ?? '', /another machine \(unnamed/);
  } finally {
    cleanup();
  }
});

test('without a docker CLI on PATH (a folder named docker is none), or an address it can reach the engine at: removed before the process ends', () => {
  const { withCli, withFolder, cleanup } = paths();
  try {
    assert.match(backgroundRemovalRefused(HERE, { PATH: withFolder }, 'this-machine') ?? '', /not on PATH/);
    assert.match(backgroundRemovalRefused(HERE, { PATH: '' }, 'this-machine') ?? '', /not on PATH/);
    assert.match(backgroundRemovalRefused({ ...HERE, dockerHost: undefined }, { PATH: withCli }, 'this-machine') ?? '', /cannot be pointed at the engine/);
  } finally {
    cleanup();
  }
});

test("the CLI's address of the engine: its socket, its TCP address, and none for TLS without DOCKER_CERT_PATH", () => {
  const client = (modem: object): Docker => ({ modem }) as unknown as Docker;
  const saved = process.env.DOCKER_CERT_PATH;
  try {
    delete process.env.DOCKER_CERT_PATH;
    assert.equal(cliDockerHost(client({ socketPath: '/run/user/1000/docker.sock' })), 'unix:///run/user/1000/docker.sock');
    assert.equal(cliDockerHost(client({ host: 'engine.example', port: 2375, protocol: 'http' })), 'tcp://engine.example:2375');
    assert.equal(cliDockerHost(client({ host: 'engine.example', port: 2376, protocol: 'https' })), undefined, 'the CLI would not have the certificates');
    assert.equal(cliDockerHost(client({ host: 'engine.example', protocol: 'ssh' })), undefined);
    process.env.DOCKER_CERT_PATH = '/certs';
    assert.equal(cliDockerHost(client({ host: 'engine.example', port: 2376, protocol: 'https' })), 'tcp://engine.example:2376');
  } finally {
    if (saved === undefined) delete process.env.DOCKER_CERT_PATH;
    else process.env.DOCKER_CERT_PATH = saved;
  }
});

test("a sweep meeting a container another process is removing (409) waits until it is gone before removing the run's network", async () => {
  const labels = { [LABEL_RUN]: 'half-removed', [LABEL_PID]: String(await pidOfFinishedProcess()), [LABEL_HOST]: hostname() };
  let containerGone = false;
  const calls: string[] = [];
  const engine = {
    listContainers: async () => (containerGone ? [] : [{ Id: 'c1', Names: ['/lokalsvar-e2e-half-removed-pod'], Labels: labels }]),
    getContainer: () => ({
      remove: async () => {
        calls.push('remove container');
        throw Object.assign(new Error('removal of container c1 is already in progress'), { statusCode: 409 });
      },
      // The other process's removal ends a moment later.
      wait: (options: { condition?: string }) =>
        new Promise((resolve) =>
          setImmediate(() => {
            calls.push(`wait ${options.condition}`);
            containerGone = true;
            resolve({ StatusCode: 137 });
          }),
        ),
    }),
    listNetworks: async () => [{ Id: 'n1', Name: 'lokalsvar-e2e-half-removed', Labels: labels }],
    getNetwork: () => ({
      remove: async () => {
        calls.push('remove network');
        if (!containerGone) throw Object.assign(new Error('error while removing network: network has active endpoints'), { statusCode: 403 });
      },
    }),
  } as unknown as Docker;
  assert.deepEqual(await removeLeftovers(engine), ['half-removed']);
  assert.deepEqual(calls, ['remove container', 'wait removed', 'remove network']);
});
