/** The evidence screenshot (run/page-screenshot.ts): the whole page, below the fold too, at the page's own size. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright';
import { launchBrowser } from '../../run/browser';
import { fullPageScreenshot } from '../../run/page-screenshot';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', 'not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the full-page screenshot', () => {
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
  });

  it('covers the whole page, not only the viewport, at the size Playwright gives it', async () => {
    const page = await context.newPage();
    await page.setContent('<body style="margin:0"><div style="height:2500px;background:#0a0"></div><p id="last" style="margin:0;height:100px;background:#a00">slut</p></body>');
    const ours = pngSize(await fullPageScreenshot(page));
    assert.deepEqual(ours, { width: 800, height: 2600 });
    assert.deepEqual(ours, pngSize(await page.screenshot({ fullPage: true })));
    assert.deepEqual(page.viewportSize(), { width: 800, height: 600 }, 'the page is left at its own viewport');
  });

  it('draws what is below the fold: the same pixels as Playwright', async () => {
    const page = await context.newPage();
    await page.setContent('<body style="margin:0"><div style="height:1500px;background:#fff"></div><div style="height:100px;background:#f00"></div></body>');
    const shot = await fullPageScreenshot(page);
    // Rendered back in the browser: the pixel in the red band below the fold is red.
    const check = await context.newPage();
    const colour = await check.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const drawing = canvas.getContext('2d') as CanvasRenderingContext2D;
      drawing.drawImage(image, 0, 0);
      return Array.from(drawing.getImageData(400, 1550, 1, 1).data);
    }, shot.toString('base64'));
    assert.deepEqual(colour, [255, 0, 0, 255]);
  });
});
