/**
 * Expected and actual result of a failed step, read from its error message. Understands, in this order:
 *   the platform's Danish assertions:   "... forventet <X>, fandt <Y>" (also "forventet: X ... fandt: Y" on lines)
 *   node:assert's diffs:                 "+ actual - expected" blocks (as cucumber formats them, or bare), and
 *                                        "<actual> !== <expected>"
 *   the drivers' HTTP checks:            "expected HTTP 200, got 500 from ..."
 * Anything else keeps the message as the actual result and leaves the expected one to the step's text.
 */

export interface ExpectedActual {
  /** What the step expected; absent when the message does not say. */
  expected?: string;
  actual: string;
  /** The sentence before the comparison, e.g. "Sundhedsjournalen shows the result otherwise than shared". */
  summary?: string;
}

const DANISH = /^(?<summary>[\s\S]*?)\bforventet:?\s+(?<expected>[\s\S]+?),?\s+fandt:?\s+(?<actual>[\s\S]+?)\s*$/i;
const NOT_EQUAL = /^(?<actual>.+) !== (?<expected>.+)$/m;
const HTTP = /expected (?<expected>HTTP \d{3}), got (?<actual>\d{3}[\s\S]*)$/;

/** Without blank lines around it and without the indentation all its lines share. */
function trimmed(text: string): string {
  const lines = text.replace(/\s+$/u, '').replace(/^\s*\n/u, '').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)?.[0].length ?? 0));
  return lines.map((line) => line.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}

function nodeDiff(message: string): ExpectedActual | undefined {
  const lines = message.split('\n');
  const header = lines.findIndex((line) => line.trim().startsWith('+ actual - expected'));
  if (header < 0) return undefined;
  // Cucumber's formatter appends its own "+ expected - actual" diff (indented) below node's: node's is the readable one.
  const appended = lines.findIndex((line, index) => index > header && /^\s+\+ expected - actual/.test(line));
  const body = lines.slice(header + 1, appended < 0 ? undefined : appended).filter((line) => !/^\s*\^+\s*$/.test(line));
  const side = (sign: '+' | '-'): string =>
    trimmed(
      body
        .filter((line) => !line.startsWith(sign === '+' ? '-' : '+'))
        .map((line) => (line.startsWith(sign) ? ` ${line.slice(1)}` : line))
        .join('\n'),
    );
  const summary = lines.slice(0, header).join('\n').replace(/^AssertionError(?: \[\w+\])?: /, '').trim();
  return { expected: side('-'), actual: side('+'), ...(summary ? { summary } : {}) };
}

export function expectedAndActual(message: string): ExpectedActual {
  const text = message.replace(/\r\n/g, '\n');
  // Cucumber appends the stack after the message: keep the message only.
  const withoutStack = text.split(/\n\s+at /u)[0] as string;
  const danish = DANISH.exec(withoutStack)?.groups;
  if (danish) {
    const summary = danish.summary?.trim().replace(/[:;,]$/u, '');
    return { expected: (danish.expected as string).trim(), actual: (danish.actual as string).trim(), ...(summary ? { summary } : {}) };
  }
  const diff = nodeDiff(withoutStack);
  if (diff) return diff;
  const notEqual = NOT_EQUAL.exec(withoutStack);
  if (notEqual?.groups) {
    const summary = withoutStack.slice(0, notEqual.index).trim();
    return { expected: (notEqual.groups.expected as string).trim(), actual: (notEqual.groups.actual as string).trim(), ...(summary ? { summary } : {}) };
  }
  const http = HTTP.exec(withoutStack);
  if (http?.groups) {
    return { expected: http.groups.expected as string, actual: `HTTP ${(http.groups.actual as string).trim()}`, summary: withoutStack.slice(0, http.index).replace(/[:\s]+$/u, '') };
  }
  return { actual: withoutStack.trim().replace(/^(?:Assertion)?Error(?: \[\w+\])?: /u, '') };
}
