/** Every page of the stand-in as an HTML string; the routes decide which one and with which status. */
import { TEST_CPR_SERIALS } from '../../medcom/test-cpr';
import { formatCpr } from './cpr';
import { groupByRequisition } from './format';
import { html } from './html';
import { renderPage } from './layout';
import type { PortalResult } from './portal-result';
import { renderRequisition } from './results-table';

export const EMPTY_MESSAGE = 'Der er ingen laboratoriesvar at vise.';
export const PORTAL_ERROR_HEADING = 'Laboratoriesvar kan ikke hentes lige nu';

export interface LoginForm {
  /** What the person typed, shown again after an error. */
  cpr?: string;
  /** Danish, shown above the field. */
  error?: string;
}

export function renderLoginPage(form: LoginForm = {}): string {
  const invalid = form.error !== undefined;
  return renderPage({
    title: 'Log ind',
    body: html`<h1>Log ind</h1>
<p class="ingress">Log ind for at se din sundhedsjournal. I testmiljøet træder et CPR-nummer på en testperson i stedet for MitID.</p>
<form class="kort log-ind" method="post" action="/log-ind" novalidate>
${invalid && html`<div class="fejlboks" role="alert" data-testid="log-ind-fejl" id="cpr-fejl"><h2>Der er en fejl</h2><p>${form.error}</p></div>`}
<label for="cpr">CPR-nummer</label>
<p class="hjaelp" id="cpr-hjaelp">10 cifre, fx 0201609995 (Einer Test Lauridsen)</p>
<input type="text" id="cpr" name="cpr" inputmode="numeric" autocomplete="off" spellcheck="false" data-testid="cpr" value="${form.cpr ?? ''}" aria-describedby="${invalid ? 'cpr-fejl cpr-hjaelp' : 'cpr-hjaelp'}"${invalid && html` aria-invalid="true" autofocus`}>
<button type="submit" data-testid="log-ind">Log ind</button>
</form>`,
  });
}

/** The Danish error for a CPR field that is not 10 digits. */
export function invalidCprMessage(typed: string): string {
  return typed.trim() === ''
    ? 'Skriv et CPR-nummer på 10 cifre, fx 0201609995.'
    : `"${typed.trim()}" er ikke et CPR-nummer. Skriv 10 cifre, fx 0201609995.`;
}

export function notTestPersonMessage(cpr: string): string {
  return `${formatCpr(cpr)} er ikke en af MedComs testpersoner. Her kan kun testpersoner logge ind (CPR-nummer, der ender på ${TEST_CPR_SERIALS.join(', ')}), fx 0201609995.`;
}

export function renderResultsPage(cpr: string, results: readonly PortalResult[]): string {
  const groups = groupByRequisition(results);
  const body =
    groups.length === 0
      ? html`<div class="kort"><p class="tom" data-testid="ingen-resultater">${EMPTY_MESSAGE}</p></div>`
      : html`<p class="opsummering" data-testid="opsummering">${countText(results.length, groups.length)}</p>
${groups.map(renderRequisition)}`;
  return renderPage({
    title: 'Laboratoriesvar',
    cpr,
    body: html`<h1>Laboratoriesvar</h1>
<p class="ingress">Svar på prøver taget hos din læge og andre steder, samlet pr. rekvisition (den bestilling, prøven hører til).</p>
${body}`,
  });
}

/** Shown with HTTP 502 when Laboratoriesvarportalen fails; `reason` is Danish and technical. */
export function renderPortalErrorPage(cpr: string, reason: string): string {
  return renderPage({
    title: 'Laboratoriesvar',
    cpr,
    body: html`<h1>Laboratoriesvar</h1>
<div class="fejlboks" role="alert" data-testid="fejl">
<h2>${PORTAL_ERROR_HEADING}</h2>
<p>Vi kan ikke hente dine svar fra Laboratoriesvarportalen. Prøv igen om lidt ved at genindlæse siden.</p>
<p class="teknisk">Teknisk årsag: ${reason}.</p>
</div>`,
  });
}

export function renderNotFoundPage(path: string): string {
  return renderPage({
    title: 'Siden findes ikke',
    body: html`<h1>Siden findes ikke</h1>
<p class="ingress">Der er ingen side på adressen <code>${path}</code>. Gå til <a href="/laboratoriesvar">dine laboratoriesvar</a> eller <a href="/log-ind">log ind</a>.</p>`,
  });
}

function countText(results: number, requisitions: number): string {
  return `${results} svar fra ${requisitions} ${requisitions === 1 ? 'rekvisition' : 'rekvisitioner'}`;
}
