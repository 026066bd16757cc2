/**
 * What a look at Sundhedsjournalen costs Chromium, by how the suite looks: CPU seconds (user + sys, sampled from
 * /proc, bench/process-tree-cpu.ts) of the browser's processes for BENCH_LOOKS looks (default 40), each a login, the
 * results page read row by row, and what the suite keeps as evidence. Variants: the trace with or without its
 * screencast, the per-step screenshot full page or not (Playwright's, or the suite's own through DevTools), the login
 * typed into the form or posted, and extra Chromium flags (BENCH_CHROMIUM_ARGS, comma separated, added to every
 * variant). PLAYWRIGHT_CHROMIUM_EXECUTABLE compares another Chromium (the suite prefers the headless shell,
 * run/browser-executable.ts). Not a test; nothing is asserted. Linux only.
 *
 *   npx tsx bench/browser-cost.bench.ts
 */
import type { Browser } from 'playwright';
import { launchBrowser } from '../run/browser';
import { fullPageScreenshot } from '../run/page-screenshot';
import { SundhedsjournalPage } from '../steps/drivers/sundhedsjournal-page';
import { buildSundhedsjournalApp } from '../stubs/sundhedsjournal/app';
import { readSundhedsjournalConfig } from '../stubs/sundhedsjournal/config';
import { startFakePortal } from '../test/support/fake-portal';
import { NANCY_CPR, typicalResults } from '../test/support/portal-results';
import { sampleProcessTree } from './process-tree-cpu';

const LOOKS = Number(process.env.BENCH_LOOKS ?? 40);

interface Variant {
  name: string;
  trace?: { screenshots: boolean; snapshots: boolean };
  screenshot?: { fullPage: boolean; type?: 'png' | 'jpeg'; quality?: number };
  /** The evidence screenshot as the suite takes it now (run/page-screenshot.ts, through Chromium's DevTools call). */
  evidenceScreenshot?: boolean;
  /** Log in by typing into the login form, as before, instead of posting it (steps/drivers/sundhedsjournal-page.ts). */
  throughForm?: boolean;
}

const ALL_VARIANTS: Variant[] = [
  { name: 'no trace, no screenshot' },
  { name: 'trace with screencast + snapshots, full-page screenshot (before)', trace: { screenshots: true, snapshots: true }, screenshot: { fullPage: true } },
  { name: 'trace snapshots only, full-page screenshot', trace: { screenshots: false, snapshots: true }, screenshot: { fullPage: true } },
  { name: 'trace with screencast + snapshots, no screenshot', trace: { screenshots: true, snapshots: true } },
  { name: 'trace snapshots only, no screenshot (now, a step that does not look)', trace: { screenshots: false, snapshots: true } },
  { name: 'trace snapshots only, viewport screenshot', trace: { screenshots: false, snapshots: true }, screenshot: { fullPage: false } },
  { name: 'trace snapshots only, full-page JPEG screenshot', trace: { screenshots: false, snapshots: true }, screenshot: { fullPage: true, type: 'jpeg', quality: 80 } },
  { name: 'trace snapshots only, full-page screenshot, login through the form (before this stop)', trace: { screenshots: false, snapshots: true }, screenshot: { fullPage: true }, throughForm: true },
  { name: 'trace snapshots only, evidence screenshot through DevTools, login by posting the form (now)', trace: { screenshots: false, snapshots: true }, evidenceScreenshot: true },
];

/** BENCH_VARIANTS=1,3 runs only those (numbered from 1, in the order above). */
const VARIANTS = process.env.BENCH_VARIANTS ? process.env.BENCH_VARIANTS.split(',').map((index) => ALL_VARIANTS[Number(index) - 1] as Variant) : ALL_VARIANTS;

function chromiumSeconds(byName: Record<string, number>): number {
  return Object.entries(byName)
    .filter(([name]) => /chrom/i.test(name))
    .reduce((sum, [, seconds]) => sum + seconds, 0);
}

async function measure(browser: () => Promise<Browser>, journalUrl: string, variant: Variant): Promise<number> {
  const sampler = sampleProcessTree(process.pid, 50);
  const started = await browser();
  const context = await started.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  if (variant.trace) await context.tracing.start(variant.trace);
  const page = await context.newPage();
  for (let look = 0; look < LOOKS; look++) {
    if (variant.trace) await context.tracing.startChunk();
    const journal = new SundhedsjournalPage(page);
    await journal.logIn(journalUrl, NANCY_CPR, { throughForm: variant.throughForm ?? false });
    await journal.shownResults();
    if (variant.screenshot) await page.screenshot(variant.screenshot);
    if (variant.evidenceScreenshot) await fullPageScreenshot(page);
    if (variant.trace) await context.tracing.stopChunk();
    await page.setContent(''); // as the suite clears its page between scenarios (run/shared-page.ts)
    await context.clearCookies();
  }
  await context.close();
  await started.close();
  return chromiumSeconds(sampler.stop().byName);
}

async function main(): Promise<void> {
  const portal = await startFakePortal();
  portal.results.set(NANCY_CPR, typicalResults());
  const app = await buildSundhedsjournalApp(readSundhedsjournalConfig({ SUNDHEDSJOURNAL_LABPORTAL_URL: portal.url }));
  const journalUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const extra = process.env.BENCH_CHROMIUM_ARGS?.split(',').filter(Boolean) ?? [];
  console.log(`Chromium CPU for ${LOOKS} looks at Sundhedsjournalen (launch and close included)${extra.length ? `, extra flags ${extra.join(' ')}` : ''}:`);
  for (const variant of VARIANTS) {
    const seconds = await measure(() => launchBrowser({ extraArgs: extra }), journalUrl, variant);
    console.log(`  ${seconds.toFixed(1).padStart(6)} s  ${(seconds / LOOKS).toFixed(3)} s a look  ${variant.name}`);
  }
  await app.close();
  await portal.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
