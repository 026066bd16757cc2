/**
 * How long a full vendor-mode run takes with the robot tester standing in for a vendor's correct LPS (every
 * scenario, every question answered at once): the platform's own overhead per certification, without a person's
 * time. Not a test; nothing is asserted.
 *
 *   npx tsx bench/vendor-run.bench.ts        (BENCH_RUNS, default 1)
 */
import { certifyAsVendor } from '../test/vendor/certify';
import { correctLps } from '../test/vendor/robot-tester';

const RUNS = Number(process.env.BENCH_RUNS ?? 1);

async function main(): Promise<void> {
  const rows: string[] = [];
  for (let run = 1; run <= RUNS; run += 1) {
    const started = process.hrtime.bigint();
    const result = await certifyAsVendor('not @ikke-eksisterende', 'Robot-LPS', correctLps('Robot-LPS'), undefined, 60);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const met = result.verdicts.filter((verdict) => verdict.verdict === 'opfyldt').length;
    rows.push(`| ${run} | ${seconds.toFixed(1)} | ${result.instructions.length} | ${result.questions.length} | ${met} af ${result.verdicts.length} |`);
  }
  console.log('| run | wall time (s) | instructions | questions | rules met |\n|---|---|---|---|---|');
  console.log(rows.join('\n'));
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
