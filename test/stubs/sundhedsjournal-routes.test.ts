import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import { buildSundhedsjournalApp } from '../../stubs/sundhedsjournal/app';
import { readSundhedsjournalConfig } from '../../stubs/sundhedsjournal/config';
import { PortalUnavailableError, type PortalClient } from '../../stubs/sundhedsjournal/portal-client';
import { registerSundhedsjournalRoutes } from '../../stubs/sundhedsjournal/routes';
import { SessionStore } from '../../stubs/sundhedsjournal/session';
import { STYLESHEET } from '../../stubs/sundhedsjournal/styles';
import { startFakePortal, unreachableUrl, type FakePortal } from '../support/fake-portal';
import { EINER_CPR, NANCY_CPR, portalResult, typicalResults } from '../support/portal-results';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** Every page is sent with these: HTML in UTF-8, never cached, no scripts, framing or referrers. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function pageHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(PAGE_HEADERS).map((name) => [name, headers[name]]));
}

/** The Danish error shown above the login field. */
const loginError = (body: string) => /data-testid="log-ind-fejl" id="cpr-fejl"><h2>Der er en fejl<\/h2><p>([^<]*)<\/p>/.exec(body)?.[1];

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

describe('Sundhedsjournal stand-in pages and forms', () => {
  let portal: FakePortal;
  let app: FastifyInstance;

  before(async () => {
    portal = await startFakePortal();
    app = await buildSundhedsjournalApp(readSundhedsjournalConfig({ SUNDHEDSJOURNAL_LABPORTAL_URL: portal.url, LOKALSVAR_TOKEN: 'hemmelig' }));
  });
  after(async () => {
    await app.close();
    await portal.close();
  });

  it('sends every page, whatever its status, as uncached HTML that may run no script', async () => {
    const cookie = await logIn(app, EINER_CPR);
    portal.failWith = undefined;
    const answers = [
      [await app.inject({ method: 'GET', url: '/' }), 200],
      [await app.inject({ method: 'GET', url: '/log-ind' }), 200],
      [await app.inject({ method: 'GET', url: '/laboratoriesvar', headers: { cookie } }), 200],
      [await app.inject({ method: 'POST', url: '/log-ind', headers: FORM, payload: 'cpr=1' }), 400],
      [await app.inject({ method: 'POST', url: '/log-ind', headers: FORM, payload: 'cpr=0101011234' }), 403],
      [await app.inject({ method: 'GET', url: '/findes/ikke' }), 404],
    ] as const;
    portal.failWith = 500;
    const failed = await app.inject({ method: 'GET', url: '/laboratoriesvar', headers: { cookie } });
    portal.failWith = undefined;
    for (const [response, status] of [...answers, [failed, 502] as const]) {
      assert.equal(response.statusCode, status, response.body);
      assert.deepEqual(pageHeaders(response.headers), PAGE_HEADERS, `${status}`);
    }
  });

  it('says exactly what was wrong with the CPR typed, and shows it again', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/log-ind', headers: FORM, payload: 'cpr=%2012345%20' });
    assert.equal(loginError(wrong.body), '&quot;12345&quot; er ikke et CPR-nummer. Skriv 10 cifre, fx 0201609995.');
    assert.match(wrong.body, /data-testid="cpr" value=" 12345 " aria-describedby="cpr-fejl cpr-hjaelp" aria-invalid="true"/);
    const real = await app.inject({ method: 'POST', url: '/log-ind', headers: FORM, payload: 'cpr=010101-1234' });
    assert.equal(
      loginError(real.body),
      '010101-1234 er ikke en af MedComs testpersoner. Her kan kun testpersoner logge ind (CPR-nummer, der ender på 9989, 9990, 9995, 9996, 3989, 3995), fx 0201609995.',
    );
    assert.match(real.body, /data-testid="cpr" value="010101-1234"/);
  });

  it('asks for a CPR number when the form has none, or is no form', async () => {
    const asks = 'Skriv et CPR-nummer på 10 cifre, fx 0201609995.';
    const posts = [
      { headers: FORM, payload: 'navn=Einer' },
      { headers: FORM, payload: 'cpr=' },
      { headers: { 'content-type': 'application/json' }, payload: 'null' },
      { headers: { 'content-type': 'application/json' }, payload: '{"cpr": 201609995}' },
      { headers: { 'content-type': 'application/json' }, payload: '"0201609995"' },
      {},
    ];
    for (const post of posts) {
      const response = await app.inject({ method: 'POST', url: '/log-ind', ...post });
      assert.equal(response.statusCode, 400, JSON.stringify(post));
      assert.equal(loginError(response.body), asks, JSON.stringify(post));
    }
  });

  it('takes a login form up to 4 KB and refuses a larger one before reading it', async () => {
    const padding = (length: number) => `cpr=0201609995&x=${'a'.repeat(length - 'cpr=0201609995&x='.length)}`;
    const fits = await app.inject({ method: 'POST', url: '/log-ind', headers: FORM, payload: padding(4096) });
    assert.equal(fits.statusCode, 303);
    const tooLarge = await app.inject({ method: 'POST', url: '/log-ind', headers: FORM, payload: padding(4097) });
    assert.equal(tooLarge.statusCode, 413);
    assert.equal(tooLarge.headers['set-cookie'], undefined);
  });

  it('logging in again ends the session the browser had', async () => {
    const first = await logIn(app, EINER_CPR);
    const again = await app.inject({ method: 'POST', url: '/log-ind', headers: { ...FORM, cookie: first }, payload: `cpr=${NANCY_CPR}` });
    assert.equal(again.statusCode, 303);
    const second = String(again.headers['set-cookie']).split(';')[0] ?? '';
    assert.notEqual(second, first);
    assert.equal((await app.inject({ method: 'GET', url: '/laboratoriesvar', headers: { cookie: first } })).statusCode, 303);
    assert.equal((await app.inject({ method: 'GET', url: '/laboratoriesvar', headers: { cookie: second } })).statusCode, 200);
  });

  it('sends the access token to the portal', async () => {
    const seen: (string | undefined)[] = [];
    const probe = Fastify({ logger: false });
    probe.get('/api/v1/patients/:cpr/results', async (request) => {
      seen.push(request.headers.authorization);
      return { results: [] };
    });
    const url = await probe.listen({ host: '127.0.0.1', port: 0 });
    const journal = await buildSundhedsjournalApp(readSundhedsjournalConfig({ SUNDHEDSJOURNAL_LABPORTAL_URL: url, LOKALSVAR_TOKEN: 'hemmelig' }));
    try {
      const cookie = await logIn(journal, EINER_CPR);
      assert.equal((await journal.inject({ method: 'GET', url: '/laboratoriesvar', headers: { cookie } })).statusCode, 200);
      assert.deepEqual(seen, ['Bearer hemmelig']);
    } finally {
      await journal.close();
      await probe.close();
    }
  });

  it('logs out a visitor without a session all the same', async () => {
    const out = await app.inject({ method: 'GET', url: '/log-ud' });
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/log-ind');
    assert.equal(out.headers['set-cookie'], 'sj_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0');
  });

  it('serves its stylesheet, cacheable for an hour, styling every class its pages use', async () => {
    const css = await app.inject({ method: 'GET', url: '/static/sundhedsjournal.css' });
    assert.equal(css.statusCode, 200);
    assert.equal(css.headers['content-type'], 'text/css; charset=utf-8');
    assert.equal(css.headers['cache-control'], 'public, max-age=3600');
    assert.equal(css.body, STYLESHEET);
    const cookie = await logIn(app, EINER_CPR);
    portal.results.set(EINER_CPR, [
      ...typicalResults(),
      portalResult({ analysisCode: 'X1', status: 'annulleret' }),
      portalResult({ analysisCode: 'X2', status: 'foreloebigt' }),
    ]);
    const pages = [
      (await app.inject({ method: 'GET', url: '/laboratoriesvar', headers: { cookie } })).body,
      (await app.inject({ method: 'POST', url: '/log-ind', headers: FORM, payload: 'cpr=1' })).body,
      (await app.inject({ method: 'GET', url: '/x' })).body,
    ];
    portal.results.clear();
    const used = new Set(pages.flatMap((page) => [...page.matchAll(/class="([^"]+)"/g)].flatMap((match) => (match[1] ?? '').split(' '))));
    const unstyled = [...used].filter((name) => !new RegExp(`\\.${name}[\\s,.:{]`).test(STYLESHEET));
    assert.deepEqual(unstyled, []);
    assert.ok(used.size >= 25, [...used].join(' '));
  });
});

describe('Sundhedsjournal stand-in routes with a portal client that fails', () => {
  /** The routes alone, with the given client; logged in as Einer (Fastify's own JSON parser reads the login). */
  async function journalWith(portal: PortalClient): Promise<{ app: FastifyInstance; cookie: string }> {
    const app = Fastify({ logger: false });
    registerSundhedsjournalRoutes(app, { portal, sessions: new SessionStore() });
    const login = await app.inject({ method: 'POST', url: '/log-ind', payload: { cpr: EINER_CPR } });
    assert.equal(login.statusCode, 303, login.body);
    return { app, cookie: String(login.headers['set-cookie']).split(';')[0] ?? '' };
  }

  it('answers 500 for a bug, not the portal error page', async () => {
    const { app, cookie } = await journalWith({ resultsFor: async () => Promise.reject(new TypeError('a bug in the stand-in')) });
    try {
      const page = await app.inject({ method: 'GET', url: '/laboratoriesvar', headers: { cookie } });
      assert.equal(page.statusCode, 500);
      assert.doesNotMatch(page.body, /Laboratoriesvar kan ikke hentes/);
    } finally {
      await app.close();
    }
  });

  it('shows the reason of a portal failure it is told about', async () => {
    const failure = new PortalUnavailableError('portalen er lukket for vedligehold', 503);
    const { app, cookie } = await journalWith({ resultsFor: async () => Promise.reject(failure) });
    try {
      const page = await app.inject({ method: 'GET', url: '/laboratoriesvar', headers: { cookie } });
      assert.equal(page.statusCode, 502);
      assert.match(page.body, /<p class="teknisk">Teknisk årsag: portalen er lukket for vedligehold\.<\/p>/);
    } finally {
      await app.close();
    }
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

  it('takes a timeout in whole milliseconds and the access token when given', () => {
    assert.deepEqual(
      readSundhedsjournalConfig({ SUNDHEDSJOURNAL_LABPORTAL_URL: 'http://x', SUNDHEDSJOURNAL_PORTAL_TIMEOUT_MS: '1', LOKALSVAR_TOKEN: 'hemmelig' }),
      { labportalUrl: 'http://x', portalTimeoutMs: 1, accessToken: 'hemmelig' },
    );
    assert.deepEqual(readSundhedsjournalConfig({ SUNDHEDSJOURNAL_LABPORTAL_URL: 'http://x', SUNDHEDSJOURNAL_PORTAL_TIMEOUT_MS: '', LOKALSVAR_TOKEN: '' }), {
      labportalUrl: 'http://x',
      portalTimeoutMs: 5000,
    });
  });

  it('refuses a timeout that is not a positive whole number, saying what to give', () => {
    for (const wrong of ['0', '-5', '1.5', 'fem']) {
      assert.throws(
        () => readSundhedsjournalConfig({ SUNDHEDSJOURNAL_LABPORTAL_URL: 'http://x', SUNDHEDSJOURNAL_PORTAL_TIMEOUT_MS: wrong }),
        { message: `SUNDHEDSJOURNAL_PORTAL_TIMEOUT_MS=${wrong} is not a positive whole number of milliseconds: give e.g. SUNDHEDSJOURNAL_PORTAL_TIMEOUT_MS=5000` },
      );
    }
  });
});
