/** Reading helpers over a validated tree: required children, optional values, text of MedCom's text types. */
import type { DateTime } from '../model';
import { childNamed, childrenNamed, type XmlElement } from '../xml/node';

/** A child the schema requires; its absence here means the caller skipped validation. */
export function required(parent: XmlElement, name: string): XmlElement {
  const child = childNamed(parent, name);
  if (!child) throw new Error(`internal: ${parent.local}/${name} missing in a validated message`);
  return child;
}

export function requiredText(parent: XmlElement, name: string): string {
  return required(parent, name).text;
}

export function optionalText(parent: XmlElement | undefined, name: string): string | undefined {
  return childNamed(parent, name)?.text;
}

export function dateTime(element: XmlElement): DateTime {
  return { date: requiredText(element, 'Date'), time: requiredText(element, 'Time') };
}

export function optionalDateTime(parent: XmlElement, name: string): DateTime | undefined {
  const element = childNamed(parent, name);
  return element ? dateTime(element) : undefined;
}

/** Mixed content (BreakableText, FormattedText) as plain text: Break is a line feed, Space a space. */
export function mixedText(element: XmlElement): string {
  if (element.children.length === 0) return element.text;
  let out = '';
  let from = 0;
  for (const child of element.children) {
    out += element.text.slice(from, child.textOffset);
    from = child.textOffset;
    out += child.local === 'Break' ? '\n' : child.local === 'Space' ? ' ' : mixedText(child);
  }
  return out + element.text.slice(from);
}

/** ParagraphedTextType: paragraphs joined by line feeds. */
export function paragraphs(element: XmlElement): string {
  return childrenNamed(element, 'Paragraph')
    .map((paragraph) => paragraph.text)
    .join('\n');
}

/** IdentificationBasicType: the text (codes, if any, are not part of the model). */
export function basicText(element: XmlElement): string {
  return paragraphs(required(element, 'Text'));
}

/** The same object without the keys whose value is undefined (so models compare equal to hand-made ones). */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
