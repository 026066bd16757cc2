/**
 * A file of further approved LPS systems (PLSP_APPROVED_SYSTEMS_FILE), one name a line, read again whenever it
 * changes: a test camp approves each new vendor's system while the hub keeps running. A missing file approves no
 * one beyond PLSP_APPROVED_SYSTEMS; lines starting with # are comments.
 */
import { readFileSync, statSync } from 'node:fs';

export class ApprovedSystemsFile {
  /** mtime, size and inode of the version read (none while there is no file): a rewrite within the same clock tick still differs in one. */
  private version: string | undefined;
  private names = new Set<string>();

  constructor(readonly path: string) {}

  includes(system: string): boolean {
    this.refresh();
    return this.names.has(system);
  }

  private refresh(): void {
    let version: string;
    try {
      const stat = statSync(this.path);
      version = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch {
      this.version = undefined;
      this.names = new Set();
      return;
    }
    if (version === this.version) return;
    this.version = version;
    this.names = new Set(
      readFileSync(this.path, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#')),
    );
  }
}
