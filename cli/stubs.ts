/**
 * `lokalsvar stubs`: starts every stub on fixed ports (hub 8701, LABA 8702, MiBa 8703, portal 8704,
 * Sundhedsjournal 8705, pilot LPS 8706, WireMock 8707), prints their URLs and how a vendor's LPS connects, and
 * runs until Ctrl-C, when it stops everything it started. A suite elsewhere reaches them with E2E_ENV=remote.
 * With --data DIR the databanks, the hub's journal and its counters are kept in SQLite files under DIR.
 */
import { startEnvironment } from '../environments';
import { registerCleanup } from '../environments/cleanup';
import { SYSTEMS, type EndpointName, type Environment } from '../environments/environment';
import { startLocalEnvironment } from '../environments/local';
import { STUBS } from '../stubs/registry';
import { integerOption, UsageError, type CommandSpec, type OptionSpec, type Output, type ParsedCommand } from './command';
import { accessText, accessTokenFor } from './stub-access';
import { ACCESS_TOKEN_ENV } from '../contracts/access';
import { DATA_FILES, PASSED_PLSP_SETTINGS, stubSettings } from './stub-settings';

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
  wiremock: 'WireMock (PLSP→databanker)',
};

/** The port options of every stub, shared with `lokalsvar testcamp`. */
export const PORT_OPTIONS: OptionSpec[] = ENDPOINTS.map((name) => ({
  name: `${name}-port`,
  type: 'string',
  value: 'PORT',
  default: String(DEFAULT_PORTS[name]),
  description: `port for ${LABELS[name]}`,
  example: `lokalsvar stubs --${name}-port ${DEFAULT_PORTS[name] + 1000}`,
}));

export const STUBS_SPEC: CommandSpec = {
  name: 'stubs',
  summary: 'start alle stubbe (PLSP, LABA, MiBa, portal, Sundhedsjournalen, pilot-LPS, WireMock) til en testcamp',
  synopsis: 'stubs [tilvalg]',
  description: [
    'Starter alle systemer i denne proces på faste porte og kører, til Ctrl-C stopper dem.',
    `Uden --data starter alt tomt; med --data MAPPE gemmes LABAs og MiBas svar, PLSPs journal og tællere i`,
    `${Object.values(DATA_FILES).join(', ')} i MAPPE, så en genstart (også efter kill -9) ikke mister noget, der fik en`,
    'positiv kvittering. Fra miljøet gælder PLSPs indstillinger (se README):',
    `  ${PASSED_PLSP_SETTINGS.join(', ')}.`,
    'Afslutningskode 2: forkert kommandolinje; 1: stubbene kunne ikke starte; 130: stoppet med Ctrl-C.',
  ].join('\n'),
  positionals: false,
  options: [
    { name: 'containers', type: 'boolean', description: 'kør hver stub i sin egen container (kræver Docker)', example: 'lokalsvar stubs --containers' },
    { name: 'host', type: 'string', value: 'ADRESSE', default: '127.0.0.1', description: 'adressen stubbene lytter på (0.0.0.0: hele netværket)', example: 'lokalsvar stubs --host 0.0.0.0' },
    {
      name: 'approved',
      type: 'string',
      value: 'NAVNE',
      default: 'Pilot-LPS',
      description: 'LPS-systemer, der må uploade (LABA-01), kommasepareret',
      example: 'lokalsvar stubs --approved "Pilot-LPS,Mit-LPS"',
    },
    {
      name: 'data',
      type: 'string',
      value: 'MAPPE',
      description: 'gem databankerne, PLSPs journal og tællere i SQLite-filer i MAPPE (ikke med --containers)',
      example: 'lokalsvar stubs --data ./testcamp-data',
    },
    {
      name: 'token',
      type: 'string',
      value: 'TOKEN',
      description: `adgangstoken, som alle læse- og styringsendepunkter kræver ud over loopback (ellers ${ACCESS_TOKEN_ENV}, ellers dannes ét)`,
      example: 'lokalsvar stubs --host 0.0.0.0 --token "$(openssl rand -hex 24)"',
    },
    ...PORT_OPTIONS,
  ],
  examples: ['lokalsvar stubs', 'lokalsvar stubs --host 0.0.0.0 --approved "Pilot-LPS,Mit-LPS" --data ./testcamp-data', 'lokalsvar stubs --containers'],
};

export function ports(values: ParsedCommand['values']): Record<EndpointName, number> {
  return Object.fromEntries(
    ENDPOINTS.map((name) => {
      const given = values[`${name}-port`];
      return [name, typeof given === 'string' ? integerOption(`${name}-port`, given, 1, 65535) : DEFAULT_PORTS[name]];
    }),
  ) as Record<EndpointName, number>;
}

export interface StubsStart {
  containers?: boolean;
  host: string;
  ports: Record<EndpointName, number>;
  approvedSystems: string[];
  dataDir?: string;
  /** Further hub settings beyond those from the environment (e.g. PLSP_APPROVED_SYSTEMS_FILE for a test camp). */
  plspSettings?: Record<string, string>;
  /** The token every read and control endpoint demands (beyond loopback; see contracts/access.ts). */
  accessToken?: string;
  /** Whose command line a usage error names. */
  command: string;
}

/** Starts every stub as `lokalsvar stubs` does (also for `lokalsvar testcamp`); Ctrl-C and SIGTERM stop them. */
export async function startStubs(start: StubsStart): Promise<Environment> {
  if (start.dataDir !== undefined && start.containers) throw new UsageError('--data gælder stubbene i denne proces og kan ikke bruges med --containers', start.command);
  const settings = stubSettings(process.env, start.dataDir, start.command);
  const options = {
    approvedSystems: start.approvedSystems,
    stubSettings: { ...settings, plsp: { ...settings.plsp, ...start.plspSettings } },
    ...(start.accessToken ? { accessToken: start.accessToken } : {}),
  };
  const environment: Environment = start.containers
    ? await startEnvironment('containers', options, { ports: start.ports })
    : await startLocalEnvironment(options, { host: start.host, ports: start.ports });
  registerCleanup('stubs', () => environment.stop());
  return environment;
}

/** One line per system: its name and URL. */
export function stubUrlLines(environment: Environment): string[] {
  return ENDPOINTS.map((name) => `  ${LABELS[name].padEnd(26)} ${environment.urls[name]}`);
}

export async function stubsCommand({ values }: ParsedCommand, output: Output): Promise<number> {
  const approvedSystems = String(values.approved ?? 'Pilot-LPS')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (approvedSystems.length === 0) throw new UsageError('--approved: giv mindst ét LPS-system, fx --approved "Pilot-LPS,Mit-LPS"', 'stubs');
  const dataDir = typeof values.data === 'string' ? values.data : undefined;
  const host = String(values.host ?? '127.0.0.1');
  const access = accessTokenFor({ host, containers: values.containers === true, token: values.token, env: process.env });
  const environment = await startStubs({
    containers: values.containers === true,
    host,
    ports: ports(values),
    approvedSystems,
    ...(dataDir !== undefined ? { dataDir } : {}),
    ...(access ? { accessToken: access.token } : {}),
    command: 'stubs',
  });
  output.out(`lokalsvar stubs (${environment.kind}) kører:`);
  for (const line of stubUrlLines(environment)) output.out(line);
  output.out(dataDir === undefined ? '\nData: kun i hukommelsen (tabes ved stop; gem dem med --data MAPPE).' : `\nData gemmes i ${dataDir}.`);
  output.out(`LPS-systemer, der må uploade (LABA-01): ${approvedSystems.join(', ')}; tilføj jeres med --approved "Pilot-LPS,<jeres LPS>".`);
  output.out(`Et LPS sender til ${environment.urls.plsp}/plsp/v1/xrpt (header X-LPS-System: <systemets navn>).`);
  output.out(`Tællere: ${environment.urls.plsp}/metrics. Kør scenarierne mod stubbene: E2E_ENV=remote npm run e2e`);
  output.out(accessText(access));
  output.out('Stop med Ctrl-C.');
  await new Promise<never>(() => undefined);
  return 0;
}
