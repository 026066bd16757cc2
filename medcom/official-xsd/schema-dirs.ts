/**
 * Where the official schemas and examples are: never copied into the project, given at run time.
 * MEDCOM_XSD_DIR (default ../shared/medcom-xsd from the project root) may point at the schema root (holding
 * 2014/10/08 and 2005/08/07) or straight at the 2014/10/08 folder. MEDCOM_EXAMPLES_DIR defaults to
 * ../shared/medcom-examples.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(__dirname, '../..');

function fromEnv(name: string, fallback: string): string {
  const value = process.env[name];
  return value ? resolve(PROJECT_ROOT, value) : resolve(PROJECT_ROOT, fallback);
}

export interface SchemaDirs {
  /** Folder holding EMessage.xsd of 2014/10/08 (XRPT01/XRPT05). */
  set2014?: string;
  /** Folder holding EMessage.xsd of 2005/08/07 (receipts). */
  set2005?: string;
  /** Why a set is missing, for the skip message. */
  looked: string;
}

export function schemaDirs(): SchemaDirs {
  const base = fromEnv('MEDCOM_XSD_DIR', '../shared/medcom-xsd');
  const direct = existsSync(join(base, 'EMessage.xsd'));
  const set2014 = direct ? base : join(base, '2014/10/08');
  const set2005 = direct ? resolve(base, '../../../2005/08/07') : join(base, '2005/08/07');
  return {
    ...(existsSync(join(set2014, 'EMessage.xsd')) ? { set2014 } : {}),
    ...(existsSync(join(set2005, 'EMessage.xsd')) ? { set2005 } : {}),
    looked: base,
  };
}

export function examplesLooked(): string {
  return fromEnv('MEDCOM_EXAMPLES_DIR', '../shared/medcom-examples');
}

export function examplesDir(): string | undefined {
  const dir = examplesLooked();
  return existsSync(dir) ? dir : undefined;
}

export function skipReason(what: string, dir: string): string {
  return `${what} not found under ${dir}: set MEDCOM_XSD_DIR / MEDCOM_EXAMPLES_DIR to the official MedCom files to run this test`;
}
