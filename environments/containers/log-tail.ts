/** The last lines a container printed, for error messages. */
import type { Readable } from 'node:stream';

export class LogTail {
  private readonly lines: string[] = [];
  private partial = '';

  constructor(private readonly keep: number) {}

  follow(stream: Readable): void {
    stream.on('data', (chunk: Buffer | string) => this.add(chunk.toString()));
    stream.on('error', () => undefined);
  }

  text(): string {
    return [...this.lines, this.partial].filter(Boolean).map((line) => `  ${line}`).join('\n');
  }

  private add(chunk: string): void {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts);
    if (this.lines.length > this.keep) this.lines.splice(0, this.lines.length - this.keep);
  }
}
