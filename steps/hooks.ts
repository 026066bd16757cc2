/**
 * One environment and one browser per cucumber run: started before the first scenario, stopped after the last,
 * and also on Ctrl-C or SIGTERM (through the process-wide cleanup registry, environments/cleanup.ts). Every scenario gets a fresh browser
 * context; a failed scenario gets a screenshot and a Playwright trace attached to the report.
 */
import { After, AfterAll, BeforeAll, setDefaultTimeout, Status } from '@cucumber/cucumber';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright';
import { environmentKind, startEnvironment } from '../environments';
import { registerCleanup } from '../environments/cleanup';
import { launchBrowser } from './support/browser';
import { runContext, setRunContext } from './support/run-context';
import type { LokalsvarWorld } from './world';

setDefaultTimeout(30_000);

const TRACE_DIR = path.join('reports', 'traces');

let stopRun: (() => Promise<void>) | undefined;

/** Registers a stop with the cleanup registry; the returned function stops now and unregisters. */
function stopOnce(name: string, stop: () => Promise<void>): () => Promise<void> {
  const unregister = registerCleanup(name, stop);
  return async () => {
    unregister();
    await stop();
  };
}

BeforeAll({ timeout: 300_000 }, async function (this: { parameters?: { environment?: string } }) {
  const kind = environmentKind(process.env.E2E_ENV || this.parameters?.environment);
  // LABA-01: the systems MedCom has approved, as this environment is configured (the pilot LPS by default).
  const approvedSystems = (process.env.E2E_APPROVED_SYSTEMS ?? 'Pilot-LPS').split(',').map((name) => name.trim());
  const environment = await startEnvironment(kind, { approvedSystems });
  const stopEnvironment = stopOnce(`${kind} environment`, () => environment.stop());
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await stopEnvironment();
    throw error;
  }
  const closeBrowser = stopOnce('browser', () => browser.close());
  setRunContext({ environment, browser });
  stopRun = async () => {
    await closeBrowser();
    await stopEnvironment();
  };
});

After(async function (this: LokalsvarWorld) {
  if (this.faultsInjected) await this.databankProxy.removeFaults();
});

After(async function (this: LokalsvarWorld, { result, pickle }) {
  const context = this.browserContext;
  if (!context) return;
  try {
    if (result?.status === Status.FAILED && this.hasPage()) {
      const page = await this.page();
      this.attach(await page.screenshot({ fullPage: true }), 'image/png');
      mkdirSync(TRACE_DIR, { recursive: true });
      const tracePath = path.join(TRACE_DIR, `${pickle.name.replace(/[^\p{L}\p{N}]+/gu, '-')}-${pickle.id}.zip`);
      await context.tracing.stop({ path: tracePath });
      this.attach(`Playwright trace: ${tracePath} (open with: npx playwright show-trace ${tracePath})`, 'text/plain');
    } else {
      await context.tracing.stop();
    }
  } finally {
    await context.close();
  }
});

AfterAll({ timeout: 120_000 }, async function () {
  runContext();
  await stopRun?.();
  setRunContext(undefined);
});
