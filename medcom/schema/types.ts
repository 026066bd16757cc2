/**
 * The schema as data: element particles (sequence, choice, element with occurrence bounds), complex types
 * (content model, mixed or not) and simple types (a value check). One engine (validate/engine.ts) walks them.
 */
import type { FindingKind } from '../model';

export interface Problem {
  kind: FindingKind;
  /** What is wrong and what is allowed, without the path. */
  message: string;
}

export interface SimpleType {
  readonly kind: 'simple';
  /** Undefined when `value` is allowed. */
  check(value: string): Problem | undefined;
}

export interface ComplexType {
  readonly kind: 'complex';
  /** Undefined: the element must be empty. */
  readonly content: Particle | undefined;
  readonly mixed: boolean;
}

/** xs:anyType: anything goes, nothing is checked inside. */
export interface AnyType {
  readonly kind: 'any';
}

/** A letter type the schema knows but the platform does not take (only XRPT01 and XRPT05). */
export interface UnsupportedType {
  readonly kind: 'unsupported';
  readonly problem: Problem;
}

export type TypeDef = SimpleType | ComplexType | AnyType | UnsupportedType;

export interface ElementParticle {
  readonly kind: 'element';
  readonly name: string;
  readonly type: TypeDef;
  readonly min: number;
  readonly max: number;
  /** Added to "missing" messages, e.g. why the project insists on it. */
  readonly note?: string;
}

export interface GroupParticle {
  readonly kind: 'sequence' | 'choice';
  readonly items: readonly Particle[];
  readonly min: number;
  readonly max: number;
}

export type Particle = ElementParticle | GroupParticle;

export interface Occurs {
  min?: number;
  max?: number;
  note?: string;
}

export function el(name: string, type: TypeDef, occurs: Occurs = {}): ElementParticle {
  return { kind: 'element', name, type, min: occurs.min ?? 1, max: occurs.max ?? 1, ...(occurs.note ? { note: occurs.note } : {}) };
}

/** Optional element (minOccurs 0). */
export function opt(name: string, type: TypeDef, max = 1): ElementParticle {
  return el(name, type, { min: 0, max });
}

export function seq(...items: Particle[]): GroupParticle {
  return { kind: 'sequence', items, min: 1, max: 1 };
}

export function choice(...items: Particle[]): GroupParticle {
  return { kind: 'choice', items, min: 1, max: 1 };
}

/** The same group with other occurrence bounds. */
export function repeat(group: GroupParticle, min: number, max: number): GroupParticle {
  return { ...group, min, max };
}

export function complex(content: Particle | undefined, mixed = false): ComplexType {
  return { kind: 'complex', content, mixed };
}

export const EMPTY: ComplexType = complex(undefined);
export const ANY: AnyType = { kind: 'any' };
export const UNBOUNDED = Number.POSITIVE_INFINITY;
