/**
 * `lokalsvar valider FIL.xml ...`: validates MedCom XRPT01/XRPT05 messages with the project's validator.
 *
 * Output, one finding a line, then one summary line:
 *   FILE:LINE: error: PATH: what is wrong
 *   FILE:LINE: warning: PATH: what is recommended
 *   3 files: 2 valid, 1 invalid, 0 unreadable (4 errors, 1 warning)
 * (LINE is left out when unknown; FILE:LINE lets editors jump to the place.) A file that cannot be read gets
 * `FILE: cannot read: reason`.
 * Exit code: 0 when every file is valid (warnings allowed), 1 when any is invalid, 2 when any cannot be read
 * (or no file was given).
 */
import { readFile, stat } from 'node:fs/promises';
import { decodeXmlBytes, validateEmessage, type Finding } from '../medcom';
import { DEFAULT_LIMITS } from '../medcom/xml/parse';

export const USAGE = 'Usage: lokalsvar valider FIL.xml ...';

type FileOutcome = { unreadable: string } | { findings: Finding[] };

async function check(file: string): Promise<FileOutcome> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { unreadable: 'not a file' };
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
  ENOENT: 'no such file (check the path)',
  EACCES: 'permission denied',
  EISDIR: 'is a folder, not a file',
};

function readFailure(error: NodeJS.ErrnoException): string {
  return (error.code && READ_FAILURES[error.code]) ?? error.message ?? String(error);
}

export function formatFinding(file: string, finding: Finding): string {
  const place = finding.line === undefined ? file : `${file}:${finding.line}`;
  return `${place}: ${finding.severity}: ${finding.path}: ${finding.message}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export async function runValider(args: string[], out: (line: string) => void): Promise<number> {
  const files = args.filter((arg) => arg !== '--');
  if (files.length === 0) {
    out(USAGE);
    return 2;
  }
  let valid = 0;
  let invalid = 0;
  let unreadable = 0;
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const outcome = await check(file);
    if ('unreadable' in outcome) {
      unreadable += 1;
      out(`${file}: cannot read: ${outcome.unreadable}`);
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
    `${plural(files.length, 'file')}: ${valid} valid, ${invalid} invalid, ${unreadable} unreadable ` +
      `(${plural(errors, 'error')}, ${plural(warnings, 'warning')})`,
  );
  return unreadable > 0 ? 2 : invalid > 0 ? 1 : 0;
}
