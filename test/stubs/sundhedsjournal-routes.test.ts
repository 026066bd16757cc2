import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildSundhedsjournalApp } from '../../stubs/sundhedsjournal/app';
import { readSundhedsjournalConfig } from '../../stubs/sundhedsjournal/config';
import { startFakePortal, unreachableUrl, type FakePortal } from '../support/fake-portal';
import { EINER_CPR, NANCY_CPR, portalResult, typicalResults } from '../support/portal-results';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function logIn(app: FastifyInstance, cpr: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/log-ind', headers: FORM, payload: `cpr=${encodeURIComponent(cpr)}` });
  assert.equal(response.statusCode, 303, response.body);
  const cookie = String(response.headers['set-cookie']).split(';')[0] ?? '';
  assert.match(cookie, /^sj_session=[\w-]{20,}$/);
  return cookie;
}

describe('Sundhedsjournal stand-in routes', () => {
  let portal: FakePortal;
  let app: FastifyInstance;

  before(async () => {
    portal = await startFakePortal();
    app = await buildSundhedsjournalApp(readSundhedsjournalConfig({ SUNDHEDSJOURNAL_LABPORTAL_URL: `${portal.url}/` }));
  });
  after(async () => {
    await app.close();
    await portal.close();
  });
  beforeEach(() => {
    portal.results.clear();
    portal.requests.length = 0;
    portal.failWith = undefined;
  });

  it('answers the health check', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok', system: 'sundhedsjournal' });
  });

  it('shows the login form at / and /log-ind', async () => {
    for (const url of ['/', '/log-ind']) {
      const response = await app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
      assert.match(response.body, /<input type="text" id="cpr" name="cpr"/);
    }
  });

  it('sends a visitor without a session from the results to the login page', async () => {
    for (const cookie of [undefined, 'sj_session=made-up-token']) {
      const response = await app.inject({ method: 'GET', url: '/laboratoriesvar', headers: cookie ? { cookie } : {} });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/log-ind');
    }
    assert.deepEqual(portal.requests, []);
  });

  it('logs in with a CPR, then shows that person’s results from the portal', async () => {
    portal.results.set(EINER_CPR, typicalResults());
    const response = await app.inject({ method: 'POST', url: '/log-ind', headers: FORM, payload: `cpr=${EINER_CPR}` });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/laboratoriesvar');
    assert.match(String(response.headers['set-cookie']), /^sj_session=[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/);

    const cookie = String(response.headers['set-cookie']).split(';')[0] ?? '';
    const page = await app.inject({ method: 'GET', url: '/laboratoriesvar', headers: { cookie: `other=1; ${cookie}` } });
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.match(String(page.headers['content-security-policy']), /default-src 'none'/);
    assert.deepEqual(
      [...page.body.matchAll(/data-testid="resultat" data-analysis-code="([^"]+)"/g)].map((match) => match[1]),
      ['NPU27300', 'NPU19748', 'NPU01685'],
    );
    assert.deepEqual(portal.requests, [EINER_CPR]);
  });

  it('accepts a CPR written with a dash, and each session sees only its own person', async () => {
    portal.results.set(EINER_CPR, [portalResult({ analysisCode: 'NPU19748' })]);
    portal.results.set(NANCY_CPR, [portalResult({ analysisCode: 'NPU02319', analysisName: 'Hæmoglobin' })]);
    const einer = await logIn(app, '020160-9995');
    const nancy = await logIn(app, NANCY_CPR);
    const einerPage = await app.inject({ method: 'GET', url: '/laboratoriesvar', headers: { cookie: einer } });
    const nancyPage = await app.inject({ method: 'GET', url: '/laboratoriesvar', headers: { cookie: nancy } });
    assert.match(einerPage.body, /data-analysis-code="NPU19748"/);
    assert.doesNotMatch(einerPage.body, /NPU02319/);
    assert.match(nancyPage.body, /data-analysis-code="NPU02319"/);
    assert.deepEqual(portal.requests, [EINER_CPR, NANCY_CPR]);
  });

  it('gives the form again with a Danish error for a CPR that is not 10 digits', async () => {
    for (const payload of ['cpr=12345', 'cpr=02016099951', 'cpr=abcdefghij', 'cpr=', '']) {
      const response = await app.inject({ method: 'POST', url: '/log-ind', headers: FORM, payload });
      assert.equal(response.statusCode, 400, payload);
      assert.equal(response.headers['set-cookie'], undefined);
      assert.match(response.body, /<div class="fejlboks" role="alert" data-testid="log-ind-fejl"/);
      assert.match(response.body, /CPR-nummer/);
    }
  });

  it('stands in for MitID: refuses anyone but MedCom\'s test persons, and asks the portal nothing', async () => {
    for (const cpr of ['0101011234', '010101-1234', '2512484321']) {
      const response = await app.inject({ method: 'POST', url: '/log-ind', headers: FORM, payload: `cpr=${encodeURIComponent(cpr)}` });
      assert.equal(response.statusCode, 403, cpr);
      assert.equal(response.headers['set-cookie'], undefined, cpr);
      assert.match(response.body, /er ikke en af MedComs testpersoner/);
    }
    assert.deepEqual(portal.requests, []);
  });

  it('shows the Danish empty state when the portal has nothing', async () => {
    const cookie = await logIn(app, EINER_CPR);
    const page = await app.inject({ method: 'GET', url: '/laboratoriesvar', headers: { cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Der er ingen laboratoriesvar at vise\./);
  });

  for (const status of [404, 500, 503]) {
    it(`answers 502 with a Danish message when the portal answers ${status}`, async () => {
      portal.failWith = status;
      const cookie = await logIn(app, EINER_CPR);
      const page = await app.inject({ method: 'GET', url: '/laboratoriesvar', headers: { cookie } });
      assert.equal(page.statusCode, 502);
      assert.match(page.body, /<html lang="da">/);
      assert.match(page.body, /Laboratoriesvar kan ikke hentes lige nu/);
      assert.match(page.body, new RegExp(`Laboratoriesvarportalen svarede HTTP ${status}`));
    });
  }

  it('answers 502 naming the field when the portal breaks the contract', async () => {
    portal.results.set(EINER_CPR, [{ ...portalResult(), analysisCode: 42 } as never]);
    const cookie = await logIn(app, EINER_CPR);
    const page = await app.inject({ method: 'GET', url: '/laboratoriesvar', headers: { cookie } });
    assert.equal(page.statusCode, 502);
    assert.match(page.body, /Ugyldigt svar fra laboratoriesvarportalen: results\[0\]\.analysisCode mangler eller er ikke en tekst/);
  });

  it('logs out: the session no longer opens the results', async () => {
    const cookie = await logIn(app, EINER_CPR);
    const out = await app.inject({ method: 'GET', url: '/log-ud', headers: { cookie } });
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/log-ind');
    assert.match(String(out.headers['set-cookie']), /^sj_session=; .*Max-Age=0/);
    const after = await app.inject({ method: 'GET', url: '/laboratoriesvar', headers: { cookie } });
    assert.equal(after.statusCode, 303);
  });

  it('sends a logged-in visitor from / to the results', async () => {
    const cookie = await logIn(app, EINER_CPR);
    const response = await app.inject({ method: 'GET', url: '/', headers: { cookie } });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/laboratoriesvar');
  });

  it('answers an unknown page with a Danish 404 page and serves its stylesheet', async () => {
    const missing = await app.inject({ method: 'GET', url: '/findes/ikke' });
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /<h1>Siden findes ikke<\/h1>/);
    assert.match(missing.body, /<code>\/findes\/ikke<\/code>/);
    const css = await app.inject({ method: 'GET', url: '/static/sundhedsjournal.css' });
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['content-type']), /^text\/css/);
  });
});

describe('Sundhedsjournal stand-in with the portal unreachable', () => {
  it('answers 502 with a Danish message, not a blank page', async () => {
    const url = await unreachableUrl();
    const app = await buildSundhedsjournalApp(readSundhedsjournalConfig({ SUNDHEDSJOURNAL_LABPORTAL_URL: url }));
    try {
      const cookie = await logIn(app, EINER_CPR);
      const page = await app.inject({ method: 'GET', url: '/laboratoriesvar', headers: { cookie } });
      assert.equal(page.statusCode, 502);
      assert.match(page.body, /Laboratoriesvar kan ikke hentes lige nu/);
      assert.match(page.body, new RegExp(`Laboratoriesvarportalen \\(${url.replace(/[.]/g, '\\.')}\\) kan ikke nås`));
    } finally {
      await app.close();
    }
  });
});

describe('Sundhedsjournal stand-in configuration', () => {
  it('needs the portal URL and names the variable when it is missing or wrong', () => {
    assert.throws(() => readSundhedsjournalConfig({}), /SUNDHEDSJOURNAL_LABPORTAL_URL is not set/);
    assert.throws(() => readSundhedsjournalConfig({ SUNDHEDSJOURNAL_LABPORTAL_URL: 'portal' }), /is not a URL/);
    assert.throws(
      () => readSundhedsjournalConfig({ SUNDHEDSJOURNAL_LABPORTAL_URL: 'http://x', SUNDHEDSJOURNAL_PORTAL_TIMEOUT_MS: '0' }),
      /SUNDHEDSJOURNAL_PORTAL_TIMEOUT_MS=0 is not a positive whole number/,
    );
    assert.deepEqual(readSundhedsjournalConfig({ SUNDHEDSJOURNAL_LABPORTAL_URL: 'http://labportal:8704/' }), {
      labportalUrl: 'http://labportal:8704',
      portalTimeoutMs: 5000,
    });
  });
});
