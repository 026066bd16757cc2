import type { DatabankRole } from '../../contracts/databank';
import { optionalString, type Env } from '../common/config';

export interface DatabankConfig {
  role: DatabankRole;
  /** SQLite file, or ':memory:' (the default: every run starts empty). */
  databasePath: string;
}

export function readDatabankConfig(env: Env): DatabankConfig {
  const role = env.DATABANK_ROLE;
  if (role !== 'laba' && role !== 'miba') {
    throw new Error(`DATABANK_ROLE=${role ?? ''} is not a databank: give laba (XRPT01) or miba (XRPT05)`);
  }
  return { role, databasePath: optionalString(env, 'DATABANK_DB', ':memory:') };
}
