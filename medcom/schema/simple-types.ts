/** The simple types the MedCom schemas use, as value checks with messages that say what is allowed. */
import type { FindingKind } from '../model';
import type { Problem, SimpleType } from './types';

function simple(check: (value: string) => Problem | undefined): SimpleType {
  return { kind: 'simple', check };
}

/** A value quoted for a message, shortened when long. */
export function quote(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
  return JSON.stringify(shown);
}

/** Length in characters (Unicode code points), as XML Schema counts. */
export function codePointLength(value: string): number {
  let count = value.length;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) count -= 1;
  }
  return count;
}

/** xs:string with length bounds (whitespace preserved, as for xs:string). */
export function text(min: number, max: number): SimpleType {
  return simple((value) => {
    const length = value.length > max ? codePointLength(value) : value.length;
    if (length >= min && length <= max) return undefined;
    const allowed = min === max ? `exactly ${min}` : min === 0 ? `at most ${max}` : `${min} to ${max}`;
    if (length === 0) return { kind: 'length', message: `the value is empty; ${allowed} characters are allowed` };
    return { kind: 'length', message: `the value ${quote(value)} is ${length} characters long; ${allowed} are allowed` };
  });
}

export function oneOf(values: readonly string[], kind: FindingKind = 'enumeration'): SimpleType {
  const allowed = new Set(values);
  return simple((value) =>
    allowed.has(value) ? undefined : { kind, message: `the value ${quote(value)} is not allowed; allowed values: ${values.join(', ')}` },
  );
}

/** A fixed code (VersionCode, TypeCode): the message names the letter type it belongs to. */
export function fixed(expected: string, kind: FindingKind, letterName: string): SimpleType {
  return simple((value) =>
    value === expected ? undefined : { kind, message: `the value ${quote(value)} is not allowed: ${letterName} must have ${expected}` },
  );
}

/** xs:string restricted by a pattern (anchored, no whitespace processing). */
export function pattern(regex: RegExp, description: string): SimpleType {
  return simple((value) =>
    regex.test(value) ? undefined : { kind: 'pattern', message: `the value ${quote(value)} is not ${description}` },
  );
}

/** Whitespace collapse as for the built-in non-string types (xs:date, xs:boolean, xs:int ...). */
function collapse(value: string): string {
  return /^[^\t\n\r ]*$/.test(value) ? value : value.replace(/[\t\n\r ]+/g, ' ').trim();
}

const DATE = /^(-?(?:[1-9][0-9]{4,}|[0-9]{4}))-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** xs:date as libxml2 checks it: no surrounding whitespace, no year 0000, real days (leap years by the year number). */
export const xsDate: SimpleType = simple((raw) => {
  const match = DATE.exec(raw);
  const year = match ? Number(match[1]) : NaN;
  if (match && year !== 0 && Number(match[3]) <= daysInMonth(year, Number(match[2]))) return undefined;
  return { kind: 'pattern', message: `the value ${quote(raw)} is not a date: write YYYY-MM-DD (xs:date), e.g. 2025-03-14` };
});

export const xsBoolean: SimpleType = simple((raw) => {
  const value = collapse(raw);
  if (value === 'true' || value === 'false' || value === '1' || value === '0') return undefined;
  return { kind: 'pattern', message: `the value ${quote(raw)} is not a boolean; allowed values: true, false (or 1, 0)` };
});

/** xs:int (or xs:positiveInteger when max is unbounded) within bounds. */
export function integer(min: number, max: number): SimpleType {
  return simple((raw) => {
    const value = collapse(raw);
    const ok = /^[+-]?[0-9]+$/.test(value) && Number(value) >= min && Number(value) <= max;
    if (ok) return undefined;
    const range = max === Number.POSITIVE_INFINITY ? `${min} or more` : `${min} to ${max}`;
    return { kind: 'pattern', message: `the value ${quote(raw)} is not a whole number from ${range}` };
  });
}

/** SUP: xs:boolean whose only allowed lexical value is "true". */
export const trueOnly: SimpleType = simple((raw) =>
  collapse(raw) === 'true' ? undefined : { kind: 'pattern', message: `the value ${quote(raw)} is not allowed; the only allowed value is true` },
);

/** Both checks must pass (a restriction of a restriction). */
export function both(first: SimpleType, second: SimpleType): SimpleType {
  return simple((value) => first.check(value) ?? second.check(value));
}
