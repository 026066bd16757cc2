/** Collects findings for one document, with lines, and a bound so hostile input cannot flood the caller. */
import type { Finding, FindingKind, Severity } from '../model';
import type { XmlElement } from '../xml/node';
import { LineIndex } from '../xml/position';
import { pathOf } from './paths';

export const MAX_FINDINGS = 100;

export class FindingCollector {
  readonly findings: Finding[] = [];
  private errors = 0;
  private lines: LineIndex | undefined;

  constructor(
    private readonly source: string,
    private readonly max = MAX_FINDINGS,
  ) {}

  get full(): boolean {
    return this.findings.length >= this.max;
  }

  get hasErrors(): boolean {
    return this.errors > 0;
  }

  /** A finding at `element` (or at `element` + `/suffix` for something missing inside it). */
  add(severity: Severity, kind: FindingKind, element: XmlElement | undefined, message: string, suffix?: string, offset?: number): void {
    if (this.findings.length > this.max) return;
    if (severity === 'error') this.errors += 1;
    if (this.findings.length === this.max) {
      this.findings.push({ severity: 'error', kind, path: '/', message: `more than ${this.max} findings; stopped looking` });
      return;
    }
    const base = pathOf(element);
    const path = suffix ? `${base === '/' ? '' : base}/${suffix}` : base;
    const at = offset ?? element?.offset;
    const finding: Finding = { severity, path, message, kind };
    if (at !== undefined) {
      this.lines ??= new LineIndex(this.source);
      finding.line = this.lines.locate(at).line;
    }
    this.findings.push(finding);
  }

  error(kind: FindingKind, element: XmlElement | undefined, message: string, suffix?: string, offset?: number): void {
    this.add('error', kind, element, message, suffix, offset);
  }
}
