/**
 * `lokalsvar valider FIL.xml ...`: validates MedCom XRPT01/XRPT05 messages with the project's validator.
 *
 * Output, one finding a line, then one summary line (in Danish, like the rest of the command line):
 *   FILE:LINE: error: PATH: what is wrong
 *   FILE:LINE: warning: PATH: what is recommended
 *   3 filer: 2 gyldige, 1 ugyldig, 0 ulæselige (4 fejl, 1 advarsel)
 * (LINE is left out when unknown; FILE:LINE and error/warning are the compiler format editors read. The findings'
 * own text is the validator's, the same the hub puts in a negative receipt's RefuseText.) A file that cannot be
 * read gets `FILE: kan ikke læses: reason`.
 * Exit code: 0 when every file is valid (warnings allowed), 1 when any is invalid, 2 when any cannot be read
 * (or no file was given).
 */
import { readFile, stat } from 'node:fs/promises';
import { decodeXmlBytes, validateEmessage, type Finding } from '../medcom';
import { DEFAULT_LIMITS } from '../medcom/xml/parse';
import { UsageError, type CommandSpec, type Output, type ParsedCommand } from './command';

export const VALIDER: CommandSpec = {
  name: 'valider',
  summary: 'validér MedCom-beskeder (XRPT01/XRPT05), før de sendes',
  synopsis: 'valider [--] FIL.xml ...',
  description: [
    'Tjekker MedComs skemaregler for XRPT01/XRPT05 og projektets egne regler; ét fund pr. linje:',
    'FIL:LINJE: error|warning: STI: hvad der er galt, og hvad der er tilladt. Til sidst én opsummering.',
    'Afslutningskode 0: alle gyldige (advarsler tilladt), 1: mindst én ugyldig, 2: en fil kan ikke læses',
    'eller kommandolinjen er forkert. Et filnavn der begynder med "-" skrives efter --.',
  ].join('\n'),
  positionals: true,
  options: [],
  examples: ['lokalsvar valider besked.xml', 'lokalsvar valider beskeder/*.xml', 'lokalsvar valider -- -besked.xml'],
};

type FileOutcome = { unreadable: string } | { findings: Finding[] };

async function check(file: string): Promise<FileOutcome> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { unreadable: 'ikke en fil' };
    if (info.size > DEFAULT_LIMITS.maxBytes) {
      const message = `refused: the file is ${info.size} bytes; the limit is ${DEFAULT_LIMITS.maxBytes} bytes`;
      return { findings: [{ severity: 'error', kind: 'unsafe', path: '/', message }] };
    }
    bytes = await readFile(file);
  } catch (error) {
    return { unreadable: readFailure(error as NodeJS.ErrnoException) };
  }
  const decoded = decodeXmlBytes(bytes);
  if ('error' in decoded) return { findings: [{ severity: 'error', kind: 'not-well-formed', path: '/', message: decoded.error }] };
  return { findings: validateEmessage(decoded.text) };
}

const READ_FAILURES: Record<string, string> = {
  ENOENT: 'findes ikke (tjek stien)',
  EACCES: 'ingen adgang (tjek filens rettigheder)',
  EISDIR: 'er en mappe, ikke en fil',
};

function readFailure(error: NodeJS.ErrnoException): string {
  return (error.code && READ_FAILURES[error.code]) ?? error.message ?? String(error);
}

export function formatFinding(file: string, finding: Finding): string {
  const place = finding.line === undefined ? file : `${file}:${finding.line}`;
  return `${place}: ${finding.severity}: ${finding.path}: ${finding.message}`;
}

function count(value: number, one: string, many: string): string {
  return `${value} ${value === 1 ? one : many}`;
}

/** Validates the files; one line at a time to out. Returns the exit code. */
export async function runValider(files: string[], out: (line: string) => void): Promise<number> {
  if (files.length === 0) throw new UsageError('giv mindst én fil at validere, fx lokalsvar valider besked.xml', VALIDER.name);
  let valid = 0;
  let invalid = 0;
  let unreadable = 0;
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const outcome = await check(file);
    if ('unreadable' in outcome) {
      unreadable += 1;
      out(`${file}: kan ikke læses: ${outcome.unreadable}`);
      continue;
    }
    for (const finding of outcome.findings) out(formatFinding(file, finding));
    const fileErrors = outcome.findings.filter((finding) => finding.severity === 'error').length;
    errors += fileErrors;
    warnings += outcome.findings.length - fileErrors;
    if (fileErrors > 0) invalid += 1;
    else valid += 1;
  }
  out(
    `${count(files.length, 'fil', 'filer')}: ${count(valid, 'gyldig', 'gyldige')}, ${count(invalid, 'ugyldig', 'ugyldige')}, ` +
      `${count(unreadable, 'ulæselig', 'ulæselige')} (${count(errors, 'fejl', 'fejl')}, ${count(warnings, 'advarsel', 'advarsler')})`,
  );
  return unreadable > 0 ? 2 : invalid > 0 ? 1 : 0;
}

export function validerCommand(parsed: ParsedCommand, output: Output): Promise<number> {
  return runValider(parsed.positionals, output.out);
}
