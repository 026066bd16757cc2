/** Lines and columns (both 1-based; columns in UTF-16 units, as editors count) of offsets in a text. */

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  return new LineIndex(text).locate(offset);
}

/** The line starts of a text, found once, so that many offsets can be located cheaply. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) this.starts.push(index + 1);
  }

  locate(offset: number): { line: number; column: number } {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] as number) <= at) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: at - (this.starts[low] as number) + 1 };
  }
}
