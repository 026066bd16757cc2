/** The light element tree the parser builds: just enough for validation, reading and exact finding paths. */

export interface XmlAttribute {
  /** As written, e.g. `xsi:schemaLocation`. */
  qname: string;
  local: string;
  /** Namespace URI ('' when unprefixed: attributes do not take the default namespace). */
  ns: string;
  value: string;
  /** Offset of the attribute name in the source. */
  offset: number;
}

export interface XmlElement {
  local: string;
  /** Namespace URI ('' for none). */
  ns: string;
  qname: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** Character data directly inside this element (entities resolved, line ends normalised), child content excluded. */
  text: string;
  /** True when a CDATA section sits directly in this element (character content even when blank). */
  hasCdata: boolean;
  /** True when `text` holds anything but whitespace, or a CDATA section (set while parsing). */
  significantText: boolean;
  /** Length of the parent's `text` when this element started: where it sits among the parent's character data. */
  textOffset: number;
  parent: XmlElement | undefined;
  /** Offset of the `<` of the start tag in the source. */
  offset: number;
  /** Offset just after the `>` that ends the element (its end tag, or `/>`); -1 while it is open. */
  end: number;
}

export interface ParseFailure {
  /** What was wrong, e.g. "end tag </Value> does not match start tag <Unit>". */
  reason: string;
  offset: number;
  line: number;
  column: number;
  /** Innermost element open when parsing stopped (the partial tree is kept for reading references). */
  openElement: XmlElement | undefined;
  kind: 'not-well-formed' | 'unsafe';
}

export interface ParseResult {
  /** The root; partial when parsing failed after the root started. */
  root: XmlElement | undefined;
  failure: ParseFailure | undefined;
}

/** Children of `parent` with the given local name (namespace not checked: callers read validated trees). */
export function childrenNamed(parent: XmlElement, local: string): XmlElement[] {
  return parent.children.filter((child) => child.local === local);
}

export function childNamed(parent: XmlElement | undefined, local: string): XmlElement | undefined {
  if (!parent) return undefined;
  for (const child of parent.children) if (child.local === local) return child;
  return undefined;
}

/** Text of the first child with that name, or undefined when the child is absent. */
export function childText(parent: XmlElement | undefined, local: string): string | undefined {
  return childNamed(parent, local)?.text;
}

/** Follows a path of local names from `start`, first match at each step. */
export function descend(start: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let current = start;
  for (const name of names) current = childNamed(current, name);
  return current;
}
