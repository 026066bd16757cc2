/**
 * The order containers start in: waves of endpoints that can start together. A system starts after every endpoint
 * it calls (the peers whose URLs stubEnv asks for), which is what START_ORDER promises, but systems that do not
 * depend on each other start at the same time. WireMock is no stub: it calls no one when it starts (its
 * pass-through to the databanks is resolved per request), so it starts in the first wave, beside LABA and MiBa.
 */
import type { EndpointName, SystemName } from '../environment';
import { START_ORDER, stubEnv } from '../wiring';

/** Endpoints that are not stubs of START_ORDER, and start before every system. */
export const NON_STUB_ENDPOINTS: readonly Exclude<EndpointName, SystemName>[] = ['wiremock'];

/** Endpoints a system is given URLs of. */
export function peersOf(system: SystemName): EndpointName[] {
  const peers: EndpointName[] = [];
  stubEnv(system, (peer) => {
    if (!peers.includes(peer)) peers.push(peer);
    return `http://${peer}:8080`;
  });
  return peers;
}

export function startWaves(order: readonly SystemName[] = START_ORDER): EndpointName[][] {
  const wave = new Map<EndpointName, number>(NON_STUB_ENDPOINTS.map((endpoint) => [endpoint, 0]));
  const waves: EndpointName[][] = [[...NON_STUB_ENDPOINTS]];
  for (const system of order) {
    let level = 0;
    for (const peer of peersOf(system)) {
      const peerLevel = wave.get(peer);
      if (peerLevel === undefined) {
        throw new Error(`START_ORDER puts ${system} before ${peer}, which it calls: fix environments/wiring.ts`);
      }
      level = Math.max(level, peerLevel + 1);
    }
    wave.set(system, level);
    (waves[level] ??= []).push(system);
  }
  return waves;
}
