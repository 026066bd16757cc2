/**
 * `lokalsvar stubs`: starts every stub on fixed ports (hub 8701, LABA 8702, MiBa 8703, portal 8704,
 * Sundhedsjournal 8705, pilot LPS 8706, WireMock 8707), prints their URLs and how a vendor's LPS connects, and
 * runs until Ctrl-C, when it stops everything it started. A suite elsewhere reaches them with E2E_ENV=remote.
 */
import { parseArgs } from 'node:util';
import { startEnvironment } from '../environments';
import { registerCleanup } from '../environments/cleanup';
import { SYSTEMS, type EndpointName, type Environment } from '../environments/environment';
import { startLocalEnvironment } from '../environments/local';
import { STUBS } from '../stubs/registry';

const ENDPOINTS: readonly EndpointName[] = [...SYSTEMS, 'wiremock'];
const DEFAULT_PORTS: Record<EndpointName, number> = {
  ...(Object.fromEntries(SYSTEMS.map((system) => [system, STUBS[system].defaultPort])) as Record<(typeof SYSTEMS)[number], number>),
  wiremock: 8707,
};
const LABELS: Record<EndpointName, string> = {
  plsp: 'PLSP Health Hub',
  laba: 'LABA (XRPT01)',
  miba: 'MiBa (XRPT05)',
  labportal: 'Laboratoriesvarportalen',
  sundhedsjournal: 'Sundhedsjournalen',
  'pilot-lps': 'Pilot-LPS',
  wiremock: 'WireMock (PLSP→databanks)',
};

function parsePorts(values: Record<string, string | boolean | undefined>): Partial<Record<EndpointName, number>> {
  const ports: Partial<Record<EndpointName, number>> = {};
  for (const name of ENDPOINTS) {
    const given = values[`${name}-port`];
    const port = typeof given === 'string' ? Number(given) : DEFAULT_PORTS[name];
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--${name}-port ${given}: give a port number 1-65535`);
    ports[name] = port;
  }
  return ports;
}

export async function runStubs(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      containers: { type: 'boolean', default: false },
      host: { type: 'string', default: '127.0.0.1' },
      approved: { type: 'string', default: 'Pilot-LPS' },
      ...Object.fromEntries(ENDPOINTS.map((name) => [`${name}-port`, { type: 'string' as const }])),
    },
  });
  const ports = parsePorts(values);
  const approvedSystems = String(values.approved)
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const environment: Environment = values.containers
    ? await startEnvironment('containers', { approvedSystems }, { ports })
    : await startLocalEnvironment({ approvedSystems }, { host: String(values.host), ports });
  registerCleanup('stubs', () => environment.stop());
  console.log(`lokalsvar stubs (${environment.kind}) are running:`);
  for (const name of ENDPOINTS) console.log(`  ${LABELS[name].padEnd(26)} ${environment.urls[name]}`);
  console.log(`\nSystems approved to upload (LABA-01): ${approvedSystems.join(', ')}; add yours with --approved "Pilot-LPS,<your LPS>".`);
  console.log(`A vendor's LPS sends to ${environment.urls.plsp}/plsp/v1/xrpt (header X-LPS-System: <system name>).`);
  console.log(`Monitoring: ${environment.urls.plsp}/metrics. Run the suite against these stubs: E2E_ENV=remote npm run e2e`);
  console.log('Stop with Ctrl-C.');
  await new Promise<never>(() => undefined);
  return 0;
}
