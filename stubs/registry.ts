/** Every stub by name: how to build its app from environment variables, and its fixed default port. */
import type { FastifyInstance } from 'fastify';
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
}

export const STUBS: Readonly<Record<StubName, StubDefinition>> = {
  plsp: { defaultPort: 8701, build: (env) => buildPlspApp(readPlspConfig(env)) },
  laba: { defaultPort: 8702, build: (env) => buildDatabankApp(readDatabankConfig({ DATABANK_ROLE: 'laba', ...env })) },
  miba: { defaultPort: 8703, build: (env) => buildDatabankApp(readDatabankConfig({ DATABANK_ROLE: 'miba', ...env })) },
  labportal: { defaultPort: 8704, build: (env) => buildLabportalApp(readLabportalConfig(env)) },
  sundhedsjournal: { defaultPort: 8705, build: (env) => buildSundhedsjournalApp(readSundhedsjournalConfig(env)) },
  'pilot-lps': { defaultPort: 8706, build: (env) => buildPilotLpsApp(readPilotLpsConfig(env)) },
};

export function isStubName(name: string): name is StubName {
  return (STUB_NAMES as readonly string[]).includes(name);
}
