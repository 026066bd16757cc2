/**
 * One browser context and one page per cucumber run (per worker), lent to one scenario at a time. Opening a
 * context and a page costs the browser about as much CPU as a whole check of Sundhedsjournalen, and most scenarios
 * look once. Between scenarios the page's document is replaced by an empty one (no navigation: about 10 ms, where
 * going to about:blank took about 35) and the context's cookies are cleared (the stand-in keeps a citizen's login in
 * its session cookie and nothing in web storage, and runs no script), so no scenario sees another's page content or
 * login (every look logs in afresh, steps/drivers/sundhedsjournal-page.ts). The page keeps its last address until the
 * next scenario navigates. A page that cannot be cleaned is closed with its context, and the next scenario gets new
 * ones.
 *
 * Each scenario's Playwright trace is a chunk of the context's tracing, kept on disk only when asked (a failed
 * scenario). It holds a DOM snapshot before and after every action (the trace viewer shows the page from them) but
 * no screencast: the screencast's frames cost Chromium about 0.6 s of CPU per look at Sundhedsjournalen
 * (bench/browser-cost.bench.ts), and a failed scenario gets a screenshot of its page attached anyway (steps/hooks.ts).
 */
import type { Browser, BrowserContext, Page } from 'playwright';

/**
 * A desktop browser's width, and tall enough that a citizen's results page of a scenario fits without scrolling: the
 * evidence screenshot of a page that fits is cheaper (run/page-screenshot.ts). A taller page is still taken whole.
 */
export const VIEWPORT = { width: 1280, height: 1200 } as const;

export interface ScenarioPage {
  context: BrowserContext;
  page: Page;
}

export class SharedPage {
  private current?: ScenarioPage;
  /** A trace chunk is being recorded for the scenario that has the page. */
  private recording = false;

  /**
   * headers: what every request of the page carries; the run's access token where the environment demands one
   * (containers mode, or stubs beyond loopback), so the citizen's pages of Sundhedsjournalen let the check in.
   */
  constructor(
    private readonly browser: Browser,
    private readonly headers: Record<string, string> = {},
  ) {}

  /** The page for the scenario running now, recording its trace. */
  async forScenario(): Promise<ScenarioPage> {
    if (this.current && !this.current.page.isClosed()) {
      if (!this.recording) await this.current.context.tracing.startChunk();
      this.recording = true;
      return this.current;
    }
    await this.close();
    const context = await this.browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: VIEWPORT, extraHTTPHeaders: this.headers });
    await context.tracing.start({ screenshots: false, snapshots: true });
    this.recording = true;
    this.current = { context, page: await context.newPage() };
    return this.current;
  }

  /** The scenario is done with the page: its trace goes to tracePath if given (else is dropped), then the page is cleared. */
  async endScenario(tracePath?: string): Promise<void> {
    const current = this.current;
    if (!current) return;
    try {
      if (this.recording) await current.context.tracing.stopChunk(tracePath ? { path: tracePath } : undefined);
      this.recording = false;
      await current.page.setContent('');
      await current.context.clearCookies();
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    this.recording = false;
    await current?.context.close();
  }
}
