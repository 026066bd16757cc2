/**
 * The Sundhedsjournal stand-in's pages word for word (stubs/sundhedsjournal/layout.ts, render.ts): the frame every
 * page shares, the login form with and without an error, the portal error page and the not-found page, so a
 * citizen (and a tester reading a screenshot) always sees the same Danish text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { html } from '../../stubs/sundhedsjournal/html';
import { renderPage } from '../../stubs/sundhedsjournal/layout';
import {
  invalidCprMessage,
  notTestPersonMessage,
  renderLoginPage,
  renderNotFoundPage,
  renderPortalErrorPage,
  renderResultsPage,
} from '../../stubs/sundhedsjournal/render';
import { EINER_CPR, portalResult } from '../support/portal-results';

/** The page's <main> content. */
function main(page: string): string {
  const match = /<main id="indhold" class="bredde">\n([\s\S]*)\n<\/main>/.exec(page);
  assert.ok(match, `no <main> in ${page}`);
  return match[1] ?? '';
}

const titleOf = (page: string) => /<title>([^<]*)<\/title>/.exec(page)?.[1];

describe('the frame of every page', () => {
  it('is a Danish document with the page title, the stylesheet, a skip link, the test-environment notice and the footer', () => {
    assert.equal(
      renderPage({ title: 'Prøve & fejl', body: html`<p>Indhold</p>` }),
      '<!doctype html>\n<html lang="da">\n' +
        '<head>\n' +
        '<meta charset="utf-8">\n' +
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
        '<title>Prøve &amp; fejl – Sundhedsjournalen</title>\n' +
        '<link rel="stylesheet" href="/static/sundhedsjournal.css">\n' +
        '</head>\n' +
        '<body>\n' +
        '<a class="spring-over" href="#indhold">Gå til indhold</a>\n' +
        '<div class="testmiljoe" role="note">Testmiljø: en efterligning af sundhed.dk til afprøvning. Brug kun testpersoner.</div>\n' +
        '<header class="top">\n' +
        '<div class="bredde">\n' +
        '<a class="logo" href="/">Sundhedsjournalen<small>sundhed.dk – testmiljø</small></a>\n' +
        '\n' +
        '</div>\n' +
        '</header>\n' +
        '<main id="indhold" class="bredde">\n' +
        '<p>Indhold</p>\n' +
        '</main>\n' +
        '<footer><div class="bredde">Data vises, som Laboratoriesvarportalen leverer dem. Teststand-in for lokalsvar-e2e.</div></footer>\n' +
        '</body>\n' +
        '</html>\n',
    );
  });

  it('names the person logged in, with links to the results and to log out', () => {
    const page = renderPage({ title: 'T', cpr: '2512489996', body: html`` });
    assert.match(
      page,
      /<div class="bredde">\n<a class="logo" href="\/">Sundhedsjournalen<small>sundhed\.dk – testmiljø<\/small><\/a>\n<nav class="bruger" aria-label="Bruger">\n<a href="\/laboratoriesvar">Laboratoriesvar<\/a>\n<span>Logget ind som <strong data-testid="logget-ind-cpr">251248-9996<\/strong><\/span>\n<a href="\/log-ud" data-testid="log-ud">Log ud<\/a>\n<\/nav>\n<\/div>/,
    );
  });
});

describe('the login page', () => {
  it('asks for a test person’s CPR number in place of MitID', () => {
    const page = renderLoginPage();
    assert.equal(titleOf(page), 'Log ind – Sundhedsjournalen');
    assert.doesNotMatch(page, /data-testid="log-ud"/);
    assert.equal(
      main(page),
      '<h1>Log ind</h1>\n' +
        '<p class="ingress">Log ind for at se din sundhedsjournal. I testmiljøet træder et CPR-nummer på en testperson i stedet for MitID.</p>\n' +
        '<form class="kort log-ind" method="post" action="/log-ind" novalidate>\n' +
        '\n' +
        '<label for="cpr">CPR-nummer</label>\n' +
        '<p class="hjaelp" id="cpr-hjaelp">10 cifre, fx 0201609995 (Einer Test Lauridsen)</p>\n' +
        '<input type="text" id="cpr" name="cpr" inputmode="numeric" autocomplete="off" spellcheck="false" data-testid="cpr" value="" aria-describedby="cpr-hjaelp">\n' +
        '<button type="submit" data-testid="log-ind">Log ind</button>\n' +
        '</form>',
    );
  });

  it('shows the error above the field, keeps what was typed, and marks the field invalid and focused', () => {
    const page = renderLoginPage({ cpr: '12 & 3', error: invalidCprMessage('12 & 3') });
    assert.match(
      main(page),
      /<form class="kort log-ind" method="post" action="\/log-ind" novalidate>\n<div class="fejlboks" role="alert" data-testid="log-ind-fejl" id="cpr-fejl"><h2>Der er en fejl<\/h2><p>&quot;12 &amp; 3&quot; er ikke et CPR-nummer\. Skriv 10 cifre, fx 0201609995\.<\/p><\/div>\n<label for="cpr">/,
    );
    assert.match(
      main(page),
      /<input type="text" id="cpr" name="cpr" inputmode="numeric" autocomplete="off" spellcheck="false" data-testid="cpr" value="12 &amp; 3" aria-describedby="cpr-fejl cpr-hjaelp" aria-invalid="true" autofocus>\n/,
    );
  });

  it('words the refusals in Danish, naming what was typed', () => {
    assert.equal(invalidCprMessage(''), 'Skriv et CPR-nummer på 10 cifre, fx 0201609995.');
    assert.equal(invalidCprMessage(' 12345 '), '"12345" er ikke et CPR-nummer. Skriv 10 cifre, fx 0201609995.');
    assert.equal(
      notTestPersonMessage('0101011234'),
      '010101-1234 er ikke en af MedComs testpersoner. Her kan kun testpersoner logge ind (CPR-nummer, der ender på 9989, 9990, 9995, 9996, 3989, 3995), fx 0201609995.',
    );
  });
});

describe('the results page', () => {
  it('explains what the citizen sees above the results, or says there are none', () => {
    const intro =
      '<h1>Laboratoriesvar</h1>\n' +
      '<p class="ingress">Svar på prøver taget hos din læge og andre steder, samlet pr. rekvisition (den bestilling, prøven hører til).</p>\n';
    const empty = renderResultsPage(EINER_CPR, []);
    assert.equal(titleOf(empty), 'Laboratoriesvar – Sundhedsjournalen');
    assert.equal(main(empty), `${intro}<div class="kort"><p class="tom" data-testid="ingen-resultater">Der er ingen laboratoriesvar at vise.</p></div>`);
    const full = renderResultsPage(EINER_CPR, [portalResult()]);
    assert.ok(main(full).startsWith(`${intro}<p class="opsummering" data-testid="opsummering">1 svar fra 1 rekvisition</p>\n<section `), main(full));
    assert.match(full, /<strong data-testid="logget-ind-cpr">020160-9995<\/strong>/);
  });
});

describe('the portal error page', () => {
  it('says the results cannot be fetched now, what to do, and the technical reason', () => {
    const page = renderPortalErrorPage(EINER_CPR, 'Laboratoriesvarportalen svarede HTTP 503 <&>');
    assert.equal(titleOf(page), 'Laboratoriesvar – Sundhedsjournalen');
    assert.match(page, /<strong data-testid="logget-ind-cpr">020160-9995<\/strong>/);
    assert.equal(
      main(page),
      '<h1>Laboratoriesvar</h1>\n' +
        '<div class="fejlboks" role="alert" data-testid="fejl">\n' +
        '<h2>Laboratoriesvar kan ikke hentes lige nu</h2>\n' +
        '<p>Vi kan ikke hente dine svar fra Laboratoriesvarportalen. Prøv igen om lidt ved at genindlæse siden.</p>\n' +
        '<p class="teknisk">Teknisk årsag: Laboratoriesvarportalen svarede HTTP 503 &lt;&amp;&gt;.</p>\n' +
        '</div>',
    );
  });
});

describe('the not-found page', () => {
  it('names the address and links to the results and the login', () => {
    const page = renderNotFoundPage('/findes?ikke=<b>');
    assert.equal(titleOf(page), 'Siden findes ikke – Sundhedsjournalen');
    assert.doesNotMatch(page, /data-testid="log-ud"/);
    assert.equal(
      main(page),
      '<h1>Siden findes ikke</h1>\n' +
        '<p class="ingress">Der er ingen side på adressen <code>/findes?ikke=&lt;b&gt;</code>. Gå til <a href="/laboratoriesvar">dine laboratoriesvar</a> eller <a href="/log-ind">log ind</a>.</p>',
    );
  });
});
