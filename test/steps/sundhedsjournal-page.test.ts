/** The page object against the real stand-in and a fake portal, in a real browser: what a citizen sees. */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright';
import { SundhedsjournalPage } from '../../steps/drivers/sundhedsjournal-page';
import { launchBrowser } from '../../run/browser';
import { buildSundhedsjournalApp } from '../../stubs/sundhedsjournal/app';
import { readSundhedsjournalConfig } from '../../stubs/sundhedsjournal/config';
import { startFakePortal, type FakePortal } from '../support/fake-portal';
import { EINER_CPR, NANCY_CPR, portalResult, typicalResults } from '../support/portal-results';

describe('Sundhedsjournalen in a browser', () => {
  let portal: FakePortal;
  let journalUrl: string;
  let closeJournal: () => Promise<void>;
  let browser: Browser;
  let context: BrowserContext;
  let journal: SundhedsjournalPage;
  /** Every request for a page the stand-in got (not its stylesheet), as "METHOD /path", whoever sent it (the page or its context). */
  const received: string[] = [];

  before(async () => {
    portal = await startFakePortal();
    const app = await buildSundhedsjournalApp(readSundhedsjournalConfig({ SUNDHEDSJOURNAL_LABPORTAL_URL: portal.url }));
    app.addHook('onRequest', async (request) => {
      if (!request.url.startsWith('/static/')) received.push(`${request.method} ${request.url}`);
    });
    journalUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    closeJournal = () => app.close();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await closeJournal?.();
    await portal?.close();
  });
  beforeEach(async () => {
    await context?.close();
    portal.results.clear();
    portal.requests.length = 0;
    portal.failWith = undefined;
    portal.onRequest = undefined;
    received.length = 0;
    context = await browser.newContext({ locale: 'da-DK' });
    journal = new SundhedsjournalPage(await context.newPage());
  });
  after(async () => {
    await context?.close();
  });

  it('shows each result with every field, grouped by requisition, newest first', async () => {
    portal.results.set(EINER_CPR, typicalResults());
    await journal.logIn(journalUrl, EINER_CPR);
    await journal.openLabResults();
    const shown = await journal.shownResults();
    assert.deepEqual(shown, [
      {
        requisition: 'R-2002',
        analysis: 'HbA1c',
        analysisCode: 'NPU27300',
        value: '48',
        unit: 'mmol/mol',
        referenceInterval: '20 - 42',
        intervalType: '',
        status: 'Rettet',
        producer: 'Lægehuset Testby',
        producerCode: 'LTB',
        time: 'Prøve 02.04.2025 kl. 08:15 Svar 02.04.2025 kl. 08:30',
        samplingTime: '02.04.2025 kl. 08:15',
        resultTime: '02.04.2025 kl. 08:30',
        assessment: 'Forhøjet',
        comments: ['Rettet: forkert værdi indtastet'],
      },
      {
        requisition: 'R-1001',
        analysis: 'CRP',
        analysisCode: 'NPU19748',
        value: '12',
        unit: 'mg/L',
        referenceInterval: '< 10',
        intervalType: '',
        status: 'Endeligt',
        producer: 'Lægehuset Testby',
        producerCode: 'LTB',
        time: 'Prøve 14.03.2025 kl. 09:40 Svar 14.03.2025 kl. 09:52',
        samplingTime: '14.03.2025 kl. 09:40',
        resultTime: '14.03.2025 kl. 09:52',
        assessment: 'Forhøjet',
        comments: [],
      },
      {
        requisition: 'R-1001',
        analysis: 'INR',
        analysisCode: 'NPU01685',
        value: '2,4',
        unit: '',
        referenceInterval: '2,0 - 3,0',
        intervalType: 'behandlingsmål',
        status: 'Endeligt',
        producer: 'Lægehuset Testby',
        producerCode: 'LTB',
        time: 'Prøve 14.03.2025 kl. 09:40 Svar 14.03.2025 kl. 09:52',
        samplingTime: '14.03.2025 kl. 09:40',
        resultTime: '14.03.2025 kl. 09:52',
        comments: [],
      },
    ]);
    assert.equal(await journal.page.locator('html').getAttribute('lang'), 'da');
    assert.equal(await journal.page.title(), 'Laboratoriesvar – Sundhedsjournalen');
    assert.equal(await journal.page.getByRole('heading', { level: 2, name: /Rekvisition R-1001/ }).count(), 1);
    assert.equal(await journal.page.getByRole('cell', { name: 'Rettet', exact: true }).count(), 1);
  });

  it('finds one result by analysis code, and knows what is not shown', async () => {
    portal.results.set(EINER_CPR, [portalResult({ value: '5', operator: 'mindre_end', validation: undefined })]);
    await journal.logIn(journalUrl, EINER_CPR);
    assert.equal((await journal.resultFor('NPU19748'))?.value, '< 5');
    assert.equal(await journal.isShown('NPU19748'), true);
    assert.equal(await journal.isShown('NPU27300'), false);
    assert.equal(await journal.resultFor('NPU27300'), undefined);
  });

  it('shows an analysis name with markup as text, never as markup', async () => {
    const hostile = '<img src=x onerror="document.title=\'hacked\'">';
    portal.results.set(EINER_CPR, [portalResult({ analysisName: hostile })]);
    await journal.logIn(journalUrl, EINER_CPR);
    assert.equal((await journal.resultFor('NPU19748'))?.analysis, hostile);
    assert.equal(await journal.page.locator('main img').count(), 0);
    assert.equal(await journal.page.title(), 'Laboratoriesvar – Sundhedsjournalen');
  });

  it('shows only the logged-in person’s results', async () => {
    portal.results.set(EINER_CPR, [portalResult()]);
    portal.results.set(NANCY_CPR, [portalResult({ analysisCode: 'NPU02319', analysisName: 'Hæmoglobin' })]);
    await journal.logIn(journalUrl, NANCY_CPR);
    assert.deepEqual((await journal.shownResults()).map((result) => result.analysisCode), ['NPU02319']);
    assert.equal(await journal.page.getByTestId('logget-ind-cpr').textContent(), '251248-9996');
  });

  it('waits for a result that reaches the portal later, reloading the page', async () => {
    portal.onRequest = (cpr, count) => {
      if (count === 3) portal.results.set(cpr, [portalResult({ analysisCode: 'NPU22089', analysisName: 'Glukose' })]);
    };
    await journal.logIn(journalUrl, EINER_CPR);
    assert.equal(await journal.isShown('NPU22089'), false);
    // A generous bound: the result comes with the third request however slow the machine; the test never waits it out.
    const shown = await journal.waitForResult('NPU22089', { timeoutMs: 120_000 });
    assert.equal(shown.analysis, 'Glukose');
    assert.equal(portal.requests.length, 3);
  });

  it('gives up at the timeout, saying what the page showed instead', async () => {
    portal.results.set(EINER_CPR, [portalResult()]);
    await journal.logIn(journalUrl, EINER_CPR);
    const started = Date.now();
    await assert.rejects(journal.waitForResult('NPU99999', { timeoutMs: 1_500 }), (error: Error) => {
      assert.match(error.message, /showed no result with analysis code NPU99999 within 1500 ms/);
      assert.match(error.message, /shown: NPU19748/);
      return true;
    });
    // It must not give up before its timeout; how long past it is the machine's speed, not behaviour (bench/).
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 1_500, `gave up after ${elapsed} ms`);
    assert.ok(portal.requests.length >= 3, `reloaded only ${portal.requests.length - 1} times`);
  });

  it('shows the Danish empty state', async () => {
    await journal.logIn(journalUrl, EINER_CPR);
    assert.equal(await journal.emptyMessage(), 'Der er ingen laboratoriesvar at vise.');
    assert.deepEqual(await journal.shownResults(), []);
  });

  it('shows a Danish error, not a blank page, when the portal is down', async () => {
    portal.failWith = 503;
    await journal.logIn(journalUrl, EINER_CPR);
    assert.match((await journal.errorMessage()) ?? '', /^Laboratoriesvar kan ikke hentes lige nu .*HTTP 503/);
    await assert.rejects(journal.waitForResult('NPU19748', { timeoutMs: 500 }), /the page says: "Laboratoriesvar kan ikke hentes lige nu/);
  });

  it('refuses a login with an invalid CPR, with the page’s message', async () => {
    await assert.rejects(journal.logIn(journalUrl, '12345'), /Login to Sundhedsjournalen as 12345 failed .*"12345" er ikke et CPR-nummer/);
    assert.equal(await journal.page.getByTestId('cpr').getAttribute('aria-invalid'), 'true');
  });

  it('loads the results once after a login, and anew on every later open', async () => {
    portal.results.set(EINER_CPR, [portalResult()]);
    await journal.logIn(journalUrl, EINER_CPR);
    await journal.openLabResults();
    assert.equal(portal.requests.length, 1, 'the page the login landed on is the opened results page');
    assert.equal(await journal.isShown('NPU19748'), true);
    await journal.openLabResults();
    assert.equal(portal.requests.length, 2, 'a later open reloads');
    await journal.logIn(journalUrl, EINER_CPR);
    await journal.openLabResults();
    assert.equal(portal.requests.length, 3, 'a new login lands on a freshly loaded page, which the open does not load again');
  });

  it('logs in every time it is asked, by posting the form, whichever page object asks, and as whoever it is asked', async () => {
    portal.results.set(EINER_CPR, [portalResult()]);
    portal.results.set(NANCY_CPR, [portalResult({ analysisCode: 'NPU02319', analysisName: 'Hæmoglobin' })]);
    const logins = (): string[] => received.filter((request) => request.endsWith(' /log-ind'));
    await journal.logIn(journalUrl, EINER_CPR);
    assert.deepEqual(logins(), ['POST /log-ind'], 'the form is posted by the page\'s context, not filled in');
    const again = new SundhedsjournalPage(journal.page);
    await again.logIn(journalUrl, EINER_CPR);
    await again.openLabResults();
    assert.deepEqual(logins(), ['POST /log-ind', 'POST /log-ind'], 'a page already logged in is logged in again: what it shows never depends on an earlier login');
    assert.deepEqual((await again.shownResults()).map((result) => result.analysisCode), ['NPU19748']);
    await again.logIn(journalUrl, NANCY_CPR);
    assert.deepEqual(logins(), ['POST /log-ind', 'POST /log-ind', 'POST /log-ind']);
    assert.deepEqual((await again.shownResults()).map((result) => result.analysisCode), ['NPU02319']);
  });

  it('logs in through the form as a citizen does, when asked to, and lands on the same results', async () => {
    portal.results.set(EINER_CPR, [portalResult()]);
    await journal.logIn(journalUrl, EINER_CPR, { throughForm: true });
    assert.deepEqual(received.slice(0, 3), ['GET /log-ind', 'POST /log-ind', 'GET /laboratoriesvar']);
    assert.equal(await journal.page.getByTestId('logget-ind-cpr').textContent(), '020160-9995');
    assert.deepEqual((await journal.shownResults()).map((result) => result.analysisCode), ['NPU19748']);
  });

  it('posts the form, and the browser shows the results page the stand-in sends it to, with the session it set', async () => {
    portal.results.set(EINER_CPR, [portalResult()]);
    await journal.logIn(journalUrl, EINER_CPR);
    assert.deepEqual(received, ['POST /log-ind', 'GET /laboratoriesvar']);
    assert.deepEqual((await context.cookies()).map((cookie) => cookie.httpOnly), [true], 'the session cookie is in the page\'s cookie jar');
    assert.deepEqual((await journal.shownResults()).map((result) => result.analysisCode), ['NPU19748']);
  });

  it('logs in again when the session of an earlier login has ended', async () => {
    portal.results.set(EINER_CPR, [portalResult()]);
    await journal.logIn(journalUrl, EINER_CPR);
    await context.clearCookies();
    const again = new SundhedsjournalPage(journal.page);
    await again.logIn(journalUrl, EINER_CPR);
    await again.openLabResults();
    assert.equal(await again.isShown('NPU19748'), true);
  });

  it('logs out: the results are no longer reachable', async () => {
    await journal.logIn(journalUrl, EINER_CPR);
    await journal.logOut();
    assert.equal(new URL(journal.page.url()).pathname, '/log-ind');
    await assert.rejects(journal.openLabResults(), /Not logged in/);
    await journal.page.goto(`${journalUrl}/laboratoriesvar`);
    assert.equal(new URL(journal.page.url()).pathname, '/log-ind');
  });
});
