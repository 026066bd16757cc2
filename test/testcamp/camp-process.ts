/** `lokalsvar testcamp` as a child process on free ports, for the cockpit's browser test: start, stop, start again. */
import assert from 'node:assert/strict';
import { freePort } from '../support/cucumber-child';
import { freePorts, portArgs, startLokalsvarProcess, type Ports, type StubsProcess } from '../support/stubs-process';

export interface CampSettings {
  dataDir: string;
  cockpitPort: number;
  stubPorts: Ports;
  tags: string;
  vendorTimeoutS: number;
}

export async function campSettings(dataDir: string, tags: string, vendorTimeoutS: number): Promise<CampSettings> {
  return { dataDir, cockpitPort: await freePort(), stubPorts: await freePorts(), tags, vendorTimeoutS };
}

export interface RunningCamp {
  process: StubsProcess;
  url: string;
  leaderLink: string;
  hubUrl: string;
  stop(): Promise<void>;
}

export async function startCamp(settings: CampSettings): Promise<RunningCamp> {
  const args = [
    '--data',
    settings.dataDir,
    '--port',
    String(settings.cockpitPort),
    '--tags',
    settings.tags,
    '--vendor-timeout',
    String(settings.vendorTimeoutS),
    ...portArgs(settings.stubPorts),
  ];
  const process = await startLokalsvarProcess('testcamp', args, globalThis.process.env, 120_000);
  const leaderLink = /Testlederens link \(giv det ikke videre\): (\S+)/.exec(process.output())?.[1];
  assert.ok(leaderLink, `no leader link in:\n${process.output()}`);
  return {
    process,
    url: `http://127.0.0.1:${settings.cockpitPort}`,
    leaderLink,
    hubUrl: `http://127.0.0.1:${settings.stubPorts.plsp}`,
    stop: async () => {
      if (process.child.exitCode === null && process.child.signalCode === null) process.child.kill('SIGTERM');
      await process.exited;
    },
  };
}
