/** Escaping text for XML element content, so that any legal string reads back exactly as it was written. */
import { describeCodePoint, findIllegalChar } from './chars';

const SPECIAL = /[&<>\r]/g;
const REPLACEMENT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };

/**
 * Escapes `&`, `<`, `>` and carriage returns (which a parser would otherwise turn into line feeds).
 * Throws when the text holds a character XML 1.0 cannot carry (e.g. U+0000, U+0001): such a value can never
 * be sent, and silently dropping it would change the result.
 */
export function escapeText(text: string, where: () => string): string {
  const illegal = findIllegalChar(text);
  if (illegal !== -1) {
    throw new Error(`${where()}: character ${describeCodePoint(text.charCodeAt(illegal))} cannot be written in XML`);
  }
  return text.replace(SPECIAL, (char) => REPLACEMENT[char] as string);
}
