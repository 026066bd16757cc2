/**
 * Character data as XML defines it: line ends normalised, the five predefined entities and character
 * references resolved, nothing else (there is no DTD, so every other entity is undefined).
 */
import { describeCodePoint, isLegalCodePoint } from './chars';
import { Stop } from './stop';

export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function reference(body: string, offset: number): string {
  const predefined = PREDEFINED[body];
  if (predefined !== undefined) return predefined;
  if (body.charCodeAt(0) !== 0x23 /* # */) {
    throw new Stop(`the entity &${body}; is not defined (only &lt; &gt; &amp; &quot; &apos; and character references are)`, offset);
  }
  const hex = body.charCodeAt(1) === 0x78; /* x */
  const digits = body.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) throw new Stop(`malformed character reference &${body};`, offset);
  const code = parseInt(digits, hex ? 16 : 10);
  if (!isLegalCodePoint(code)) {
    throw new Stop(`the character reference &${body}; names ${describeCodePoint(code)}, which XML does not allow`, offset);
  }
  return String.fromCodePoint(code);
}

/**
 * Text or an attribute value (`raw` as written, starting at `offset`) as the application sees it; in attribute
 * values tabs and line feeds also become spaces. Offsets in failures are approximate once line ends changed.
 */
export function decodeCharacterData(raw: string, offset: number, attribute: boolean): string {
  let text = raw;
  if (text.indexOf('\r') !== -1) text = normaliseLineEnds(text);
  if (attribute && /[\t\n]/.test(text)) text = text.replace(/[\t\n]/g, ' ');
  if (text.indexOf('&') === -1) return text;
  let out = '';
  let last = 0;
  for (let amp = text.indexOf('&'); amp !== -1; amp = text.indexOf('&', last)) {
    out += text.slice(last, amp);
    const semi = text.indexOf(';', amp + 1);
    const body = semi === -1 ? '' : text.slice(amp + 1, semi);
    // a character reference may carry any number of leading zeros (&#0000000000000000009;)
    if (semi === -1 || body.length === 0 || (body.length > 40 && !/^#(x0*[0-9a-fA-F]{1,6}|0*[0-9]{1,7})$/.test(body))) {
      throw new Stop("'&' must start a reference such as &amp; (write a literal & as &amp;)", offset + amp);
    }
    out += reference(body, offset + amp);
    last = semi + 1;
  }
  return out + text.slice(last);
}
