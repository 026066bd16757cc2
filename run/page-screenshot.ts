/**
 * A PNG of the whole page, as the evidence of what the citizen saw (steps/hooks.ts). Taken through Chromium's own
 * DevTools call, which encodes the PNG for speed and draws the parts below the fold only when there are any:
 * Playwright's `page.screenshot({ fullPage: true })` resizes the viewport to the page's height and back (two layouts)
 * every time, and took about half as long again per look at Sundhedsjournalen (bench/browser-cost.bench.ts); a page
 * that fits its viewport is taken as it is, about 60 ms less again (run/shared-page.ts gives the suite's page a
 * viewport most pages fit). A page shorter than its viewport is taken at its own height, not the viewport's: the empty
 * canvas below it is not drawn (the capture's cost grows with its area: a page of 700 of 1200 pixels costs about a
 * third less). Otherwise the same pixels and size as Playwright's; a larger file. Where the DevTools call is not
 * available (a browser other than Chromium), Playwright's own.
 */
import type { Page } from 'playwright';

export async function fullPageScreenshot(page: Page): Promise<Buffer> {
  let session: Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>> | undefined;
  try {
    session = await page.context().newCDPSession(page);
  } catch {
    return page.screenshot({ fullPage: true });
  }
  try {
    const { cssContentSize, cssLayoutViewport } = await session.send('Page.getLayoutMetrics');
    const width = Math.ceil(cssContentSize.width);
    let height = Math.ceil(cssContentSize.height);
    if (height <= cssLayoutViewport.clientHeight) {
      // Chromium counts a page shorter than its viewport as the viewport's height; the part below the page is empty.
      // (A page taller than its viewport is taken whole, whatever its root element's own height says.)
      const { result } = await session.send('Runtime.evaluate', { expression: 'document.documentElement.getBoundingClientRect().height', returnByValue: true });
      if (typeof result.value === 'number' && result.value >= 1) height = Math.min(height, Math.ceil(result.value));
    }
    const fits = width <= cssLayoutViewport.clientWidth && height <= cssLayoutViewport.clientHeight;
    const { data } = await session.send('Page.captureScreenshot', {
      format: 'png',
      optimizeForSpeed: true,
      captureBeyondViewport: !fits,
      clip: { x: 0, y: 0, width, height, scale: 1 },
    });
    return Buffer.from(data, 'base64');
  } finally {
    await session.detach().catch(() => undefined);
  }
}
