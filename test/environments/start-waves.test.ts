/** The start waves of containers mode (environments/containers/start-waves.ts): no Docker needed. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { peersOf, startWaves } from '../../environments/containers/start-waves';
import { SYSTEMS, type EndpointName, type SystemName } from '../../environments/environment';
import { START_ORDER } from '../../environments/wiring';

test('every system and WireMock start exactly once', () => {
  const started = startWaves().flat();
  assert.deepEqual([...started].sort(), [...SYSTEMS, 'wiremock'].sort());
});

test('WireMock starts in the first wave, beside the databanks', () => {
  const [first] = startWaves();
  assert.ok(first.includes('wiremock'), `first wave: ${first.join()}`);
  assert.ok(first.includes('laba') && first.includes('miba'), `first wave: ${first.join()}`);
});

test('every system starts in a later wave than every endpoint it calls; PLSP after WireMock', () => {
  const waveOf = new Map<EndpointName, number>();
  startWaves().forEach((wave, index) => wave.forEach((endpoint) => waveOf.set(endpoint, index)));
  for (const system of SYSTEMS) {
    for (const peer of peersOf(system)) {
      assert.ok((waveOf.get(peer) ?? Infinity) < (waveOf.get(system) ?? -1), `${system} (wave ${waveOf.get(system)}) after ${peer} (wave ${waveOf.get(peer)})`);
    }
  }
  assert.ok(peersOf('plsp').includes('wiremock'), 'PLSP reaches the databanks through WireMock');
});

test('an order that puts a system before one it calls is refused', () => {
  const wrong: SystemName[] = ['labportal', ...START_ORDER.filter((system) => system !== 'labportal')];
  assert.throws(() => startWaves(wrong), /START_ORDER puts labportal before laba, which it calls/);
});
