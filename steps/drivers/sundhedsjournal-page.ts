/**
 * Page object for the Sundhedsjournal stand-in: reads the lab results page as a citizen sees it.
 * Finds elements only by `data-testid` and `data-felt`; a cell's text is read without its `data-supplement`
 * notes (analysis code, assessment, comments), which are returned in their own fields.
 *
 * Navigations are what a browser check costs, so none is repeated for nothing: every logIn posts the login form (a
 * few milliseconds, no navigation of its own) and the results page it lands on counts as opened until something
 * reads it. Every read after that is of a freshly loaded page: openLabResults reloads, and waitForResult reloads
 * between looks.
 */
import type { Locator, Page } from 'playwright';
import { SUNDHEDSJOURNAL_PATHS } from '../../contracts/sundhedsjournal';

/** One result row as shown, with the page's own (Danish) wording. */
export interface ShownResult {
  /** Rekvisition the row is grouped under. */
  requisition: string;
  analysis: string;
  analysisCode: string;
  /** With the operator as a sign, e.g. "< 5". */
  value: string;
  unit: string;
  /** e.g. "2,0 - 3,0", "< 10", "> 5", or the interval text; '' when none. */
  referenceInterval: string;
  /** Endeligt | Foreløbigt | Rettet | Annulleret */
  status: string;
  /** The producer's name, and its code as shown beside it. */
  producer: string;
  producerCode: string;
  /** The note beside a reference interval that is not the ordinary physiological one, e.g. "behandlingsmål"; '' when none. */
  intervalType: string;
  /** The whole time cell, e.g. "Prøve 14.03.2025 kl. 09:40 Svar 14.03.2025 kl. 10:05". */
  time: string;
  /** e.g. "14.03.2025 kl. 09:40" */
  samplingTime: string;
  resultTime: string;
  /** Forhøjet | Formindsket | Unormal, when the result is marked. */
  assessment?: string;
  comments: string[];
}

export interface WaitForResultOptions {
  /** Default 10 000 ms. */
  timeoutMs?: number;
  /** Only a row under this requisition number (a scenario's own result among others of the same person). */
  requisition?: string;
}

/** waitForResult's time ran out without the row: the message says what the page showed instead. */
export class ResultNotShown extends Error {
  override readonly name = 'ResultNotShown';
}

const RESULTS_PATH = SUNDHEDSJOURNAL_PATHS.labResults;
const LOGIN_PATH = SUNDHEDSJOURNAL_PATHS.login;
const ROW = '[data-testid="resultat"]';
const FIRST_POLL_MS = 200;
const MAX_POLL_MS = 1_000;

export class SundhedsjournalPage {
  private baseUrl?: string;
  private cpr?: string;
  /** The results page the login landed on, not read yet: as fresh as a reload. */
  private unreadSinceLogin = false;

  constructor(readonly page: Page) {}

  /**
   * Logs in as the test person and lands on the results page; throws with the page's message if refused.
   * throughForm: type the CPR number into the login page and press the button, as a citizen does, instead of posting
   * the form.
   */
  async logIn(baseUrl: string, cpr: string, options: { throughForm?: boolean } = {}): Promise<void> {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.cpr = cpr;
    this.unreadSinceLogin = false;
    if (options.throughForm) await this.logInWithForm(cpr);
    else await this.logInWithRequest(cpr);
    if (this.currentPath() !== RESULTS_PATH) {
      const message = await this.textOf('log-ind-fejl');
      throw new Error(`Login to Sundhedsjournalen as ${cpr} failed at ${this.page.url()}: ${message ?? 'no error shown'}`);
    }
    this.unreadSinceLogin = true;
  }

  /**
   * Logs in as the login form does (the stand-in's form, in place of MitID): the form's POST, sent by the page's
   * browser context, whose cookie jar keeps the session cookie, then the results page it sends the citizen to. A
   * look at Sundhedsjournalen costs one navigation less than filling in and submitting the form (about a third of a
   * look's time); what the citizen sees is the same page. A refused login goes through the form in the browser, so the
   * error names what the page says. The form itself is tested in test/steps/sundhedsjournal-page.test.ts (in the browser) and
   * test/stubs/sundhedsjournal-routes.test.ts.
   */
  private async logInWithRequest(cpr: string): Promise<void> {
    const answer = await this.page.context().request.post(`${this.baseUrl}${LOGIN_PATH}`, { form: { cpr }, maxRedirects: 0 });
    const location = answer.headers().location;
    const landing = location === undefined ? undefined : new URL(location, `${this.baseUrl}/`);
    if (answer.status() === 303 && landing?.pathname === RESULTS_PATH) await this.page.goto(landing.href);
    else await this.logInWithForm(cpr);
  }

  /** As a citizen logs in: the login page, the CPR number typed, the button pressed. */
  private async logInWithForm(cpr: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}${LOGIN_PATH}`);
    await this.page.getByTestId('cpr').fill(cpr);
    await this.page.getByTestId('log-ind').click();
    await this.page.waitForLoadState();
  }

  /** Opens (or reloads) the lab results page; throws when the session is gone. */
  async openLabResults(): Promise<void> {
    if (this.baseUrl === undefined || this.cpr === undefined) throw new Error('Not logged in to Sundhedsjournalen: call logIn(baseUrl, cpr) first');
    if (this.unreadSinceLogin && this.currentPath() === RESULTS_PATH) {
      this.unreadSinceLogin = false;
      return;
    }
    this.unreadSinceLogin = false;
    await this.page.goto(`${this.baseUrl}${RESULTS_PATH}`);
    if (this.currentPath() !== RESULTS_PATH) {
      throw new Error(`Sundhedsjournalen sent the browser to ${this.page.url()} instead of the lab results: the session has ended`);
    }
  }

  async logOut(): Promise<void> {
    this.unreadSinceLogin = false;
    await this.page.getByTestId('log-ud').click();
    await this.page.waitForLoadState();
    this.baseUrl = undefined;
    this.cpr = undefined;
  }

  /** Every result row on the current page, in page order (newest requisition first). */
  async shownResults(): Promise<ShownResult[]> {
    this.unreadSinceLogin = false;
    return this.page.evaluate(readRows, ROW);
  }

  /** The first row for the analysis code (under the requisition, if given) on the current page, if any. */
  async resultFor(analysisCode: string, requisition?: string): Promise<ShownResult | undefined> {
    this.unreadSinceLogin = false;
    return (await this.page.evaluate(readRows, rowSelector(analysisCode, requisition)))[0];
  }

  /** Whether a row for the analysis code (under the requisition, if given) is on the current page (no reload). */
  async isShown(analysisCode: string, requisition?: string): Promise<boolean> {
    return (await this.resultFor(analysisCode, requisition)) !== undefined;
  }

  /**
   * Reloads the results page until a row for the analysis code appears, and returns it. Between reloads it
   * waits on the page for the row (200 ms growing to 1 s), never sleeps blindly. On timeout the error says
   * what the page showed instead.
   */
  async waitForResult(analysisCode: string, options: WaitForResultOptions = {}): Promise<ShownResult> {
    const timeoutMs = options.timeoutMs ?? 10_000;
    const deadline = Date.now() + timeoutMs;
    let pollMs = FIRST_POLL_MS;
    for (;;) {
      if (this.currentPath() !== RESULTS_PATH) await this.openLabResults();
      const remaining = deadline - Date.now();
      try {
        await this.rowsFor(analysisCode, options.requisition)
          .first()
          .waitFor({ state: 'attached', timeout: Math.max(1, Math.min(pollMs, remaining)) });
        const shown = await this.resultFor(analysisCode, options.requisition);
        if (shown) return shown;
      } catch (error) {
        if (!(error instanceof playwrightErrors().TimeoutError)) throw error;
      }
      if (Date.now() >= deadline) {
        // On a busy machine each short wait can time out although the row is there: look once more without waiting.
        const last = await this.resultFor(analysisCode, options.requisition);
        if (last) return last;
        throw new ResultNotShown(await this.notShownMessage(analysisCode, timeoutMs, options.requisition));
      }
      await this.openLabResults();
      pollMs = Math.min(pollMs * 2, MAX_POLL_MS);
    }
  }

  /** The error box's text (e.g. when the portal is down), if the page shows one. */
  async errorMessage(): Promise<string | undefined> {
    return this.textOf('fejl');
  }

  /** The empty-state text ("Der er ingen laboratoriesvar at vise."), if the page shows it. */
  async emptyMessage(): Promise<string | undefined> {
    return this.textOf('ingen-resultater');
  }

  private rowsFor(analysisCode: string, requisition?: string): Locator {
    this.unreadSinceLogin = false;
    return this.page.locator(rowSelector(analysisCode, requisition));
  }

  private currentPath(): string {
    return new URL(this.page.url()).pathname;
  }

  /** The text of the first element with the test id, if the page has one. */
  private async textOf(testId: string): Promise<string | undefined> {
    this.unreadSinceLogin = false;
    const text = await this.page.evaluate((selector) => document.querySelector(selector)?.textContent ?? null, `[data-testid="${cssString(testId)}"]`);
    return text === null ? undefined : normalize(text);
  }

  private async notShownMessage(analysisCode: string, timeoutMs: number, requisition?: string): Promise<string> {
    const codes = (await this.shownResults()).map((result) => `${result.analysisCode} (rekvisition ${result.requisition})`);
    const pageSays = (await this.errorMessage()) ?? (await this.emptyMessage());
    return (
      `Sundhedsjournalen showed no result with analysis code ${analysisCode}${requisition ? ` under requisition ${requisition}` : ''} within ${timeoutMs} ms at ${this.page.url()}; ` +
      `shown: ${codes.length > 0 ? codes.join(', ') : 'no results'}${pageSays ? `; the page says: "${pageSays}"` : ''}`
    );
  }
}

/** The rows for an analysis code, under a requisition if given. */
function rowSelector(analysisCode: string, requisition?: string): string {
  const underRequisition = requisition === undefined ? '' : `[data-rekvisition="${cssString(requisition)}"]`;
  return `${ROW}[data-analysis-code="${cssString(analysisCode)}"]${underRequisition}`;
}

/**
 * Runs in the browser: one ShownResult per row the selector finds, in page order. It must be self-contained (nothing
 * from this module exists there) and must not bind functions to names: tsx/esbuild would wrap them in a `__name(...)`
 * helper that the page does not have. Hence plain loops and no local helper functions. Read by a plain evaluate in
 * the page, not through a locator: a locator's first use on each newly loaded page makes Playwright set up its
 * selector engine there, which cost about 75 ms of every look at Sundhedsjournalen (bench/browser-cost.bench.ts).
 */
function readRows(selector: string): ShownResult[] {
  return Array.from(document.querySelectorAll(selector)).map((row) => {
    const own: Record<string, string> = {};
    for (const cell of Array.from(row.querySelectorAll('[data-felt]'))) {
      const copy = cell.cloneNode(true) as Element;
      for (const note of Array.from(copy.querySelectorAll('[data-supplement]'))) note.remove();
      own[cell.getAttribute('data-felt') ?? ''] = (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    }
    const sampling = row.querySelector('[data-tid="proeve"]')?.textContent ?? '';
    const result = row.querySelector('[data-tid="svar"]')?.textContent ?? '';
    const assessment = row.querySelector('[data-supplement="vurdering"]');
    const producerCode = row.querySelector('[data-supplement="producentkode"]')?.textContent ?? '';
    const intervalType = row.querySelector('[data-supplement="intervaltype"]')?.textContent ?? '';
    const comments: string[] = [];
    for (const item of Array.from(row.querySelectorAll('[data-supplement="bemaerkninger"] li'))) {
      comments.push((item.textContent ?? '').replace(/\s+/g, ' ').trim());
    }
    return {
      requisition: row.getAttribute('data-rekvisition') ?? '',
      analysis: own.analyse ?? '',
      analysisCode: row.getAttribute('data-analysis-code') ?? '',
      value: own.vaerdi ?? '',
      unit: own.enhed ?? '',
      referenceInterval: own.referenceinterval ?? '',
      status: own.status ?? '',
      producer: own.producent ?? '',
      producerCode: producerCode.trim(),
      intervalType: intervalType.trim(),
      time: own.tidspunkt ?? '',
      samplingTime: sampling.replace(/\s+/g, ' ').trim(),
      resultTime: result.replace(/\s+/g, ' ').trim(),
      ...(assessment ? { assessment: (assessment.textContent ?? '').replace(/\s+/g, ' ').trim() } : {}),
      comments,
    };
  });
}

/** Playwright's error classes, loaded when needed: cucumber's coordinator loads this module but drives no browser. */
function playwrightErrors(): typeof import('playwright').errors {
  return (require('playwright') as typeof import('playwright')).errors;
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A value for a double-quoted CSS attribute selector. */
function cssString(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
