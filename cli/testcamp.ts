/**
 * `lokalsvar testcamp`: the stubs of `lokalsvar stubs --data DIR` (started the same way) plus the cockpit, a Danish
 * web application on one port (testcamp/): a session per vendor with its own link, live instructions, questions and
 * what the hub received, and the test leader's matrix of vendors × rules. Everything is kept under --data.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { registerCleanup, runCleanups } from '../environments/cleanup';
import { leaderToken } from '../testcamp/access';
import { APPROVED_FILE } from '../testcamp/approvals';
import { approveSessionSystems, type Camp } from '../testcamp/camp';
import { buildCockpitApp } from '../testcamp/cockpit-app';
import { CampEvents } from '../testcamp/events';
import { CampRunner } from '../testcamp/runs';
import { CampStore } from '../testcamp/store';
import { integerOption, UsageError, type CommandSpec, type Output, type ParsedCommand } from './command';
import { accessText, accessTokenFor } from './stub-access';
import { PORT_OPTIONS, ports, startStubs, stubUrlLines } from './stubs';

export const TESTCAMP_SPEC: CommandSpec = {
  name: 'testcamp',
  summary: 'start stubbene og testcampens cockpit: en session pr. leverandør og testlederens matrix i browseren',
  synopsis: 'testcamp [tilvalg]',
  description: [
    'Starter alle stubbe (som lokalsvar stubs --data) og cockpittet, en webapplikation på --port.',
    'Testlederens link skrives ved start; testlederen opretter en session pr. leverandør og giver dens link videre.',
    'Hver kørsel er scenarierne i vendor-tilstand mod campens egne stubbe, med sin egen rapportmappe under --data.',
    'Sessioner, kørsler, svar, vurderinger og rapporter gemmes under --data og overlever en genstart.',
    'Afslutningskode 2: forkert kommandolinje; 1: kunne ikke starte; 130: stoppet med Ctrl-C.',
  ].join('\n'),
  positionals: false,
  options: [
    { name: 'port', type: 'string', value: 'PORT', default: '8700', description: 'porten cockpittet lytter på', example: 'lokalsvar testcamp --port 9700' },
    { name: 'host', type: 'string', value: 'ADRESSE', default: '127.0.0.1', description: 'adressen cockpit og stubbe lytter på (0.0.0.0: hele netværket)', example: 'lokalsvar testcamp --host 0.0.0.0' },
    { name: 'data', type: 'string', value: 'MAPPE', default: './testcamp-data', description: 'hvor campen gemmer alt (SQLite-filer og kørslernes rapporter)', example: 'lokalsvar testcamp --data /srv/testcamp' },
    {
      name: 'public-url',
      type: 'string',
      value: 'URL',
      description: 'cockpittets adresse, som leverandørerne når den (i deres links); standard: http://ADRESSE:PORT',
      example: 'lokalsvar testcamp --host 0.0.0.0 --public-url http://testcamp.local:8700',
    },
    { name: 'tags', type: 'string', value: 'UDTRYK', description: 'begræns alle kørsler til scenarierne med disse tags', example: 'lokalsvar testcamp --tags "not @robusthed"' },
    { name: 'vendor-timeout', type: 'string', value: 'SEKUNDER', default: '300', description: 'hvor længe et trin venter på LPS\'ets besked', example: 'lokalsvar testcamp --vendor-timeout 600' },
    ...PORT_OPTIONS.map((option) => ({ ...option, example: option.example.replace('lokalsvar stubs', 'lokalsvar testcamp') })),
  ],
  examples: ['lokalsvar testcamp', 'lokalsvar testcamp --host 0.0.0.0 --public-url http://testcamp.local:8700 --data /srv/testcamp'],
};

export async function testcampCommand({ values }: ParsedCommand, output: Output): Promise<number> {
  const port = integerOption('port', String(values.port ?? '8700'), 1, 65535);
  const host = String(values.host ?? '127.0.0.1');
  const vendorTimeoutS = integerOption('vendor-timeout', String(values['vendor-timeout'] ?? '300'), 1, 86_400);
  const dataDir = path.resolve(String(values.data ?? 'testcamp-data'));
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new UsageError(`--data ${dataDir}: mappen kan ikke oprettes (${(error as Error).message})`, 'testcamp');
  }
  const publicUrl = String(values['public-url'] ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`).replace(/\/+$/, '');

  const store = new CampStore(path.join(dataDir, 'testcamp.sqlite'));
  registerCleanup('testcamp database', async () => store.close());
  // Runs of a camp that stopped are over: their processes went with it.
  store.interruptUnfinishedRuns();
  approveSessionSystems({ store, dataDir });
  // Beyond loopback the stubs demand a token (contracts/access.ts); the camp's own runs read it from the preset.
  const access = accessTokenFor({ host, containers: false, token: undefined, env: process.env });
  const environment = await startStubs({
    host,
    ports: ports(values),
    approvedSystems: ['Pilot-LPS'],
    dataDir,
    plspSettings: { PLSP_APPROVED_SYSTEMS_FILE: path.join(dataDir, APPROVED_FILE) },
    ...(access ? { accessToken: access.token } : {}),
    command: 'testcamp',
  });
  const presetFile = path.join(dataDir, 'stubs-preset.json');
  const preset = { description: 'The stubs of this test camp (written by lokalsvar testcamp).', urls: environment.urls, ...(access ? { token: access.token } : {}) };
  writeFileSync(presetFile, JSON.stringify(preset, null, 2), { mode: 0o600 });

  const events = new CampEvents();
  const runner = new CampRunner(store, events, {
    dataDir,
    presetFile,
    vendorTimeoutS,
    ...(typeof values.tags === 'string' && values.tags !== '' ? { tags: values.tags } : {}),
  });
  registerCleanup('testcamp runs', () => runner.stopAll());
  const camp: Camp = { store, runner, events, dataDir, plspUrl: environment.urls.plsp, publicUrl };
  const app = buildCockpitApp(camp);
  try {
    await app.listen({ host, port });
  } catch (error) {
    await runCleanups();
    output.err(`lokalsvar testcamp: cockpittet kan ikke lytte på ${host}:${port} (${(error as Error).message}); vælg en anden --port.`);
    return 1;
  }
  registerCleanup('testcamp cockpit', () => app.close());

  output.out(`lokalsvar testcamp kører: cockpittet på ${publicUrl}`);
  output.out(`Testlederens link (giv det ikke videre): ${publicUrl}/adgang?token=${leaderToken(store)}`);
  if (host === '0.0.0.0' && values['public-url'] === undefined) {
    output.out('Leverandørernes links peger på 127.0.0.1: giv --public-url http://<maskinens navn>:<port>, så de virker fra deres maskiner.');
  }
  output.out('\nStubbene:');
  for (const line of stubUrlLines(environment)) output.out(line);
  output.out(`\nData gemmes i ${dataDir}; start igen med samme --data for at fortsætte.`);
  output.out(`En ny sessions LPS-system godkendes straks i PLSP (${path.join(dataDir, APPROVED_FILE)}); ellers kun Pilot-LPS.`);
  output.out(`Et LPS sender til ${environment.urls.plsp}/plsp/v1/xrpt (header X-LPS-System: <systemets navn>).`);
  output.out(accessText(access));
  output.out('Stop med Ctrl-C.');
  await new Promise<never>(() => undefined);
  return 0;
}
