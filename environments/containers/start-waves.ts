/**
 * The order containers start in: waves of systems that can start together. A system starts after every system
 * it calls (the peers whose URLs stubEnv asks for), which is what START_ORDER promises, but systems that do not
 * depend on each other start at the same time.
 */
import type { SystemName } from '../environment';
import { START_ORDER, stubEnv } from '../wiring';

/** Peers a system is given URLs of. */
export function peersOf(system: SystemName): SystemName[] {
  const peers: SystemName[] = [];
  stubEnv(system, (peer) => {
    peers.push(peer);
    return `http://${peer}:8080`;
  });
  return peers;
}

export function startWaves(order: readonly SystemName[] = START_ORDER): SystemName[][] {
  const wave = new Map<SystemName, number>();
  const waves: SystemName[][] = [];
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
