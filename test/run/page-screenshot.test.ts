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

/** One pixel of a PNG (RGBA), read by rendering it back in the browser. */
async function pixel(context: BrowserContext, png: Buffer, x: number, y: number): Promise<number[]> {
  const check = await context.newPage();
  try {
    return await check.evaluate(
      async ({ base64, x, y }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const drawing = canvas.getContext('2d') as CanvasRenderingContext2D;
        drawing.drawImage(image, 0, 0);
        return Array.from(drawing.getImageData(x, y, 1, 1).data);
      },
      { base64: png.toString('base64'), x, y },
    );
  } finally {
    await check.close();
  }
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

  it('takes a page that fits its viewport as it is, at the viewport\'s size, bottom included', async () => {
    const page = await context.newPage();
    await page.setContent('<body style="margin:0"><div style="height:550px;background:#fff"></div><div style="height:50px;background:#00f"></div></body>');
    const shot = await fullPageScreenshot(page);
    assert.deepEqual(pngSize(shot), { width: 800, height: 600 });
    assert.deepEqual(pngSize(shot), pngSize(await page.screenshot({ fullPage: true })));
    assert.deepEqual(await pixel(context, shot, 400, 580), [0, 0, 255, 255]);
  });

  it('takes a page shorter than its viewport at the page\'s own height, its last line included, margins too', async () => {
    const page = await context.newPage();
    await page.setContent('<!doctype html><body style="margin:8px;background:#eee"><div style="height:300px;background:#fff"></div><p style="margin:20px 0 0;height:40px;background:#0f0">slut</p></body>');
    const shot = await fullPageScreenshot(page);
    assert.deepEqual(pngSize(shot), { width: 800, height: 8 + 300 + 20 + 40 + 8 });
    assert.deepEqual(await pixel(context, shot, 400, 8 + 300 + 20 + 39), [0, 255, 0, 255], 'the last line is in the picture');
    assert.deepEqual(await pixel(context, shot, 400, 8 + 300 + 20 + 40 + 4), [238, 238, 238, 255], 'the bottom margin too, in the page\'s colour');
  });

  it('takes a page taller than its viewport whole, also when its root element is only as tall as the viewport', async () => {
    const page = await context.newPage();
    await page.setContent('<!doctype html><html style="height:100%"><body style="margin:0;height:100%"><div style="height:1500px;background:#fff"></div><div style="height:100px;background:#f00"></div></body></html>');
    const shot = await fullPageScreenshot(page);
    assert.deepEqual(pngSize(shot), { width: 800, height: 1600 });
    assert.deepEqual(await pixel(context, shot, 400, 1550), [255, 0, 0, 255], 'what overflows the root element is in the picture');
  });

  it('draws what is below the fold: the same pixels as Playwright', async () => {
    const page = await context.newPage();
    await page.setContent('<body style="margin:0"><div style="height:1500px;background:#fff"></div><div style="height:100px;background:#f00"></div></body>');
    const shot = await fullPageScreenshot(page);
    const colour = await pixel(context, shot, 400, 1550);
    assert.deepEqual(colour, [255, 0, 0, 255]);
  });
});
