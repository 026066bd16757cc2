/**
 * Bytes to text for the parser, strictly: UTF-8 (with or without BOM), UTF-16 with a BOM, ISO-8859-1 and US-ASCII
 * when the XML declaration (or the HTTP charset) says so. Malformed bytes, an unsupported encoding and a
 * contradiction (BOM against declaration, declaration against HTTP charset) are errors that name the byte offset;
 * nothing is guessed and nothing becomes U+FFFD.
 */
import { isUtf8 } from 'node:buffer';

export type Decoded = { text: string; encoding: XmlEncoding } | { error: string; offset: number };

export type XmlEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'ISO-8859-1' | 'US-ASCII';

/** Encoding names (lower case) and what they mean; 'UTF-16' takes its byte order from the BOM. */
const NAMES: Record<string, XmlEncoding | 'UTF-16'> = {
  'utf-8': 'UTF-8',
  utf8: 'UTF-8',
  'iso-8859-1': 'ISO-8859-1',
  iso_8859_1: 'ISO-8859-1',
  'iso_8859-1': 'ISO-8859-1',
  latin1: 'ISO-8859-1',
  'latin-1': 'ISO-8859-1',
  l1: 'ISO-8859-1',
  'us-ascii': 'US-ASCII',
  ascii: 'US-ASCII',
  'utf-16': 'UTF-16',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

const SUPPORTED = 'UTF-8, ISO-8859-1, US-ASCII or UTF-16 with a byte order mark';

/** The encoding named in an XML declaration at the start of `head` (already decoded), if any. */
function declaredEncoding(head: string): string | undefined {
  const match = /^<\?xml[ \t\r\n][^>]*?[ \t\r\n]encoding[ \t\r\n]*=[ \t\r\n]*(["'])([A-Za-z][A-Za-z0-9._-]*)\1/.exec(head);
  return match?.[2];
}

function fail(error: string, offset: number): Decoded {
  return { error, offset };
}

/**
 * Decodes `bytes` as XML entity text. `charset` is the encoding named outside the document (the HTTP Content-Type's
 * charset parameter), if any: it must agree with the BOM and the XML declaration.
 */
export function decodeXmlBytes(bytes: Uint8Array, charset?: string): Decoded {
  const bom = byteOrderMark(bytes);
  if (!bom && bytes.length >= 2 && ((bytes[0] === 0x3c && bytes[1] === 0x00) || (bytes[0] === 0x00 && bytes[1] === 0x3c))) {
    return fail('the document looks like UTF-16 without a byte order mark: UTF-16 must start with one (FF FE or FE FF), or send UTF-8', 0);
  }
  const headBytes = view(bytes.subarray(bom?.length ?? 0, (bom?.length ?? 0) + 400));
  const head = bom?.family === 'UTF-16LE' || bom?.family === 'UTF-16BE' ? new TextDecoder(bom.family).decode(headBytes) : headBytes.toString('latin1');
  const declared = declaredEncoding(head);
  const name = (label: string | undefined, where: string): XmlEncoding | 'UTF-16' | Decoded | undefined => {
    if (label === undefined) return undefined;
    const known = NAMES[label.trim().toLowerCase()];
    return known ?? fail(`the encoding ${label} (${where}) is not supported: send ${SUPPORTED}`, 0);
  };
  const fromDeclaration = name(declared, 'in the XML declaration');
  if (typeof fromDeclaration === 'object') return fromDeclaration;
  const fromCharset = name(charset, 'the charset of the HTTP Content-Type');
  if (typeof fromCharset === 'object') return fromCharset;

  if (fromDeclaration && fromCharset && family(fromDeclaration) !== family(fromCharset)) {
    return fail(`the XML declaration says encoding="${declared}" but the HTTP Content-Type says charset=${charset}: make them agree`, 0);
  }
  const named = fromDeclaration ?? fromCharset;
  if (bom) {
    if (named && family(named) !== family(bom.family)) {
      return fail(`the byte order mark says ${bom.family} but the document is declared ${named}: remove the byte order mark or correct the declaration`, 0);
    }
    return decodeAs(bom.family, bytes, bom.length);
  }
  if (named === 'UTF-16' || named === 'UTF-16LE' || named === 'UTF-16BE') {
    return fail(`the document is declared ${named} but has no byte order mark: UTF-16 must start with one (FF FE or FE FF)`, 0);
  }
  return decodeAs(named ?? 'UTF-8', bytes, 0);
}

function family(encoding: XmlEncoding | 'UTF-16'): string {
  return encoding.startsWith('UTF-16') ? 'UTF-16' : encoding === 'US-ASCII' ? 'UTF-8' : encoding;
}

function byteOrderMark(bytes: Uint8Array): { family: 'UTF-8' | 'UTF-16LE' | 'UTF-16BE'; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { family: 'UTF-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { family: 'UTF-16LE', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { family: 'UTF-16BE', length: 2 };
  return undefined;
}

/** A Buffer over the same memory (no copy). */
function view(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function decodeAs(encoding: XmlEncoding, bytes: Uint8Array, start: number): Decoded {
  const body = view(bytes.subarray(start));
  if (encoding === 'ISO-8859-1') return { text: body.toString('latin1'), encoding };
  if (encoding === 'US-ASCII') {
    const bad = body.findIndex((byte) => byte >= 0x80);
    if (bad !== -1) return fail(`the document is declared US-ASCII but byte offset ${start + bad} holds 0x${hex(body[bad] as number)}`, start + bad);
    return { text: body.toString('latin1'), encoding };
  }
  // the common case, fast: well-formed UTF-8 (checked first, so toString never substitutes U+FFFD)
  if (encoding === 'UTF-8' && isUtf8(body)) return { text: body.toString('utf8'), encoding };
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body), encoding };
  } catch {
    const at = start + (encoding === 'UTF-8' ? firstInvalidUtf8(body) : firstInvalidUtf16(body, encoding === 'UTF-16LE'));
    return fail(`the bytes are not valid ${encoding}: the first bad byte is at byte offset ${at}`, at);
  }
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(index, index + length));
    } catch {
      return index;
    }
    index += length;
  }
  return index;
}

/** Offset of the first code unit that is an unpaired surrogate, or of a trailing odd byte. */
function firstInvalidUtf16(bytes: Uint8Array, littleEndian: boolean): number {
  const unit = (at: number): number => (littleEndian ? (bytes[at] as number) | ((bytes[at + 1] as number) << 8) : ((bytes[at] as number) << 8) | (bytes[at + 1] as number));
  let index = 0;
  for (; index + 1 < bytes.length; index += 2) {
    const code = unit(index);
    if (code >= 0xdc00 && code <= 0xdfff) return index;
    if (code >= 0xd800 && code <= 0xdbff) {
      if (index + 3 >= bytes.length) return index;
      const next = unit(index + 2);
      if (next < 0xdc00 || next > 0xdfff) return index;
      index += 2;
    }
  }
  return index;
}
