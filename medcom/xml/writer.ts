/** A minimal indenting XML writer: elements in the order the caller gives, text escaped, absent values skipped. */
import { escapeText } from './escape';

export class XmlWriter {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  private readonly open: string[] = [];

  /** Starts an element; `namespace` only for the root. */
  start(name: string, namespace?: string): this {
    const xmlns = namespace === undefined ? '' : ` xmlns="${namespace}"`;
    this.parts.push(`${this.indent()}<${name}${xmlns}>\n`);
    this.open.push(name);
    return this;
  }

  end(): this {
    const name = this.open.pop();
    if (name === undefined) throw new Error('XmlWriter.end() without an open element');
    this.parts.push(`${this.indent()}</${name}>\n`);
    return this;
  }

  /** `<name>text</name>`; nothing when `text` is undefined. */
  leaf(name: string, text: string | undefined): this {
    if (text === undefined) return this;
    this.parts.push(`${this.indent()}<${name}>${escapeText(text, () => this.where(name))}</${name}>\n`);
    return this;
  }

  /**
   * Mixed content of MedCom's BreakableText/FormattedText: line feeds become `<Break/>`, the rest is escaped text.
   * Nothing is added inside the element, so the text reads back exactly.
   */
  breakable(name: string, text: string | undefined): this {
    if (text === undefined) return this;
    const body = text
      .split('\n')
      .map((line) => escapeText(line, () => this.where(name)))
      .join('<Break/>');
    this.parts.push(`${this.indent()}<${name}>${body}</${name}>\n`);
    return this;
  }

  /** Runs `body` inside `<name>...</name>`. */
  element(name: string, body: (writer: this) => void): this {
    this.start(name);
    body(this);
    return this.end();
  }

  toString(): string {
    if (this.open.length > 0) throw new Error(`XmlWriter: <${this.open.join('><')}> not closed`);
    return this.parts.join('');
  }

  private indent(): string {
    return '  '.repeat(this.open.length);
  }

  private where(name: string): string {
    return `/${[...this.open, name].join('/')}`;
  }
}
