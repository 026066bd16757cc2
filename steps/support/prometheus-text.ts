/** Reads counters from Prometheus text format: the sum of a metric's samples whose labels include the given ones. */

export function sumOf(text: string, metric: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.startsWith(metric)) continue;
    const match = /^([a-zA-Z_:][\w:]*)(\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match || match[1] !== metric) continue;
    const sampleLabels = Object.fromEntries([...(match[3] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1], pair[2]]));
    if (Object.entries(labels).every(([name, value]) => sampleLabels[name] === value)) sum += Number(match[4]);
  }
  return sum;
}
