/**
 * The `lps_system` label of the monitoring counters, bounded: whatever an LPS sends in X-LPS-System, the hub keeps
 * at most MAX_SYSTEM_SERIES system names as labels. Systems outside the approved list are all counted under
 * UNAPPROVED_LABEL; when every system is approved ('*'), names beyond the cap are counted under OTHERS_LABEL.
 */

export const UNAPPROVED_LABEL = '(ikke godkendt)';
export const OTHERS_LABEL = '(øvrige)';
/** A message without X-LPS-System. */
export const UNNAMED_LABEL = '(unnamed)';
export const MAX_SYSTEM_SERIES = 100;

const FIXED_LABELS = new Set([UNAPPROVED_LABEL, OTHERS_LABEL, UNNAMED_LABEL]);

export class SystemLabels {
  private readonly seen = new Set<string>();

  constructor(
    private readonly isApproved: (system: string) => boolean,
    private readonly cap = MAX_SYSTEM_SERIES,
  ) {}

  /** The label to count a system under. */
  label(system: string): string {
    if (FIXED_LABELS.has(system) || this.seen.has(system)) return system;
    if (!this.isApproved(system)) return UNAPPROVED_LABEL;
    if (this.seen.size >= this.cap) return OTHERS_LABEL;
    this.seen.add(system);
    return system;
  }

  /** A label already counted (e.g. read back from the database): it keeps its series. */
  remember(label: string): void {
    if (!FIXED_LABELS.has(label)) this.seen.add(label);
  }
}
