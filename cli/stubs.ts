/**
 * `lokalsvar stubs`: starts every stub on fixed ports (hub 8701, LABA 8702, MiBa 8703, portal 8704,
 * Sundhedsjournal 8705, pilot LPS 8706), prints their URLs and what a vendor registers in its LPS, and runs until
 * Ctrl-C, when it stops everything it started.
 */
import { parseArgs } from 'node:util';
import { startEnvironment } from '../environments';
import { SYSTEMS, type Environment, type SystemName } from '../environments/environment';
import { startLocalEnvironment } from '../environments/local';
import { registerCleanup } from '../environments/cleanup';
import { STUBS } from '../stubs/registry';

const LABELS: Record<SystemName, string> = {
  plsp: 'PLSP Health Hub',
  laba: 'LABA (XRPT01)',
  miba: 'MiBa (XRPT05)',
  labportal: 'Laboratoriesvarportalen',
  sundhedsjournal: 'Sundhedsjournalen',
  'pilot-lps': 'Pilot-LPS',
};

function parsePorts(values: Record<string, string | boolean | undefined>): Partial<Record<SystemName, number>> {
  const ports: Partial<Record<SystemName, number>> = {};
  for (const system of SYSTEMS) {
    const given = values[`${system}-port`];
    const port = typeof given === 'string' ? Number(given) : STUBS[system].defaultPort;
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--${system}-port ${given}: give a port number 1-65535`);
    ports[system] = port;
  }
  return ports;
}

export async function runStubs(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      containers: { type: 'boolean', default: false },
      host: { type: 'string', default: '127.0.0.1' },
      ...Object.fromEntries(SYSTEMS.map((system) => [`${system}-port`, { type: 'string' as const }])),
    },
  });
  const ports = parsePorts(values);
  // Containers publish on free host ports for now (printed below); fixed ports apply to the in-process stubs.
  const environment: Environment = values.containers
    ? await startEnvironment('containers')
    : await startLocalEnvironment({}, { host: String(values.host), ports });
  registerCleanup('stubs', () => environment.stop());
  console.log(`lokalsvar stubs (${environment.kind}) are running:`);
  for (const system of SYSTEMS) console.log(`  ${LABELS[system].padEnd(24)} ${environment.urls[system]}`);
  console.log(`  ${'WireMock (PLSP → LABA/MiBa)'.padEnd(24)} ${environment.urls.wiremock}/__admin`);
  console.log(`\nA vendor's LPS sends to ${environment.urls.plsp}/plsp/v1/xrpt (header X-LPS-System: <system name>).`);
  console.log(`Monitoring: ${environment.urls.plsp}/metrics. Stop with Ctrl-C.`);
  await new Promise<never>(() => undefined);
  return 0;
}
