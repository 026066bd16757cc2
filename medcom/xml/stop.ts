/** How the parser's helpers stop parsing: what was wrong and at which offset. */
import type { ParseFailure } from './node';

export class Stop extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
    readonly kind: ParseFailure['kind'] = 'not-well-formed',
  ) {
    super(reason);
  }
}
