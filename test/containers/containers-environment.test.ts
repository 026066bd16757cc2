/**
 * Containers mode end to end: the stubs image, one container per system and one of WireMock in the run's pod
 * (one network namespace; they reach each other at their ports in it), reachable from here on ports the pod publishes, PLSP's way to the databanks through WireMock,
 * and nothing left behind after stop(), Ctrl-C, SIGTERM or process.exit(). Skipped where no Docker engine answers,
 * unless E2E_REQUIRE_DOCKER=1.
 *
 *   node --import tsx --test test/containers/containers-environment.test.ts
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { ensureStubsImage } from '../../docker/stubs-image';
import { docker } from '../../docker/testcontainers';
import { ensureWireMockImage, WIREMOCK_IMAGE_PATHS } from '../../docker/wiremock-image';
import { wiremockJavaArguments } from '../../contracts/wiremock';
import { startContainersEnvironment } from '../../environments/containers';
import { LABEL_HOST, LABEL_PID, LABEL_RUN, runLabels } from '../../docker/run-labels';
import { backgroundRemovalRefused, removalEngine, removeLeftovers, removeRun } from '../../environments/containers/run-resources';
import { pidOfFinishedProcess } from '../support/finished-process';
import { startRunContainer } from '../../environments/containers/run-container';
import { startSystemContainer } from '../../environments/containers/system-container';
import { SYSTEMS, type EndpointName } from '../../environments/environment';
import { accessHeaders } from '../../contracts/access';
import { WIREMOCK_GATE_NAME } from '../../stubs/wiremock-gate/gate';
import { runFixture } from './child-process';
import { dockerOrSkip } from './docker-gate';
import { eventually, remainsWithLabel } from './docker-queries';

const NOTHING = { containers: [], networks: [] };
const ENDPOINTS: readonly EndpointName[] = [...SYSTEMS, 'wiremock'];

/** Both images, built here so a child process finds them and its start stays short. */
async function ensureImages(): Promise<void> {
  await Promise.all([ensureStubsImage(), ensureWireMockImage()]);
}

test('every system answers GET /health on its mapped port, WireMock passes on to the databanks; stop() removes every container and the network', { timeout: 300_000 }, async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const environment = await startContainersEnvironment({ approvedSystems: ['E2E-LPS'] });
  try {
    assert.equal(environment.kind, 'containers');
    assert.deepEqual(Object.keys(environment.urls).sort(), [...ENDPOINTS].sort());
    for (const system of SYSTEMS) {
      const response = await fetch(`${environment.urls[system]}/health`);
      assert.equal(response.status, 200, `${system} /health`);
      const body = (await response.json()) as { status?: string; system?: string };
      assert.deepEqual({ status: body.status, system: body.system }, { status: 'ok', system }, `${system} /health body`);
    }
    // WireMock is reached through its gate, with the run's token (test/containers/wiremock-gate.test.ts: not without).
    const withToken = { headers: accessHeaders(environment.accessToken) };
    const health = await fetch(`${environment.urls.wiremock}/__admin/health`, withToken);
    assert.equal(health.status, 200, 'WireMock /__admin/health');
    assert.equal(((await health.json()) as { status?: string }).status, 'healthy');
    // The pass-through PLSP uses: WireMock's /laba/... reaches LABA, /miba/... MiBa.
    for (const databank of ['laba', 'miba'] as const) {
      const proxied = await fetch(`${environment.urls.wiremock}/${databank}/health`, withToken);
      assert.equal(proxied.status, 200, `GET /${databank}/health through WireMock: ${await proxied.clone().text()}`);
      const body = (await proxied.json()) as { status?: string; system?: string };
      assert.deepEqual({ status: body.status, system: body.system }, { status: 'ok', system: databank });
    }
    const engine = await docker();
    const network = await engine.getNetwork(environment.networkName).inspect();
    assert.equal(network.Labels?.[LABEL_RUN], environment.runId);
    const containers = await engine.listContainers({ filters: { label: [`${LABEL_RUN}=${environment.runId}`] } });
    assert.equal(containers.length, ENDPOINTS.length + 2, 'one container per endpoint, the gate in front of WireMock, and the pod');
    // The pod alone is on the run's network; every other container joins its namespace (environments/containers/pod.ts).
    const pod = containers.find((container) => container.Names.includes(`/lokalsvar-e2e-${environment.runId}-pod`));
    assert.ok(pod, `the run has a pod: ${containers.flatMap((container) => container.Names).join()}`);
    assert.deepEqual(Object.keys(network.Containers ?? {}), [pod.Id], "only the pod is on the run's network");
    const members: string[] = [];
    for (const container of containers) {
      assert.equal(container.Labels[LABEL_PID], String(process.pid));
      if (container.Id === pod.Id) continue;
      const inspected: { Name: string; HostConfig: { NetworkMode?: string } } = await engine.getContainer(container.Id).inspect();
      assert.equal(inspected.HostConfig.NetworkMode, `container:${pod.Id}`, `${inspected.Name} joins the pod`);
      members.push(inspected.Name.replace(`/lokalsvar-e2e-${environment.runId}-`, ''));
    }
    assert.deepEqual(members.sort(), [...ENDPOINTS, WIREMOCK_GATE_NAME].sort(), 'every endpoint and the gate run in containers of their own');
    const wiremock = containers.find((container) => container.Names.includes(`/lokalsvar-e2e-${environment.runId}-wiremock`));
    assert.equal(wiremock?.Image, environment.wiremockImage, 'WireMock runs in its own image, labelled with the run');
    // Wiring: the portal asks LABA and MiBa at their ports in the pod (502 if it cannot reach them).
    const national = await fetch(`${environment.urls.labportal}/api/v1/patients/0101010101/results`, withToken);
    assert.equal(national.status, 200, `labportal reaches laba and miba in the pod: ${await national.clone().text()}`);
    // Published ports listen on every interface: without the run's token every read and control endpoint refuses
    // (contracts/access.ts); the citizen's pages too, since the suite's browser sends the token.
    const guarded: ReadonlyArray<[EndpointName, string]> = [
      ['labportal', '/api/v1/patients/0101010101/results'],
      ['laba', '/api/v1/results?patient=0101010101'],
      ['miba', '/api/v1/results?patient=0101010101'],
      ['plsp', '/plsp/v1/messages'],
      ['pilot-lps', '/api/v1/results/1'],
      ['sundhedsjournal', '/laboratoriesvar'],
    ];
    for (const [system, path] of guarded) {
      const stranger = await fetch(`${environment.urls[system]}${path}`, { redirect: 'manual' });
      assert.equal(stranger.status, 401, `${system} ${path} without the token: ${stranger.status} ${(await stranger.text()).slice(0, 200)}`);
    }
    assert.ok(Array.isArray(((await national.json()) as { results?: unknown }).results));
  } finally {
    await environment.stop();
  }
  await environment.stop();
  assert.deepEqual(await remainsWithLabel(LABEL_RUN, environment.runId), NOTHING);
  const wiremockLeft = await (await docker()).listContainers({ all: true, filters: { name: [`lokalsvar-e2e-${environment.runId}-wiremock`] } });
  assert.deepEqual(wiremockLeft, [], 'the WireMock container is removed too');
});

test('a stub that fails to start is reported with what it printed', { timeout: 120_000 }, async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const image = await ensureStubsImage();
  const engine = await docker();
  const runId = `fail-${process.pid}`;
  const labels = runLabels(runId);
  const networkName = `lokalsvar-e2e-${runId}`;
  await engine.createNetwork({ Name: networkName, Labels: labels });
  try {
    await assert.rejects(
      // labportal without the URLs of LABA and MiBa refuses to start.
      startSystemContainer({ image, system: 'labportal', runId, pod: networkName, env: {}, labels, startupTimeoutMs: 20_000 }),
      /The labportal stub did not start in its container[\s\S]*LABPORTAL_LABA_URL/,
    );
  } finally {
    await removeLeftoversOf(runId);
  }
});

test('WireMock that fails to start is reported with what it printed', { timeout: 120_000 }, async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const image = await ensureWireMockImage();
  const engine = await docker();
  const runId = `fail-wiremock-${process.pid}`;
  const labels = runLabels(runId);
  const networkName = `lokalsvar-e2e-${runId}`;
  await engine.createNetwork({ Name: networkName, Labels: labels });
  try {
    await assert.rejects(
      startRunContainer({
        image,
        name: 'wiremock',
        description: 'WireMock',
        runId,
        network: networkName,
        labels,
        // The image's entrypoint is java alone: WireMock's own arguments, with a port it cannot read.
        command: wiremockJavaArguments({ ...WIREMOCK_IMAGE_PATHS, port: 8080, bindAddress: '0.0.0.0' }).map((arg) => (arg === '8080' ? 'not-a-port' : arg)),
        readyLine: /^port:/,
        startupTimeoutMs: 20_000,
      }),
      /WireMock did not start in its container[\s\S]*Its output:[\s\S]*NumberFormatException: For input string: "not-a-port"/,
    );
  } finally {
    await removeLeftoversOf(runId);
  }
});

test('leftovers of runs whose process is gone are removed; those of live processes are kept', { timeout: 60_000 }, async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const engine = await docker();
  const deadPid = await pidOfFinishedProcess();
  const dead: Record<string, string> = { ...runLabels(`dead-${deadPid}`), [LABEL_PID]: String(deadPid) };
  const live: Record<string, string> = runLabels(`live-${process.pid}`);
  const otherHost: Record<string, string> = { ...dead, [LABEL_RUN]: `other-host-${deadPid}`, [LABEL_HOST]: 'elsewhere' };
  for (const labels of [dead, live, otherHost]) {
    await engine.createNetwork({ Name: `lokalsvar-e2e-${labels[LABEL_RUN]}`, Labels: labels });
  }
  try {
    const removed = await removeLeftovers(engine);
    assert.ok(removed.includes(dead[LABEL_RUN]), `removed ${removed.join()}`);
    assert.deepEqual(await remainsWithLabel(LABEL_RUN, dead[LABEL_RUN]), NOTHING);
    assert.deepEqual((await remainsWithLabel(LABEL_RUN, live[LABEL_RUN])).networks, [`lokalsvar-e2e-${live[LABEL_RUN]}`]);
    assert.equal((await remainsWithLabel(LABEL_RUN, otherHost[LABEL_RUN])).networks.length, 1);
  } finally {
    for (const labels of [dead, live, otherHost]) await removeLeftoversOf(labels[LABEL_RUN]);
  }
});

// SIGTERM's exit code is covered by cleanup.test.ts, and a SIGTERM during the start below.
test('Ctrl-C (SIGINT) to a process holding the environment removes it and exits 130', { timeout: 180_000 }, async (t) => {
  if (!(await dockerOrSkip(t))) return;
  await ensureImages();
  const child = runFixture('hold-environment.ts', []);
  const runId = (await child.waitForLine(/READY (\S+)/, 120_000))[1];
  child.child.kill('SIGINT');
  const result = await child.exited;
  assert.equal(result.code, 130, result.stderr);
  assert.deepEqual(await remainsWithLabel(LABEL_RUN, runId), NOTHING);
});

test('process.exit() while the environment runs still removes it (synchronous fallback)', { timeout: 180_000 }, async (t) => {
  if (!(await dockerOrSkip(t))) return;
  await ensureImages();
  const child = runFixture('hold-environment.ts', ['exit']);
  const result = await child.exited;
  assert.equal(result.code, 5, result.stderr);
  const runId = /READY (\S+)/.exec(result.stdout)?.[1];
  assert.ok(runId, result.stdout);
  assert.deepEqual(await remainsWithLabel(LABEL_RUN, runId), NOTHING);
});

/**
 * A process holding the environment hands its removal over (stopInBackground) and is then killed at once with its
 * whole process group (what a closed terminal or a runner's timeout does); its run id. Outside CI (the handover is
 * refused there, tested in test/environments/background-removal.test.ts); skipped where it is refused for another
 * reason of this machine (no docker CLI, an engine elsewhere).
 */
async function handOverThenKill(t: TestContext): Promise<string | undefined> {
  if (!(await dockerOrSkip(t))) return undefined;
  const refused = backgroundRemovalRefused(await removalEngine(await docker()), { ...process.env, CI: '' });
  if (refused) {
    t.skip(`no removal in the background here: ${refused}`);
    return undefined;
  }
  await ensureImages();
  const child = runFixture('hold-environment.ts', ['background'], { ...process.env, CI: '' }, { detached: true });
  const runId = (await child.waitForLine(/READY (\S+)/, 120_000))[1] as string;
  // Handed over once; a second call (the environment is stopping) hands over nothing.
  await child.waitForLine(/BACKGROUND true AGAIN false/, 10_000);
  process.kill(-(child.child.pid as number), 'SIGKILL');
  const result = await child.exited;
  assert.equal(result.signal, 'SIGKILL', result.stderr);
  return runId;
}

const gone = (remains: { containers: string[]; networks: string[] }): boolean => remains.containers.length + remains.networks.length === 0;

test('stopInBackground(): a process of its own removes every container and the network, even when the process that started the environment is killed at once with its whole process group', { timeout: 180_000 }, async (t) => {
  const runId = await handOverThenKill(t);
  if (runId === undefined) return;
  assert.deepEqual(await eventually(() => remainsWithLabel(LABEL_RUN, runId), gone, 60_000), NOTHING);
});

test("the next run's sweep while a run is still being removed in the background: it waits for those containers, removes the network, and does not fail", { timeout: 180_000 }, async (t) => {
  const runId = await handOverThenKill(t);
  if (runId === undefined) return;
  // At once, as a second `npm run e2e` right after the first: the killed process's run is a leftover, being removed
  // (the engine takes a second or more for its nine containers; should the removal win the race, nothing is left
  // to sweep, and the test still holds).
  await removeLeftovers(await docker());
  assert.deepEqual(await remainsWithLabel(LABEL_RUN, runId), NOTHING);
});

test('SIGTERM while the environment is still starting removes what was started', { timeout: 180_000 }, async (t) => {
  if (!(await dockerOrSkip(t))) return;
  await ensureImages();
  const child = runFixture('hold-environment.ts', []);
  const pid = String(child.child.pid);
  await eventually(() => remainsWithLabel(LABEL_PID, pid), (remains) => remains.containers.length > 0, 120_000);
  child.child.kill('SIGTERM');
  const result = await child.exited;
  assert.equal(result.code, 143, result.stderr);
  assert.doesNotMatch(result.stdout, /READY/, 'the signal came during the start');
  assert.deepEqual(await remainsWithLabel(LABEL_PID, pid), NOTHING);
});

async function removeLeftoversOf(runId: string): Promise<void> {
  await removeRun(await docker(), runId);
}
