import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EMPTY_MESSAGE,
  PORTAL_ERROR_HEADING,
  invalidCprMessage,
  renderLoginPage,
  renderPortalErrorPage,
  renderResultsPage,
} from '../../stubs/sundhedsjournal/render';
import { EINER_CPR, portalResult, typicalResults } from '../support/portal-results';

/** The HTML of each result row, keyed by analysis code. */
function rows(page: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of page.matchAll(/<tr data-testid="resultat" data-analysis-code="([^"]*)"[\s\S]*?<\/tr>/g)) {
    found.set(match[1] ?? '', match[0]);
  }
  return found;
}

/** The text of a cell without tags (supplements included). */
function cell(row: string, field: string): string {
  const match = new RegExp(`data-felt="${field}">([\\s\\S]*?)</t[dh]>`).exec(row);
  assert.ok(match, `no ${field} cell in ${row}`);
  return (match[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

describe('results page', () => {
  const page = renderResultsPage(EINER_CPR, typicalResults());

  it('is a Danish HTML document naming the logged-in person, with a log-out link', () => {
    assert.match(page, /^<!doctype html>\n<html lang="da">/);
    assert.match(page, /Logget ind som <strong data-testid="logget-ind-cpr">020160-9995<\/strong>/);
    assert.match(page, /<a href="\/log-ud" data-testid="log-ud">Log ud<\/a>/);
  });

  it('makes one table per requisition, newest first, each row in its requisition', () => {
    const tables = [...page.matchAll(/<table data-testid="rekvisition" data-rekvisition="([^"]+)">([\s\S]*?)<\/table>/g)];
    assert.deepEqual(
      tables.map((table) => [table[1], [...(table[2] ?? '').matchAll(/data-analysis-code="([^"]+)"/g)].map((m) => m[1])]),
      [
        ['R-2002', ['NPU27300']],
        ['R-1001', ['NPU19748', 'NPU01685']],
      ],
    );
    assert.match(page, /3 svar fra 2 rekvisitioner/);
  });

  it('shows every field of a result', () => {
    const crp = rows(page).get('NPU19748') ?? '';
    assert.equal(cell(crp, 'analyse'), 'CRP NPU19748');
    assert.equal(cell(crp, 'vaerdi'), '12 For høj');
    assert.equal(cell(crp, 'enhed'), 'mg/L');
    assert.equal(cell(crp, 'referenceinterval'), '&lt; 10');
    assert.equal(cell(crp, 'status'), 'Endeligt');
    assert.equal(cell(crp, 'producent'), 'Lægehuset Testby LTB');
    assert.equal(cell(crp, 'tidspunkt'), 'Prøve 14.03.2025 kl. 09:40 Svar 14.03.2025 kl. 09:52');
    assert.match(crp, /<time data-tid="proeve" datetime="2025-03-14T09:40">/);
  });

  it('shows a therapeutic interval as "lower - upper" with a note, and no unit as an empty cell', () => {
    const inr = rows(page).get('NPU01685') ?? '';
    assert.equal(cell(inr, 'referenceinterval'), '2,0 - 3,0 behandlingsmål');
    assert.equal(cell(inr, 'enhed'), '');
  });

  it('marks a corrected result as "Rettet", on the row and in the status cell, with its comment', () => {
    const hba1c = rows(page).get('NPU27300') ?? '';
    assert.match(hba1c, /^<tr [^>]*data-status="rettet"[^>]* class="rettet">/);
    assert.equal(cell(hba1c, 'status'), 'Rettet');
    assert.match(cell(hba1c, 'analyse'), /Rettet: forkert værdi indtastet/);
  });

  it('shows an operator as a sign before the value', () => {
    const shown = renderResultsPage(EINER_CPR, [portalResult({ value: '5', operator: 'mindre_end', validation: undefined })]);
    assert.equal(cell(rows(shown).get('NPU19748') ?? '', 'vaerdi'), '&lt; 5');
  });

  it('escapes every value from the portal, in text and in attributes', () => {
    const hostile = renderResultsPage(EINER_CPR, [
      portalResult({
        analysisName: '<img src=x onerror=alert(1)>',
        analysisCode: 'X"><script>alert(2)</script>',
        producer: { name: "O'Brien & <b>Co</b>", code: 'P' },
        comments: ['</li><script>alert(3)</script>'],
      }),
    ]);
    assert.doesNotMatch(hostile, /<img|<script|<b>/);
    assert.match(hostile, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(hostile, /data-analysis-code="X&quot;&gt;&lt;script&gt;alert\(2\)&lt;\/script&gt;"/);
    assert.match(hostile, /O&#39;Brien &amp; &lt;b&gt;Co&lt;\/b&gt;/);
  });

  it('says in Danish that there is nothing to show, with no table', () => {
    const empty = renderResultsPage(EINER_CPR, []);
    assert.match(empty, new RegExp(`<p class="tom" data-testid="ingen-resultater">${EMPTY_MESSAGE}</p>`));
    assert.equal(EMPTY_MESSAGE, 'Der er ingen laboratoriesvar at vise.');
    assert.doesNotMatch(empty, /<table/);
  });
});

describe('portal error page', () => {
  it('says in Danish that results cannot be fetched, and why', () => {
    const page = renderPortalErrorPage(EINER_CPR, 'Laboratoriesvarportalen svarede HTTP 503');
    assert.match(page, /<div class="fejlboks" role="alert" data-testid="fejl">/);
    assert.match(page, new RegExp(PORTAL_ERROR_HEADING));
    assert.match(page, /Teknisk årsag: Laboratoriesvarportalen svarede HTTP 503\./);
    assert.match(page, /data-testid="log-ud"/);
  });
});

describe('login page', () => {
  it('has a labelled CPR field and a submit button, without an error at first', () => {
    const page = renderLoginPage();
    assert.match(page, /<html lang="da">/);
    assert.match(page, /<label for="cpr">CPR-nummer<\/label>/);
    assert.match(page, /<form class="kort log-ind" method="post" action="\/log-ind"/);
    assert.doesNotMatch(page, /role="alert"|aria-invalid|data-testid="log-ud"/);
  });

  it('shows the error and what was typed, escaped, and marks the field invalid', () => {
    const typed = '"><script>alert(1)</script>';
    const page = renderLoginPage({ cpr: typed, error: invalidCprMessage(typed) });
    assert.doesNotMatch(page, /<script/);
    assert.match(page, /value="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
    assert.match(page, /aria-invalid="true"/);
    assert.match(page, /er ikke et CPR-nummer\. Skriv 10 cifre, fx 0201609995\./);
  });

  it('asks for a CPR number when the field was empty', () => {
    assert.equal(invalidCprMessage('  '), 'Skriv et CPR-nummer på 10 cifre, fx 0201609995.');
  });
});
