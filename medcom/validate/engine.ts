/**
 * The one engine that checks an element tree against the schema tables: content models through their
 * automata, simple values through their checks, no attributes but xsi:schemaLocation. It reports what is wrong
 * and what the schema allows there.
 */
import type { XmlElement } from '../xml/node';
import * as automata from '../schema/automaton';
import type { Automaton } from '../schema/automaton';
import type { ComplexType, ElementParticle, SimpleType, TypeDef } from '../schema/types';
import type { FindingCollector } from './findings';

// bound once (see xml/parse.ts: imported bindings compiled to CommonJS cost a getter call each)
const { automatonOf } = automata;

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const IGNORED_XSI = new Set(['schemaLocation', 'noNamespaceSchemaLocation']);

export interface EngineContext {
  readonly namespace: string;
  readonly out: FindingCollector;
}

export function validateElement(element: XmlElement, type: TypeDef, context: EngineContext): void {
  if (context.out.full) return;
  switch (type.kind) {
    case 'any':
      return;
    case 'unsupported':
      context.out.error(type.problem.kind, element, type.problem.message);
      return;
    case 'simple':
      checkAttributes(element, context);
      validateSimple(element, type, context);
      return;
    case 'complex':
      checkAttributes(element, context);
      validateComplex(element, type, context);
  }
}

function checkAttributes(element: XmlElement, context: EngineContext): void {
  for (const attribute of element.attributes) {
    if (attribute.ns === XSI && IGNORED_XSI.has(attribute.local)) continue;
    context.out.error(
      'attribute',
      element,
      `attribute ${attribute.qname} is not allowed: MedCom elements take no attributes (only xmlns and xsi:schemaLocation)`,
      undefined,
      attribute.offset,
    );
  }
}

function validateSimple(element: XmlElement, type: SimpleType, context: EngineContext): void {
  const child = element.children[0];
  if (child) {
    context.out.error('content', element, `${element.local} holds a value, not elements: remove <${child.qname}>`, undefined, child.offset);
    return;
  }
  const problem = type.check(element.text);
  if (problem) context.out.error(problem.kind, element, problem.message);
}

function validateComplex(element: XmlElement, type: ComplexType, context: EngineContext): void {
  if (!type.content) {
    if (element.children.length > 0 || element.text.length > 0 || element.hasCdata) {
      context.out.error('content', element, `${element.local} must be empty, e.g. <${element.local}/>`);
    }
    return;
  }
  if (!type.mixed && element.significantText) {
    const what = element.hasCdata ? 'a CDATA section is' : 'text is';
    context.out.error('content', element, `${what} not allowed directly in ${element.local}, only child elements`);
  }
  const automaton = automatonOf(type.content);
  let state = 0;
  let previous: XmlElement | undefined;
  for (const child of element.children) {
    const target = child.ns === context.namespace ? automaton.states[state]?.next.get(child.local) : undefined;
    if (target === undefined) {
      reportUnexpected(element, child, previous, automaton, state, context);
      return;
    }
    state = target;
    previous = child;
    validateElement(child, (automaton.particles[state] as ElementParticle).type, context);
    if (context.out.full) return;
  }
  if (!automaton.states[state]?.final) reportMissing(element, previous, automaton, state, undefined, context);
}

function expectedNames(automaton: Automaton, state: number): string[] {
  return [...(automaton.states[state]?.next.keys() ?? [])];
}

/**
 * The element whose absence is the fault: of the elements that may come next while the content is still
 * incomplete, the only one the schema requires (optional ones that may precede it are skipped).
 */
function requiredNext(automaton: Automaton, state: number): ElementParticle | undefined {
  const current = automaton.states[state];
  if (!current || current.final) return undefined;
  const required = [...current.next.values()]
    .map((target) => automaton.particles[target] as ElementParticle)
    .filter((particle) => particle.min >= 1);
  return required.length === 1 ? required[0] : undefined;
}

function reportMissing(
  parent: XmlElement,
  previous: XmlElement | undefined,
  automaton: Automaton,
  state: number,
  before: XmlElement | undefined,
  context: EngineContext,
): void {
  const where = previous ? `after ${previous.local}` : `as the first element in ${parent.local}`;
  const beforeText = before ? ` (found ${before.local} instead)` : '';
  const required = requiredNext(automaton, state);
  if (required) {
    const note = required.note ? `: ${required.note}` : '';
    context.out.error(
      'missing-element',
      parent,
      `required element ${required.name} is missing ${where}${beforeText}${note}`,
      required.name,
      before?.offset ?? parent.offset,
    );
    return;
  }
  const expected = expectedNames(automaton, state).join(', ');
  context.out.error('missing-element', parent, `${parent.local} is incomplete: expected one of ${expected} ${where}${beforeText}`);
}

function reportUnexpected(
  parent: XmlElement,
  child: XmlElement,
  previous: XmlElement | undefined,
  automaton: Automaton,
  state: number,
  context: EngineContext,
): void {
  if (child.ns !== context.namespace) {
    const ns = child.ns === '' ? 'no namespace' : `namespace ${child.ns}`;
    context.out.error(
      'unexpected-element',
      child,
      `<${child.qname}> is in ${ns}; MedCom elements belong to ${context.namespace}`,
    );
    return;
  }
  // a known element arriving while something required is still due: the fault is what is missing before it
  if (automaton.names.has(child.local) && !automaton.states[state]?.final) {
    reportMissing(parent, previous, automaton, state, child, context);
    return;
  }
  const expected = expectedNames(automaton, state);
  const why = automaton.names.has(child.local)
    ? 'it is out of order or repeated more often than the schema allows'
    : `${parent.local} has no element ${child.local}`;
  const next = expected.length > 0 ? `expected ${expected.join(', ')}` : `nothing more is allowed in ${parent.local}`;
  context.out.error('unexpected-element', child, `${child.local} is not allowed here: ${why}; ${next}`);
}
