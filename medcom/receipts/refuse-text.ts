/**
 * RefuseText: every error finding as `path: message`, one a line (written as <Break/>).
 * The 2005 schema does not limit RefuseText (BreakableText, mixed content); to keep receipts readable and bounded
 * against hostile input, at most MAX_LINES findings are listed, each cut at MAX_LINE_LENGTH characters, and a last
 * line says how many more there were.
 */
import type { Finding } from '../model';

export const MAX_LINES = 50;
export const MAX_LINE_LENGTH = 500;

function line(finding: Finding): string {
  const text = `${finding.path}: ${finding.message}`;
  return text.length > MAX_LINE_LENGTH ? `${text.slice(0, MAX_LINE_LENGTH - 3)}...` : text;
}

/** Undefined when there is no error finding. */
export function refuseText(findings: readonly Finding[]): string | undefined {
  const errors = findings.filter((finding) => finding.severity === 'error');
  if (errors.length === 0) return undefined;
  const shown = errors.slice(0, errors.length > MAX_LINES ? MAX_LINES - 1 : MAX_LINES).map(line);
  const more = errors.length - shown.length;
  if (more > 0) shown.push(`... and ${more} more error${more === 1 ? '' : 's'}`);
  return shown.join('\n');
}
