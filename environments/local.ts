/**
 * The embedded default: every stub in this process, each on its own free loopback port, and WireMock (Java) as a
 * child process between PLSP and the databanks. Stopping closes callers before callees: the pilot LPS, the hub,
 * WireMock, then the views and the databanks.
 */
import { startStub, type RunningStub } from '../stubs/start-stub';
import type { EndpointName, Environment, EnvironmentOptions } from './environment';
import { installDatabankProxies } from './wiremock/databank-proxies';
import { startWireMockProcess, type RunningWireMock } from './wiremock/process';
import { startWireMockGate, type RunningGate } from '../stubs/wiremock-gate/gate';
import { START_ORDER, stubEnv, withHubKey } from './wiring';

export interface LocalListenOptions {
  /** Interface to listen on; loopback unless a test camp needs the stubs on the network. */
  host?: string;
  /** Fixed ports per system and for WireMock; one not named gets a free port. */
  ports?: Partial<Record<EndpointName, number>>;
  /**
   * A WireMock process already starting on loopback (startWireMockProcess), used instead of starting one: its JVM
   * takes longest of all, so the suite starts it before it loads the stubs' code (run/run-environment.ts). The
   * environment stops it with the rest, also when it fails to start.
   */
  wiremock?: Promise<RunningWireMock>;
}

export async function startLocalEnvironment(given: EnvironmentOptions = {}, listen: LocalListenOptions = {}): Promise<Environment> {
  const options = withHubKey(given);
  const host = listen.host ?? '127.0.0.1';
  // With a token, WireMock listens on loopback only and a gate that demands the token takes its published port.
  const gated = options.accessToken !== undefined;
  let gate: RunningGate | undefined;
  const running: RunningStub[] = [];
  let wiremock: RunningWireMock | undefined;
  const urls = {} as Record<EndpointName, string>;
  const urlOf = (peer: EndpointName): string => {
    const url = urls[peer];
    if (!url) throw new Error(`${peer} must start before the systems that call it (see START_ORDER)`);
    return url;
  };
  // WireMock's JVM starts while the first stubs do (or has been starting for a while).
  const wiremockStarting = listen.wiremock ?? startWireMockProcess(gated ? { host: '127.0.0.1', port: 0 } : { host, port: listen.ports?.wiremock ?? 0 });
  wiremockStarting.catch(() => undefined);
  // Callers stop before what they call, one at a time: a closing stub stops accepting and finishes the requests it
  // has, which still reach their peers (the hub's messages in flight get through WireMock to the databanks).
  const stopWireMock = async (): Promise<void> => {
    await gate?.close();
    await (wiremock ?? (await wiremockStarting.catch(() => undefined)))?.stop();
  };
  const stopAll = async (): Promise<void> => {
    for (const stub of running.splice(0).reverse()) {
      await stub.close();
      if (stub.name === 'plsp') await stopWireMock();
    }
    await stopWireMock();
  };
  try {
    for (const system of START_ORDER) {
      if (system === 'plsp') {
        wiremock = await wiremockStarting;
        urls.wiremock = wiremock.url;
        await installDatabankProxies(wiremock.url, { LABA: urls.laba, MiBa: urls.miba });
        if (options.accessToken !== undefined) gate = await startWireMockGate(wiremock.url, options.accessToken, { host, port: listen.ports?.wiremock ?? 0 });
      }
      const stub = await startStub(system, stubEnv(system, urlOf, options), { host, port: listen.ports?.[system] ?? 0 });
      running.push(stub);
      urls[system] = stub.url;
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  // The hub keeps WireMock's loopback address; everyone else reaches WireMock through the gate.
  if (gate) urls.wiremock = gate.url;
  return { kind: 'local', urls, stop: stopAll, ...(options.accessToken !== undefined ? { accessToken: options.accessToken } : {}) };
}
