/**
 * The browser page scenarios take turns with (run/shared-page.ts): no scenario sees the cookies or the page of the
 * one before, a failed scenario's trace is kept where asked and no other is, and a page that was closed is replaced.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright';
import { launchBrowser } from '../../run/browser';
import { SharedPage } from '../../run/shared-page';

describe('the shared browser page', () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-shared-page-'));

  before(async () => {
    server = createServer((request, response) => {
      if (request.url === '/log-ind') response.setHeader('set-cookie', 'session=einer; Path=/');
      response.setHeader('content-type', 'text/html');
      response.end(`<p id="cookie">${request.headers.cookie ?? 'ingen'}</p>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the next scenario the same page, without the cookies and the page of the one before', async () => {
    const shared = new SharedPage(browser);
    const first = await shared.forScenario();
    await first.page.goto(`${url}/log-ind`);
    await first.page.goto(`${url}/laboratoriesvar`);
    assert.equal(await first.page.locator('#cookie').textContent(), 'session=einer');
    await shared.endScenario();
    const second = await shared.forScenario();
    assert.equal(second.page, first.page, 'the page is reused');
    assert.equal(await second.page.evaluate(() => document.body?.innerHTML ?? ''), '', 'the page of the scenario before is gone');
    assert.equal(await second.page.locator('#cookie').count(), 0);
    await second.page.goto(`${url}/laboratoriesvar`);
    assert.equal(await second.page.locator('#cookie').textContent(), 'ingen');
    await shared.endScenario();
    await shared.close();
  });

  it('keeps the trace of a scenario only when asked, and each scenario’s own', async () => {
    const shared = new SharedPage(browser);
    for (const name of ['passed', 'failed', 'passed-again', 'failed-again']) {
      const { page } = await shared.forScenario();
      await page.goto(`${url}/${name}`);
      await shared.endScenario(name.startsWith('failed') ? path.join(dir, `${name}.zip`) : undefined);
    }
    assert.deepEqual(
      ['passed', 'failed', 'passed-again', 'failed-again'].map((name) => existsSync(path.join(dir, `${name}.zip`))),
      [false, true, false, true],
    );
    await shared.close();
  });

  it('replaces a page that was closed', async () => {
    const shared = new SharedPage(browser);
    const first = await shared.forScenario();
    await first.context.close();
    await assert.rejects(shared.endScenario());
    const next = await shared.forScenario();
    assert.notEqual(next.page, first.page);
    await next.page.goto(`${url}/laboratoriesvar`);
    assert.equal(await next.page.locator('#cookie').textContent(), 'ingen');
    await shared.close();
  });
});
