/**
 * Validation of an Emessage: safe parse, then the schema tables through the engine, then the project's rules.
 * `analyseEmessage` also hands back the tree, so reading needs no second parse.
 */
import { MEDCOM_NS_2005, MEDCOM_NS_2014, type Finding } from '../model';
import { EMESSAGE_2014, SUPPORTED_LETTERS } from '../schema/tables/emessage-2014';
import type { ParseFailure, XmlElement } from '../xml/node';
import { parseXml, type ParseLimits } from '../xml/parse';
import { validateElement } from './engine';
import { FindingCollector } from './findings';
import { pathOf } from './paths';
import { applyProjectRules } from './project-rules';

export interface ValidateOptions {
  /** 'schema': only what the official XSD checks; 'all' (default): also the project's rules. */
  rules?: 'all' | 'schema';
  limits?: Partial<ParseLimits>;
  /** For a message given as bytes: the charset named outside it (HTTP Content-Type), which must agree with it. */
  charset?: string;
}

export interface Analysis {
  /** The (possibly partial) tree; undefined when not even the root could be read. */
  root: XmlElement | undefined;
  findings: Finding[];
  /** Set when the text could not be parsed (then `findings` holds exactly one error). */
  failure: ParseFailure | undefined;
  /** The text that was parsed; undefined when the bytes could not be decoded. */
  text: string | undefined;
}

export function failureFinding(failure: ParseFailure): Finding {
  const what = failure.kind === 'unsafe' ? 'refused' : 'not well-formed XML';
  return {
    severity: 'error',
    kind: failure.kind,
    path: pathOf(failure.openElement),
    message: `${what} at line ${failure.line}, column ${failure.column}: ${failure.reason}`,
    line: failure.line,
  };
}

function checkRoot(root: XmlElement, out: FindingCollector): boolean {
  if (root.local === 'Emessage' && root.ns === MEDCOM_NS_2014) return true;
  const found = root.ns ? `{${root.ns}}${root.local}` : root.local;
  const hint =
    root.ns === MEDCOM_NS_2005
      ? ' (this is the 2005/08/07 set, e.g. a receipt; XRPT01/XRPT05 are sent in the 2014/10/08 set)'
      : root.local === 'Emessage'
        ? ` (add xmlns="${MEDCOM_NS_2014}" to the root)`
        : '';
  out.error('wrong-root', root, `the root element must be Emessage in namespace ${MEDCOM_NS_2014}; found ${found}${hint}`);
  return false;
}

/** `message` as bytes (anything received from outside: decoded strictly) or as text the platform wrote itself. */
export function analyseEmessage(message: string | Uint8Array, options: ValidateOptions = {}): Analysis {
  const parsed = parseXml(message, { ...options.limits, ...(options.charset ? { charset: options.charset } : {}) });
  const text = typeof message === 'string' || parsed.text !== '' || message.length === 0 ? parsed.text : undefined;
  if (parsed.failure) return { root: parsed.root, findings: [failureFinding(parsed.failure)], failure: parsed.failure, text };
  const root = parsed.root as XmlElement;
  const out = new FindingCollector(parsed.text);
  if (checkRoot(root, out)) {
    validateElement(root, EMESSAGE_2014, { namespace: MEDCOM_NS_2014, out });
    if (options.rules !== 'schema') {
      for (const letter of root.children) {
        if (letter.ns === MEDCOM_NS_2014 && letter.local in SUPPORTED_LETTERS) applyProjectRules(letter, out);
      }
    }
  }
  const findings = out.findings.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  return { root, findings, failure: undefined, text };
}

/** Every finding for `xml`: parse errors, schema faults and the project's rules (see ValidateOptions). */
export function validateEmessage(message: string | Uint8Array, options: ValidateOptions = {}): Finding[] {
  return analyseEmessage(message, options).findings;
}
