/**
 * A PNG of the whole page, as the evidence of what the citizen saw (steps/hooks.ts). Taken through Chromium's own
 * DevTools call, which draws the parts below the fold without resizing the page and encodes the PNG for speed:
 * Playwright's `page.screenshot({ fullPage: true })` resizes the viewport to the page's height and back (two layouts)
 * and took about half as long again per look at Sundhedsjournalen (bench/browser-cost.bench.ts). Same pixels, same
 * size; a larger file. Where the DevTools call is not available (a browser other than Chromium), Playwright's own.
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
    const { cssContentSize } = await session.send('Page.getLayoutMetrics');
    const { data } = await session.send('Page.captureScreenshot', {
      format: 'png',
      optimizeForSpeed: true,
      captureBeyondViewport: true,
      clip: { x: 0, y: 0, width: Math.ceil(cssContentSize.width), height: Math.ceil(cssContentSize.height), scale: 1 },
    });
    return Buffer.from(data, 'base64');
  } finally {
    await session.detach().catch(() => undefined);
  }
}
