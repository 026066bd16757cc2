/** The test leader's page: the matrix of vendors × rules, the vendor sessions, and the form for a new session. */
import { REQUIREMENTS } from '../requirements/catalogue';
import { esc, page, region, stateClass } from './html';
import type { CellState } from './matrix';
import type { VendorSession } from './store';

export interface MatrixRow {
  session: VendorSession;
  cells: Record<string, CellState>;
  /** A run of the session has ended, so it has a combined certification report. */
  reportReady?: boolean;
}

export function renderMatrix(rows: readonly MatrixRow[]): string {
  if (rows.length === 0) return '<p>Ingen leverandører endnu. Opret en session nedenfor.</p>';
  const head = REQUIREMENTS.map((rule) => `<th scope="col"><abbr title="${esc(rule.title)}">${esc(rule.id)}</abbr></th>`).join('');
  const body = rows
    .map(
      ({ session, cells }) =>
        `<tr data-system="${esc(session.system)}"><th scope="row"><a href="/s/${esc(session.id)}">${esc(session.system)}</a></th>${REQUIREMENTS.map((rule) => {
          const state = cells[rule.id] ?? 'ikke startet';
          return `<td class="${stateClass(state)}" data-regel="${esc(rule.id)}">${esc(state)}</td>`;
        }).join('')}</tr>`,
    )
    .join('');
  return `<div class="rulle"><table class="matrix"><caption>Leverandører × forretningsregler</caption><thead><tr><th scope="col">LPS-system</th>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** The sessions, each with a link to its combined certification report (HTML) once it has one. */
export function renderSessionList(rows: readonly Pick<MatrixRow, 'session' | 'reportReady'>[]): string {
  if (rows.length === 0) return '<p>Ingen sessioner.</p>';
  return `<ul class="sessioner">${rows
    .map(
      ({ session, reportReady }) =>
        `<li><a href="/s/${esc(session.id)}">${esc(session.system)}</a> · producentkode ${esc(session.producerCode)} · EAN ${esc(session.ean)} · kontakt ${esc(session.contact)}${
          reportReady ? ` · <a href="/s/${esc(session.id)}/rapport/vis/certificering.html" data-samlet-rapport="${esc(session.system)}">Samlet certificeringsrapport for ${esc(session.system)}</a>` : ''
        }
        <form method="post" action="/s/${esc(session.id)}/nyt-link" class="inline"><button type="submit">Nyt link til ${esc(session.system)}</button></form></li>`,
    )
    .join('')}</ul>`;
}

const NEW_SESSION_FORM = `<section aria-labelledby="ny-titel"><h2 id="ny-titel">Ny leverandørsession</h2>
<form method="post" action="/sessioner" class="felter">
<p><label for="system">LPS-systemets navn (som i headeren X-LPS-System)</label><input id="system" name="system" required maxlength="100" pattern="[A-Za-z0-9._ \\-]+"></p>
<p><label for="producentkode">Producentkode (højst 3 tegn)</label><input id="producentkode" name="producentkode" required maxlength="3"></p>
<p><label for="ean">Praksis' EAN-lokationsnummer</label><input id="ean" name="ean" required inputmode="numeric" pattern="[0-9]{13}"></p>
<p><label for="kontakt">Kontaktperson</label><input id="kontakt" name="kontakt" required maxlength="200"></p>
<p><button type="submit">Opret session</button></p>
</form></section>`;

export function renderLeaderPage(rows: readonly MatrixRow[], notice = ''): string {
  return page(
    'Testcamp – testleder',
    `<h1>Testcamp – testleder</h1>${notice}
${region('matrix', 'Matrix', renderMatrix(rows))}
${region('sessioner', 'Leverandørsessioner', renderSessionList(rows))}
${NEW_SESSION_FORM}`,
    '/haendelser',
  );
}

/** Shown once, after a session is made or its link renewed: the link with the vendor's own token. */
export function renderLinkNotice(session: VendorSession, link: string): string {
  return `<div class="besked" role="status"><p>Link til <strong>${esc(session.system)}</strong> (giv det kun til leverandørens tester; det vises ikke igen):</p>
<p><label for="link">Leverandørens link</label><input id="link" class="link" readonly value="${esc(link)}" data-link="${esc(session.system)}"></p></div>`;
}
