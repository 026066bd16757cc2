/**
 * A file of further approved LPS systems (PLSP_APPROVED_SYSTEMS_FILE), one name a line, read again whenever it
 * changes: a test camp approves each new vendor's system while the hub keeps running. A missing file approves no
 * one beyond PLSP_APPROVED_SYSTEMS; lines starting with # are comments.
 */
import { readFileSync, statSync } from 'node:fs';

export class ApprovedSystemsFile {
  private modified = -1;
  private names = new Set<string>();

  constructor(readonly path: string) {}

  includes(system: string): boolean {
    this.refresh();
    return this.names.has(system);
  }

  private refresh(): void {
    let modified: number;
    try {
      modified = statSync(this.path).mtimeMs;
    } catch {
      this.modified = -1;
      this.names = new Set();
      return;
    }
    if (modified === this.modified) return;
    this.modified = modified;
    this.names = new Set(
      readFileSync(this.path, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#')),
    );
  }
}
