/**
 * Mutations of a written message for the agreement corpus: remove, duplicate, swap, rename elements, change a
 * value (boundary lengths, near-miss codes, dates, times, CPR numbers), put text or attributes where they do not
 * belong, move an element out of the namespace. Works on the parser's light tree and writes it back out.
 */
import fc from 'fast-check';
import { parseXml } from '../../medcom/xml/parse';
import type { XmlElement } from '../../medcom/xml/node';

const VALUES = [
  '', ' ', 'x', 'iupac', 'IUPAC', 'iupac ', 'NPU', 'svar_endeligt', 'svar_annulleret', 'true', 'false', '1', ' true', 'yes',
  '2025-03-14', '2025-02-29', '2024-02-29', '2025-13-01', '25-03-14', '2025-03-14Z', '2025-3-14', '0000-01-01', ' 2025-03-14',
  '10:15', '24:00', '23:59', '9:05', '10:15:00', '1502799995', '150279-9995', '15027999950', 'XR0131K', 'XR0532M', 'XR0130F',
  'XRPT01', 'XRPT05', '007', '0', '1000', '+5', '😀'.repeat(12), '😀'.repeat(13), '<&>', 'almen_medicin', 'ydernummer', 'lokal_kode',
  'maaleprocedure', 'lig_med', 'mindre_end',
  ...[2, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20, 21, 35, 36, 70, 71, 351, 501].map((length) => 'a'.repeat(length)),
];

const EXTRA_NAMES = ['Foo', 'Paragraph', 'Break', 'Consent', 'Value', 'Identifier', 'Letter'];

export type Mutation =
  | { op: 'remove' | 'duplicate' | 'swap' | 'text-in-element' | 'attribute' | 'foreign-namespace'; target: number }
  | { op: 'lexical'; target: number; choice: number }
  | { op: 'rename'; target: number; choice: number }
  | { op: 'set-value'; target: number; choice: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constantFrom('remove', 'duplicate', 'swap', 'text-in-element', 'attribute', 'foreign-namespace' as const),
    target: fc.nat(),
  }),
  fc.record({ op: fc.constant('rename' as const), target: fc.nat(), choice: fc.nat() }),
  fc.record({ op: fc.constant('set-value' as const), target: fc.nat(), choice: fc.nat() }),
  fc.record({ op: fc.constant('set-value' as const), target: fc.nat(), choice: fc.nat() }),
  fc.record({ op: fc.constant('lexical' as const), target: fc.nat(), choice: fc.nat() }),
);

/**
 * Rewrites of the text that keep (most of) the content: comments, processing instructions, CDATA, character
 * references, whitespace inside end tags, a cut-off document. The last two kinds break it on purpose.
 */
const LEXICAL: ((xml: string, at: number) => string)[] = [
  (xml, at) => insertAfterTag(xml, at, '<!-- kommentar -->'),
  (xml, at) => insertAfterTag(xml, at, '<?behandling data?>'),
  (xml, at) => rewriteText(xml, at, (text) => (/[&\]]/.test(text) ? text : `<![CDATA[${text}]]>`)),
  (xml, at) => rewriteText(xml, at, (text) => text.replace(/[0-9A-Za-z]/, (char) => `&#x${char.charCodeAt(0).toString(16)};`)),
  (xml, at) => nth(xml, /<\/([A-Za-z]+)>/g, at, (_match, name) => `</${name} \n>`),
  (xml, at) => xml.slice(0, Math.floor(xml.length * ((at % 97) / 97))),
  (xml, at) => insertAfterTag(xml, at, ['&', '<', ']]>', '&#0;', '\u0001', '<!DOCTYPE x>'][at % 6] as string),
];

function nth(xml: string, pattern: RegExp, at: number, replace: (match: string, group: string) => string): string {
  const matches = [...xml.matchAll(pattern)];
  const match = matches[at % Math.max(1, matches.length)];
  if (!match || match.index === undefined) return xml;
  return xml.slice(0, match.index) + replace(match[0], match[1] as string) + xml.slice(match.index + match[0].length);
}

function insertAfterTag(xml: string, at: number, insert: string): string {
  return nth(xml, /<[A-Za-z][^>]*>/g, at, (match) => match + insert);
}

function rewriteText(xml: string, at: number, rewrite: (text: string) => string): string {
  return nth(xml, />([^<>]+)</g, at, (_match, text) => `>${rewrite(text)}<`);
}

function all(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(all)];
}

function clone(element: XmlElement, parent: XmlElement | undefined): XmlElement {
  const copy: XmlElement = { ...element, attributes: [...element.attributes], parent, children: [] };
  copy.children = element.children.map((child) => clone(child, copy));
  return copy;
}

function escape(text: string): string {
  return text.replace(/[&<>\r]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' })[char] as string);
}

/** Writes a light tree back as XML (namespaces declared where they change). */
export function serialize(element: XmlElement, inheritedNs?: string): string {
  const ns = element.ns === inheritedNs ? '' : ` xmlns="${escape(element.ns)}"`;
  const attributes = element.attributes.map((attribute) => ` ${attribute.local}="${escape(attribute.value).replace(/"/g, '&quot;')}"`).join('');
  let body = '';
  let from = 0;
  for (const child of element.children) {
    body += escape(element.text.slice(from, child.textOffset)) + serialize(child, element.ns);
    from = child.textOffset;
  }
  body += escape(element.text.slice(from));
  return `<${element.local}${ns}${attributes}>${body}</${element.local}>`;
}

function apply(root: XmlElement, change: Mutation): void {
  const elements = all(root);
  const target = elements[change.target % elements.length] as XmlElement;
  const parent = target.parent;
  const siblings = parent?.children;
  const index = siblings ? siblings.indexOf(target) : -1;
  switch (change.op) {
    case 'remove':
      if (siblings) siblings.splice(index, 1);
      return;
    case 'duplicate':
      if (siblings && parent) siblings.splice(index + 1, 0, clone(target, parent));
      return;
    case 'swap': {
      const next = siblings?.[index + 1];
      if (!siblings || !next) return;
      [target.textOffset, next.textOffset] = [next.textOffset, target.textOffset];
      siblings[index] = next;
      siblings[index + 1] = target;
      return;
    }
    case 'rename': {
      const names = [...new Set([...elements.map((element) => element.local), ...EXTRA_NAMES])];
      target.local = names[change.choice % names.length] as string;
      return;
    }
    case 'set-value':
      if (target.children.length === 0) target.text = VALUES[change.choice % VALUES.length] as string;
      return;
    case 'text-in-element':
      target.text += 'x';
      return;
    case 'attribute':
      target.attributes.push({ qname: 'a', local: 'a', ns: '', value: '1', offset: target.offset });
      return;
    case 'foreign-namespace':
      target.ns = 'urn:other';
      return;
    case 'lexical':
      return;
  }
}

/** The message with the mutations applied (in order). */
export function mutate(xml: string, changes: readonly Mutation[]): string {
  const parsed = parseXml(xml);
  if (!parsed.root || parsed.failure) throw new Error('mutate: the input must be well-formed');
  const root = parsed.root;
  for (const change of changes) apply(root, change);
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(root)}`;
  for (const change of changes) {
    if (change.op === 'lexical') out = (LEXICAL[change.choice % LEXICAL.length] as (xml: string, at: number) => string)(out, change.target);
  }
  return out;
}
