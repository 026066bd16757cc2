/**
 * Results per second through the chain's write path: LPS message -> PLSP (validate, receipt, count) -> WireMock
 * proxy -> LABA (SQLite), in-process, with C concurrent senders; latency percentiles and the process's memory.
 * Not a test; nothing is asserted. Traffic stays on loopback and the run is bounded in count.
 *
 *   npx tsx bench/hub-throughput.bench.ts        (BENCH_MESSAGES, default 2000; BENCH_CONCURRENCY, default 8)
 */
import { startLocalEnvironment } from '../environments/local';
import { writeEmessage } from '../medcom';
import { clinicEmessage } from '../medcom/compose-clinic-report';
import { findAnalysis } from '../medcom/npu-catalogue';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const TEST_CPRS = ['2512489996', '0201609995', '1502799995', '2509479989'];

function message(index: number): string {
  const crp = findAnalysis('CRP');
  if (!crp) throw new Error('CRP missing from the catalogue');
  const now = new Date();
  return writeEmessage(
    clinicEmessage({
      clinic: { name: 'Lægerne Testgade', ydernummer: '012345', ean: '5790000000000', producerCode: 'LT' },
      patient: { cpr: TEST_CPRS[index % TEST_CPRS.length] as string, givenName: 'Bench', surname: 'Test Person', consentGiven: true },
      analysis: crp,
      value: String(index % 200),
      sampleNumber: String(1_000_000_000 + index),
      sampledAt: now,
      resultAt: now,
    }),
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const environment = await startLocalEnvironment({ approvedSystems: ['Bench-LPS'] });
  try {
    const bodies = Array.from({ length: MESSAGES }, (_, index) => message(index));
    const url = `${environment.urls.plsp}/plsp/v1/xrpt`;
    const send = async (body: string): Promise<number> => {
      const started = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/xml', 'x-lps-system': 'Bench-LPS' }, body });
      await response.text();
      if (response.status !== 200) throw new Error(`PLSP answered ${response.status}`);
      return performance.now() - started;
    };
    for (const body of bodies.slice(0, 50)) await send(body); // warm-up: JIT, WireMock's JVM, SQLite pages
    const latencies: number[] = [];
    let next = 50;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < bodies.length) latencies.push(await send(bodies[next++] as string));
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const memory = process.memoryUsage();
    console.log(`${latencies.length} messages, ${CONCURRENCY} concurrent senders, ${(bodies[0]?.length ?? 0).toLocaleString('en')} bytes each`);
    console.log(`throughput   ${(latencies.length / seconds).toFixed(0)} messages/s (PLSP -> WireMock -> LABA, one result each)`);
    console.log(`latency ms   p50 ${percentile(latencies, 50).toFixed(1)}  p90 ${percentile(latencies, 90).toFixed(1)}  p99 ${percentile(latencies, 99).toFixed(1)}`);
    console.log(`memory MiB   rss ${(memory.rss / 2 ** 20).toFixed(0)}  heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} (this process; WireMock's JVM apart)`);
  } finally {
    await environment.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
