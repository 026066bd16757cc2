/** Every stub by name: how to build its app from environment variables, and its fixed default port. */
import type { FastifyInstance } from 'fastify';
import { HUB_ONLY_DATABANK_ROUTES, type Route } from '../contracts/access';
import { DATABANK_DEFAULT_PORTS } from '../contracts/databank';
import { LABPORTAL_DEFAULT_PORT } from '../contracts/labportal';
import { PILOT_LPS_DEFAULT_PORT } from '../contracts/pilot-lps';
import { PLSP_DEFAULT_PORT } from '../contracts/plsp';
import { SUNDHEDSJOURNAL_DEFAULT_PORT } from '../contracts/sundhedsjournal';
import type { Env } from './common/config';
import { buildDatabankApp } from './databank/app';
import { readDatabankConfig } from './databank/config';
import { buildLabportalApp } from './labportal/app';
import { readLabportalConfig } from './labportal/config';
import { buildPilotLpsApp } from './pilot-lps/app';
import { readPilotLpsConfig } from './pilot-lps/config';
import { buildPlspApp } from './plsp/app';
import { readPlspConfig } from './plsp/config';
import { buildSundhedsjournalApp } from './sundhedsjournal/app';
import { readSundhedsjournalConfig } from './sundhedsjournal/config';

export const STUB_NAMES = ['plsp', 'laba', 'miba', 'labportal', 'sundhedsjournal', 'pilot-lps'] as const;
export type StubName = (typeof STUB_NAMES)[number];

export interface StubDefinition {
  /** Port used by `lokalsvar stubs` and in containers unless PORT overrides it. */
  defaultPort: number;
  build(env: Env): Promise<FastifyInstance>;
  /** Routes only the hub may call, with its signature (contracts/access.ts). */
  hubOnlyRoutes?: readonly Route[];
}

export const STUBS: Readonly<Record<StubName, StubDefinition>> = {
  plsp: { defaultPort: PLSP_DEFAULT_PORT, build: (env) => buildPlspApp(readPlspConfig(env)) },
  laba: { defaultPort: DATABANK_DEFAULT_PORTS.LABA, build: (env) => buildDatabankApp(readDatabankConfig({ DATABANK_ROLE: 'laba', ...env })), hubOnlyRoutes: HUB_ONLY_DATABANK_ROUTES },
  miba: { defaultPort: DATABANK_DEFAULT_PORTS.MiBa, build: (env) => buildDatabankApp(readDatabankConfig({ DATABANK_ROLE: 'miba', ...env })), hubOnlyRoutes: HUB_ONLY_DATABANK_ROUTES },
  labportal: { defaultPort: LABPORTAL_DEFAULT_PORT, build: (env) => buildLabportalApp(readLabportalConfig(env)) },
  sundhedsjournal: { defaultPort: SUNDHEDSJOURNAL_DEFAULT_PORT, build: (env) => buildSundhedsjournalApp(readSundhedsjournalConfig(env)) },
  'pilot-lps': { defaultPort: PILOT_LPS_DEFAULT_PORT, build: (env) => buildPilotLpsApp(readPilotLpsConfig(env)) },
};

export function isStubName(name: string): name is StubName {
  return (STUB_NAMES as readonly string[]).includes(name);
}
