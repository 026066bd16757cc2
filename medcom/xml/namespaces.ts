/** Namespace scopes while parsing: declarations per element, prefixes resolved from the innermost out. */
import { Stop } from './stop';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export interface Declaration {
  qname: string;
  value: string;
  offset: number;
}

type Scope = Map<string, string> | undefined;

export class NamespaceScopes {
  private readonly scopes: Scope[] = [];

  /** Opens the scope of an element with its attributes (xmlns and xmlns:p declare, the rest are ignored). */
  push(attributes: readonly Declaration[]): void {
    let scope: Scope;
    for (const attribute of attributes) {
      let prefix: string;
      if (attribute.qname === 'xmlns') prefix = '';
      else if (attribute.qname.startsWith('xmlns:')) prefix = attribute.qname.slice(6);
      else continue;
      const uri = attribute.value;
      if (prefix === 'xmlns') throw new Stop('the prefix xmlns must not be declared', attribute.offset);
      if (prefix === 'xml' && uri !== XML_NS) throw new Stop('the prefix xml may only be bound to its own namespace', attribute.offset);
      if (prefix !== 'xml' && (uri === XML_NS || uri === XMLNS_NS)) {
        throw new Stop(`the namespace ${uri} is reserved and cannot be bound to a prefix`, attribute.offset);
      }
      if (prefix !== '' && uri === '') throw new Stop(`the prefix ${prefix} cannot be bound to an empty namespace name`, attribute.offset);
      scope ??= new Map();
      scope.set(prefix, uri);
    }
    this.scopes.push(scope);
  }

  pop(): void {
    this.scopes.pop();
  }

  /** The namespace URI of `prefix` ('' for the default namespace when none is declared). */
  resolve(prefix: string, offset: number, qname: string): string {
    if (prefix === 'xml') return XML_NS;
    for (let index = this.scopes.length - 1; index >= 0; index -= 1) {
      const uri = this.scopes[index]?.get(prefix);
      if (uri !== undefined) return uri;
    }
    if (prefix === '') return '';
    throw new Stop(`the namespace prefix ${prefix} of ${qname} is not declared`, offset);
  }
}
