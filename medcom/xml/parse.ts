/**
 * A small, strict and safe XML parser that builds the light tree of node.ts in one pass.
 *
 * Safe by construction: no DTD is processed (a DOCTYPE stops parsing with an 'unsafe' failure), only the five
 * predefined entities and character references are known, nothing is ever read from outside the string, and size
 * and depth are bounded. Every failure says where (line, column) and what was wrong; parsing stops at the first.
 * Namespaces are resolved (prefixes and default namespace), as a namespace-aware parser must.
 */
import * as chars from './chars';
import { NamespaceScopes, type Declaration } from './namespaces';
import type { ParseResult, XmlAttribute, XmlElement } from './node';
import * as references from './references';
import { Stop } from './stop';
import { lineAndColumn } from './position';
import { decodeXmlBytes } from './decode';

export interface ParseLimits {
  /** Largest document accepted, in UTF-8 bytes. Default 5 MiB. */
  maxBytes: number;
  /** Deepest element nesting accepted. Default 64. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: ParseLimits = { maxBytes: 5 * 1024 * 1024, maxDepth: 64 };

// Bound once: compiled to CommonJS, every call through an imported binding would go through a getter, which
// costs a quarter of the parse time in the character loops.
const { describeCodePoint, findIllegalChar, isBlank, isNameChar, isNameStartChar, isXmlWhitespace } = chars;
const { decodeCharacterData, normaliseLineEnds } = references;

/** 1 for the ASCII characters that may continue a name. */
const ASCII_NAME_CHAR = new Uint8Array(128).map((_, code) => (isNameChar(code) ? 1 : 0));

type PendingAttribute = Declaration;

/** The same attribute name twice in one start tag. */
function checkDistinctNames(pending: readonly PendingAttribute[]): void {
  const seen = new Set<string>();
  for (const attribute of pending) {
    if (seen.has(attribute.qname)) throw new Stop(`attribute ${attribute.qname} is given twice`, attribute.offset);
    seen.add(attribute.qname);
  }
}

class Parser {
  private pos = 0;
  private root: XmlElement | undefined;
  private current: XmlElement | undefined;
  private depth = 0;
  private readonly namespaces = new NamespaceScopes();

  constructor(
    private readonly src: string,
    private readonly limits: ParseLimits,
  ) {}

  run(): ParseResult {
    try {
      this.checkSize();
      this.checkCharacters();
      this.document();
      return { root: this.root, failure: undefined };
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
      const { line, column } = lineAndColumn(this.src, error.offset);
      return {
        root: this.root,
        failure: { reason: error.reason, offset: error.offset, line, column, openElement: this.current, kind: error.kind },
      };
    }
  }

  private checkSize(): void {
    const { maxBytes } = this.limits;
    if (this.src.length * 3 <= maxBytes) return;
    const bytes = this.src.length > maxBytes ? this.src.length : Buffer.byteLength(this.src, 'utf8');
    if (bytes > maxBytes) {
      throw new Stop(`the document is ${bytes} bytes or more; the limit is ${maxBytes} bytes`, 0, 'unsafe');
    }
  }

  private checkCharacters(): void {
    const index = findIllegalChar(this.src);
    if (index !== -1) {
      throw new Stop(`character ${describeCodePoint(this.src.charCodeAt(index))} is not allowed in XML`, index);
    }
  }

  private document(): void {
    if (this.src.charCodeAt(0) === 0xfeff) this.pos = 1;
    if (this.src.startsWith('<?xml', this.pos) && this.isWhitespaceAt(this.pos + 5)) this.xmlDeclaration();
    this.misc(true);
    if (this.pos >= this.src.length) throw new Stop('the document has no root element', this.pos);
    if (this.src.charCodeAt(this.pos) !== 0x3c /* < */) {
      throw new Stop('text before the root element: the document must start with an element', this.pos);
    }
    this.content();
    this.misc(false);
    if (this.pos < this.src.length) {
      const what = this.src.charCodeAt(this.pos) === 0x3c ? 'a second root element' : 'text';
      throw new Stop(`${what} after the end of the root element`, this.pos);
    }
  }

  /** Comments, processing instructions and whitespace outside the root (and the DOCTYPE check before it). */
  private misc(beforeRoot: boolean): void {
    const src = this.src;
    for (;;) {
      this.skipWhitespace();
      if (src.startsWith('<!--', this.pos)) this.comment();
      else if (src.startsWith('<?', this.pos)) this.processingInstruction();
      else if (src.startsWith('<!DOCTYPE', this.pos)) {
        throw new Stop(
          beforeRoot
            ? 'a DOCTYPE declaration is not accepted (no DTDs or entity declarations in MedCom messages): remove it'
            : 'a DOCTYPE declaration after the root element',
          this.pos,
          'unsafe',
        );
      } else return;
    }
  }

  private xmlDeclaration(): void {
    const start = this.pos;
    const end = this.src.indexOf('?>', start);
    if (end === -1) throw new Stop('the XML declaration is not closed with ?>', start);
    const body = this.src.slice(start + 5, end);
    // XML's whitespace is space, tab, CR and LF only (JavaScript's \s also matches U+00A0, U+2028, U+3000, ...)
    const declaration =
      /^[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])(1\.[0-9]+)\1([ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\4)?([ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(yes|no)\6)?[ \t\r\n]*$/;
    const match = declaration.exec(body);
    if (!match) {
      throw new Stop(
        'malformed XML declaration: expected <?xml version="1.0" encoding="UTF-8"?> (version first, then encoding, then standalone)',
        start,
      );
    }
    if (match[2] !== '1.0') {
      throw new Stop(`XML version ${match[2]} is not accepted: MedCom messages are XML 1.0, declare version="1.0"`, start);
    }
    this.pos = end + 2;
  }

  /** The root element and everything in it, iteratively (no recursion, so depth cannot exhaust the stack). */
  private content(): void {
    const src = this.src;
    const length = src.length;
    this.startTag();
    while (this.current) {
      const textStart = this.pos;
      const lt = src.indexOf('<', this.pos);
      const textEnd = lt === -1 ? length : lt;
      if (textEnd > textStart) this.appendText(textStart, textEnd);
      if (lt === -1) {
        this.pos = length;
        throw new Stop(`the document ends inside <${this.current.qname}>: its end tag is missing`, length);
      }
      this.pos = lt;
      const next = src.charCodeAt(lt + 1);
      if (next === 0x2f /* / */) this.endTag();
      else if (next === 0x21 /* ! */) {
        if (src.startsWith('<!--', lt)) this.comment();
        else if (src.startsWith('<![CDATA[', lt)) this.cdata();
        else if (src.startsWith('<!DOCTYPE', lt)) throw new Stop('a DOCTYPE declaration inside an element', lt, 'unsafe');
        else throw new Stop("'<!' starts neither a comment nor a CDATA section", lt);
      } else if (next === 0x3f /* ? */) this.processingInstruction();
      else this.startTag();
    }
  }

  private appendText(start: number, end: number): void {
    const element = this.current as XmlElement;
    const raw = this.src.slice(start, end);
    const cdataEnd = raw.indexOf(']]>');
    if (cdataEnd !== -1) throw new Stop("']]>' is not allowed in text: write it as ]]&gt;", start + cdataEnd);
    const decoded = decodeCharacterData(raw, start, false);
    if (!element.significantText && !isBlank(decoded)) element.significantText = true;
    element.text += decoded;
  }

  private cdata(): void {
    const start = this.pos + 9;
    const end = this.src.indexOf(']]>', start);
    if (end === -1) throw new Stop('the CDATA section is not closed with ]]>', this.pos);
    const element = this.current as XmlElement;
    element.text += normaliseLineEnds(this.src.slice(start, end));
    element.hasCdata = true;
    element.significantText = true;
    this.pos = end + 3;
  }

  private comment(): void {
    const start = this.pos;
    const dashes = this.src.indexOf('--', start + 4);
    if (dashes === -1) throw new Stop('the comment is not closed with -->', start);
    if (this.src.charCodeAt(dashes + 2) !== 0x3e /* > */) {
      throw new Stop("'--' is not allowed inside a comment", dashes);
    }
    this.pos = dashes + 3;
  }

  private processingInstruction(): void {
    const start = this.pos;
    this.pos += 2;
    const target = this.name('processing instruction target');
    if (target.indexOf(':') !== -1) {
      throw new Stop(`the processing instruction target ${target} contains ':', which namespaces do not allow`, start + 2);
    }
    if (target.toLowerCase() === 'xml') {
      throw new Stop('the XML declaration <?xml ...?> is only allowed at the very start of the document', start);
    }
    const end = this.src.indexOf('?>', this.pos);
    if (end === -1) throw new Stop('the processing instruction is not closed with ?>', start);
    if (end !== this.pos && !this.isWhitespaceAt(this.pos)) {
      throw new Stop('a processing instruction target must be followed by whitespace', this.pos);
    }
    this.pos = end + 2;
  }

  private startTag(): void {
    const src = this.src;
    const start = this.pos;
    this.pos += 1;
    const qname = this.name('element name');
    const pending: PendingAttribute[] = [];
    for (;;) {
      const hadSpace = this.skipWhitespace();
      const code = src.charCodeAt(this.pos);
      if (code === 0x3e /* > */ || code === 0x2f /* / */) break;
      if (Number.isNaN(code)) throw new Stop(`the document ends inside the start tag <${qname}`, this.pos);
      if (!hadSpace) throw new Stop(`whitespace is required between attributes in <${qname}>`, this.pos);
      pending.push(this.attribute(qname));
    }
    const selfClosing = src.charCodeAt(this.pos) === 0x2f;
    if (selfClosing) {
      if (src.charCodeAt(this.pos + 1) !== 0x3e) throw new Stop(`expected '>' after '/' in <${qname}>`, this.pos + 1);
      this.pos += 2;
    } else this.pos += 1;

    if (this.depth >= this.limits.maxDepth) {
      throw new Stop(`elements are nested deeper than ${this.limits.maxDepth} levels`, start, 'unsafe');
    }
    if (pending.length > 1) checkDistinctNames(pending);
    this.namespaces.push(pending);
    const element = this.makeElement(qname, pending, start);
    this.depth += 1;
    this.current = element;
    if (selfClosing) this.close();
  }

  private makeElement(qname: string, pending: PendingAttribute[], offset: number): XmlElement {
    const parent = this.current;
    const colon = qname.indexOf(':');
    const local = colon === -1 ? qname : qname.slice(colon + 1);
    const ns = this.namespaces.resolve(colon === -1 ? '' : qname.slice(0, colon), offset, qname);
    const attributes: XmlAttribute[] = [];
    for (const attribute of pending) {
      if (attribute.qname === 'xmlns' || attribute.qname.startsWith('xmlns:')) continue;
      const attrColon = attribute.qname.indexOf(':');
      attributes.push({
        qname: attribute.qname,
        local: attrColon === -1 ? attribute.qname : attribute.qname.slice(attrColon + 1),
        ns: attrColon === -1 ? '' : this.namespaces.resolve(attribute.qname.slice(0, attrColon), attribute.offset, attribute.qname),
        value: attribute.value,
        offset: attribute.offset,
      });
    }
    if (attributes.length > 1) this.checkDistinctExpandedNames(attributes, qname);
    const element: XmlElement = {
      local,
      ns,
      qname,
      attributes,
      children: [],
      text: '',
      hasCdata: false,
      significantText: false,
      textOffset: parent ? parent.text.length : 0,
      parent,
      offset,
      end: -1,
    };
    if (parent) parent.children.push(element);
    else this.root = element;
    return element;
  }

  private checkDistinctExpandedNames(attributes: XmlAttribute[], qname: string): void {
    const seen = new Set<string>();
    for (const attribute of attributes) {
      const key = `{${attribute.ns}}${attribute.local}`;
      if (seen.has(key)) throw new Stop(`attribute ${attribute.qname} is given twice in <${qname}>`, attribute.offset);
      seen.add(key);
    }
  }

  private attribute(elementName: string): PendingAttribute {
    const src = this.src;
    const offset = this.pos;
    const qname = this.name('attribute name');
    this.skipWhitespace();
    if (src.charCodeAt(this.pos) !== 0x3d /* = */) {
      throw new Stop(`attribute ${qname} in <${elementName}> has no value: expected ${qname}="..."`, this.pos);
    }
    this.pos += 1;
    this.skipWhitespace();
    const quote = src.charCodeAt(this.pos);
    if (quote !== 0x22 && quote !== 0x27) {
      throw new Stop(`the value of attribute ${qname} must be in quotes`, this.pos);
    }
    const valueStart = this.pos + 1;
    const valueEnd = src.indexOf(quote === 0x22 ? '"' : "'", valueStart);
    if (valueEnd === -1) throw new Stop(`the value of attribute ${qname} is not closed`, this.pos);
    const raw = src.slice(valueStart, valueEnd);
    const lt = raw.indexOf('<');
    if (lt !== -1) throw new Stop(`'<' is not allowed in the value of attribute ${qname}: write &lt;`, valueStart + lt);
    this.pos = valueEnd + 1;
    return { qname, value: decodeCharacterData(raw, valueStart, true), offset };
  }

  private endTag(): void {
    const src = this.src;
    const start = this.pos;
    const element = this.current as XmlElement;
    const expected = element.qname;
    // fast path: the end tag repeats the open element's name (then no name scan is needed)
    const after = src.charCodeAt(start + 2 + expected.length);
    if (src.startsWith(expected, start + 2) && (after === 0x3e || isXmlWhitespace(after))) {
      this.pos = start + 2 + expected.length;
      this.skipWhitespace();
      if (src.charCodeAt(this.pos) === 0x3e) {
        this.pos += 1;
        this.close();
        return;
      }
    }
    this.pos = start + 2;
    const qname = this.name('end tag name');
    this.skipWhitespace();
    if (src.charCodeAt(this.pos) !== 0x3e) throw new Stop(`expected '>' to close the end tag </${qname}`, this.pos);
    if (qname !== element.qname) {
      throw new Stop(`the end tag </${qname}> does not match the start tag <${element.qname}>`, start);
    }
    this.pos += 1;
    this.close();
  }

  private close(): void {
    const element = this.current as XmlElement;
    element.end = this.pos;
    this.namespaces.pop();
    this.depth -= 1;
    this.current = element.parent;
  }

  private name(what: string): string {
    const src = this.src;
    const start = this.pos;
    const first = src.codePointAt(start) ?? NaN;
    if (!isNameStartChar(first)) {
      if (Number.isNaN(first)) throw new Stop(`the document ends where an ${what} was expected`, start);
      throw new Stop(`invalid ${what}: '${String.fromCodePoint(first)}' (${describeCodePoint(first)}) cannot start a name`, start);
    }
    let index = start + (first > 0xffff ? 2 : 1);
    for (;;) {
      const code = src.charCodeAt(index);
      if (code < 0x80) {
        if (ASCII_NAME_CHAR[code] !== 1) break;
        index += 1;
      } else {
        // a surrogate pair is one character: judge its code point, not its halves
        const point = src.codePointAt(index) ?? NaN;
        if (Number.isNaN(point) || !isNameChar(point)) break;
        index += point > 0xffff ? 2 : 1;
      }
    }
    this.pos = index;
    const qname = src.slice(start, index);
    const colon = qname.indexOf(':');
    if (colon !== -1 && (colon === 0 || colon === qname.length - 1 || qname.indexOf(':', colon + 1) !== -1)) {
      throw new Stop(`${qname} is not a valid qualified name`, start);
    }
    return qname;
  }

  private skipWhitespace(): boolean {
    const start = this.pos;
    while (isXmlWhitespace(this.src.charCodeAt(this.pos))) this.pos += 1;
    return this.pos > start;
  }

  private isWhitespaceAt(index: number): boolean {
    return isXmlWhitespace(this.src.charCodeAt(index));
  }
}

export interface ParseOptions extends Partial<ParseLimits> {
  /** With bytes: the encoding named outside the document (the HTTP charset); it must agree with the document. */
  charset?: string;
}

/** A parse result with the text that was parsed (empty when the bytes could not be decoded). */
export type ParsedDocument = ParseResult & { text: string };

/**
 * Parses a document; never throws for bad input (the failure says what and where), never reads anything else.
 *
 * Anything that arrives from outside (an HTTP body, a file) must come in as bytes: they are decoded strictly
 * (decode.ts), and a decoding failure is a parse failure naming the byte offset. A string is for text the platform
 * itself wrote or decoded strictly; never hand it text decoded leniently (where bad bytes became U+FFFD).
 */
export function parseXml(input: string | Uint8Array, options: ParseOptions = {}): ParsedDocument {
  const { charset, ...limits } = options;
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeXmlBytes(input, charset);
    if ('error' in decoded) return { root: undefined, failure: byteFailure(input, decoded.error, decoded.offset), text: '' };
    text = decoded.text;
  }
  return { ...new Parser(text, { ...DEFAULT_LIMITS, ...limits }).run(), text };
}

/** A decoding failure, placed by line (counted in LF bytes) and byte column. */
function byteFailure(bytes: Uint8Array, reason: string, offset: number): ParseResult['failure'] {
  let line = 1;
  let lineStart = 0;
  for (let index = bytes.indexOf(0x0a); index !== -1 && index < offset; index = bytes.indexOf(0x0a, index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { reason, offset, line, column: offset - lineStart + 1, openElement: undefined, kind: 'not-well-formed' };
}
