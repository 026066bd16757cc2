/** Follows a growing text file (a run's messages.ndjson) line by line, from its start, polling for new bytes. */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export class FileTail {
  private offset = 0;
  private pending = '';
  private readonly decoder = new StringDecoder('utf8');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: string,
    private readonly onLine: (line: string) => void,
  ) {}

  start(intervalMs = 300): void {
    this.timer = setInterval(() => this.read(), intervalMs);
  }

  /** Reads what is left, and stops polling. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.read();
    if (this.pending.trim() !== '') this.onLine(this.pending);
    this.pending = '';
  }

  private read(): void {
    let size: number;
    try {
      size = statSync(this.file).size;
    } catch {
      return;
    }
    if (size <= this.offset) return;
    const buffer = Buffer.alloc(size - this.offset);
    const fd = openSync(this.file, 'r');
    try {
      readSync(fd, buffer, 0, buffer.length, this.offset);
    } finally {
      closeSync(fd);
    }
    this.offset = size;
    const lines = (this.pending + this.decoder.write(buffer)).split('\n');
    this.pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') this.onLine(line);
  }
}
