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

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    try {
      decoder.decode(bytes.subarray(0, middle + 1), { stream: true });
      decoder.decode();
      low = middle + 1;
    } catch {
      high = middle;
    }
  }
  return low;
}
