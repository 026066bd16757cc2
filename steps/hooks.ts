/**
 * One environment and one browser per cucumber run: started together before the first scenario, stopped after the
 * last, and also on Ctrl-C or SIGTERM (through the process-wide cleanup registry, environments/cleanup.ts). Scenarios
 * take turns with one browser page, cleared between them (run/shared-page.ts); a failed scenario gets a screenshot
 * and its Playwright trace attached to the report. Every scenario gets its evidence attached
 * (steps/support/scenario-evidence.ts), and every step that checks Sundhedsjournalen a screenshot.
 */
import { After, AfterAll, AfterStep, Before, BeforeAll, setDefaultTimeout, setParallelCanAssign, Status } from '@cucumber/cucumber';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright';
import { environmentKind } from '../environments/environment';
import type { Environment } from '../environments/environment';
import { ANNOUNCEMENT_WAIT_MS, awaitSharedEnvironment, SHARED_ENVIRONMENT_ENV, startRunEnvironment } from '../run/run-environment';
import { registerCleanup } from '../environments/cleanup';
import { launchBrowser } from '../run/browser';
import { SharedPage } from '../run/shared-page';
import { fullPageScreenshot } from '../run/page-screenshot';
import { accessHeaders } from '../contracts/access';
import { lpsMode, vendorSettings } from '../run/lps-mode';
import { useAccessToken } from './drivers/http';
import { runContext, setRunContext } from '../run/run-context';
import { attachScenarioEvidence } from './support/scenario-evidence';
import { AnswerServer } from '../run/tester-channel';
import { mayRunAlongside, personsOf } from '../run/parallel-rules';
import type { LokalsvarWorld } from './world';

setDefaultTimeout(30_000);

/** In a parallel run (--parallel N), which scenarios may run at the same time (run/parallel-rules.ts). */
setParallelCanAssign(mayRunAlongside);

const TRACE_DIR = path.join(process.env.E2E_REPORTS_DIR || 'reports', 'traces');

let stopRun: (() => Promise<void>) | undefined;

/** The rules a scenario checks (@krav:<id>), so its failure messages can name them. */
Before(function (this: LokalsvarWorld, { pickle }) {
  this.tags = pickle.tags.map((tag) => tag.name);
  this.persons = personsOf(pickle);
  this.rules = pickle.tags.map((tag) => tag.name).filter((name) => name.startsWith('@krav:')).map((name) => name.slice('@krav:'.length));
});

Before({ tags: '@kun-pilot' }, function () {
  // What only the pilot LPS simulator can show automatically (refusals inside the LPS, results received from
  // others, cancellations); with a vendor's LPS these are shown by hand at the test camp.
  return lpsMode() === 'vendor' ? 'skipped' : undefined;
});

/** Registers a stop with the cleanup registry; the returned function stops now and unregisters. */
function stopOnce(name: string, stop: () => Promise<void>): () => Promise<void> {
  const unregister = registerCleanup(name, stop);
  return async () => {
    unregister();
    await stop();
  };
}

BeforeAll({ timeout: ANNOUNCEMENT_WAIT_MS + 60_000 }, async function (this: { parameters?: { environment?: string } }) {
  const kind = environmentKind(process.env.E2E_ENV || this.parameters?.environment);
  const vendor = lpsMode() === 'vendor' ? vendorSettings().system : undefined;
  // Workers attach to the environment scripts/run-suite.ts started (run/run-environment.ts); cucumber-js alone starts its own.
  const shared = process.env[SHARED_ENVIRONMENT_ENV];
  // The browser starts while the environment does, and is stopped (Ctrl-C included) whichever of them fails.
  const launching = launchBrowser();
  launching.catch(() => undefined); // awaited below; a failure while the environment starts is not unhandled
  let page: SharedPage | undefined;
  const closeBrowser = stopOnce('browser', async () => {
    const started = await launching.catch(() => undefined);
    await page?.close().catch(() => undefined);
    await started?.close();
  });
  let environment: Environment;
  try {
    // A worker's browser that does not start fails the run at once, not once the environment is up.
    environment = shared ? (await Promise.all([awaitSharedEnvironment(shared), launching]))[0] : await startRunEnvironment(kind);
  } catch (error) {
    await closeBrowser();
    throw error;
  }
  useAccessToken(environment.accessToken);
  if (vendor) {
    console.log(`\nLPS=vendor: ${vendor} sends to ${environment.urls.plsp}/plsp/v1/xrpt (header X-LPS-System: ${vendor}).`);
    console.log('Follow the LOKALSVAR-INSTRUKTION lines and answer the LOKALSVAR-SPØRGSMÅL questions (tester channel, README); scenarios tagged @kun-pilot, if any, are skipped.\n');
  }
  const stopEnvironment = stopOnce(`${kind} environment`, () => environment.stop());
  let browser: Browser;
  try {
    browser = await launching;
  } catch (error) {
    await closeBrowser();
    await stopEnvironment();
    throw error;
  }
  page = new SharedPage(browser, accessHeaders(environment.accessToken));
  const tester = vendor ? await AnswerServer.start() : undefined;
  const closeTester = tester ? stopOnce('tester channel', () => tester.close()) : async () => undefined;
  if (tester) console.log(`Tester channel: questions are answered and files fetched at ${tester.baseUrl} (LOKALSVAR-SPØRGSMÅL-JSON lines give the URLs).\n`);
  setRunContext({ environment, browser, page, ...(tester ? { tester } : {}) });
  stopRun = async () => {
    await closeTester();
    await closeBrowser();
    await stopEnvironment();
  };
});

/** Defined first, so it runs after the other After hooks: the evidence of what the scenario did, for the certification report. */
After({ name: 'Evidens: beskeder, kvitteringer, fund, databanker, tidslinje' }, async function (this: LokalsvarWorld) {
  await attachScenarioEvidence(this, (data, options) => this.attach(data, options), this.startedAt, this.viewChecks);
});

/** A screenshot of what the citizen saw, after each step that looked at Sundhedsjournalen. */
AfterStep(async function (this: LokalsvarWorld, { pickleStep, result }) {
  if (!this.hasPage() || !pickleStep.text.includes('Sundhedsjournalen') || result.status === Status.SKIPPED) return;
  const page = await this.page();
  this.viewChecks.push({ at: new Date().toISOString(), step: pickleStep.text });
  this.attach(await fullPageScreenshot(page), { mediaType: 'image/png', fileName: `sundhedsjournal-${this.viewChecks.length}.png` });
});

/**
 * The scenario's faults are taken away. A passed scenario whose fault no upload met has not shown what it claims (a
 * fault hits only uploads about the scenario's test person, steps/drivers/databank-proxy.ts): it fails.
 */
After(async function (this: LokalsvarWorld, { result }) {
  if (!this.faultsInjected) return;
  const notMet = result?.status === Status.PASSED ? await this.databankProxy.faultsNotMet() : [];
  await this.databankProxy.removeFaults();
  if (notMet.length === 0) return;
  throw new Error(
    `${this.rulePrefix()}Scenariet satte en fejl foran en databank, som ingen upload mødte (${notMet.join('; ')}). En fejl rammer kun ` +
      `uploads om testpersonen ${this.person?.cpr ?? '(ingen testperson)'} fra ${this.lps.systemName}, kendt på CPR-nummeret i brevets CivilRegistrationNumber: ` +
      'nåede testpersonens svar slet ikke databanken, eller stod CPR-nummeret et andet sted?',
  );
});

/** A scenario in which PLSP refused a message that no step looked at has not shown what it claims: it fails. */
After(function (this: LokalsvarWorld, { result }) {
  if (result?.status !== Status.PASSED || this.uncheckedRefusals.length === 0) return;
  const refusals = this.uncheckedRefusals.map((shared) => {
    const texts = [shared.receipt.refuseText, ...shared.receipt.originalLetters.map((letter) => letter.refuseText)].filter(Boolean);
    return `envelope ${shared.envelopeIdentifier}: HTTP ${shared.httpStatus} ${texts.join('; ')}`;
  });
  throw new Error(`PLSP refused a message in this scenario and no step checked it: ${refusals.join(' | ')}`);
});

/** The scenario gives the shared page back: on failure with a screenshot and its trace kept; the page is cleared. */
After(async function (this: LokalsvarWorld, { result, pickle }) {
  if (!this.hasPage()) return;
  const shared = runContext().page;
  if (result?.status !== Status.FAILED) {
    await shared.endScenario();
    return;
  }
  let tracePath: string | undefined;
  try {
    const page = await this.page();
    this.attach(await fullPageScreenshot(page), 'image/png');
    mkdirSync(TRACE_DIR, { recursive: true });
    tracePath = path.join(TRACE_DIR, `${pickle.name.replace(/[^\p{L}\p{N}]+/gu, '-')}-${pickle.id}.zip`);
  } finally {
    await shared.endScenario(tracePath);
  }
  this.attach(`Playwright trace: ${tracePath} (open with: npx playwright show-trace ${tracePath})`, 'text/plain');
});

AfterAll({ timeout: 120_000 }, async function () {
  runContext();
  await stopRun?.();
  setRunContext(undefined);
});
