/**
 * Bytes to text for the parser: UTF-8 (with or without BOM, strictly: malformed bytes are an error), UTF-16 with
 * a BOM, or ISO-8859-1 when the XML declaration says so. Anything else is reported, not guessed.
 */
export type Decoded = { text: string } | { error: string };

function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const match = /^<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return match?.[1]?.toLowerCase();
}

export function decodeXmlBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const encoding = declaredEncoding(bytes) ?? 'utf-8';
  if (encoding === 'iso-8859-1' || encoding === 'latin1' || encoding === 'latin-1') {
    return { text: Buffer.from(bytes).toString('latin1') };
  }
  if (encoding !== 'utf-8' && encoding !== 'utf8') {
    return { error: `the declared encoding ${encoding} is not supported: send UTF-8 (or ISO-8859-1)` };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { error: `the bytes are not valid UTF-8 (first bad byte at offset ${at})` };
  }
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
