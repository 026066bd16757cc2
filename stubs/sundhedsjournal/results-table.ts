/**
 * One requisition's results as a table. Stable hooks for tests: each row `data-testid="resultat"` with
 * `data-analysis-code`, each cell `data-felt`; extra notes inside a cell carry `data-supplement`, so a
 * cell's own text (name, value, interval ...) is its text without them.
 */
import {
  databankLabel,
  formatDateTime,
  intervalTypeNote,
  machineDateTime,
  referenceIntervalText,
  statusLabel,
  validationLabel,
  valueText,
  type RequisitionGroup,
} from './format';
import { html, type SafeHtml } from './html';
import type { PortalResult } from './portal-result';

export function renderRequisition(group: RequisitionGroup, index: number): SafeHtml {
  const headingId = `rekvisition-${index + 1}`;
  return html`<section class="kort rekvisition" aria-labelledby="${headingId}">
<header>
<h2 id="${headingId}">Rekvisition <span data-testid="rekvisitionsnummer">${group.requisitionId}</span></h2>
<p>${group.databanks.map(databankLabel).join(', ')} · Prøve taget ${formatDateTime(group.samplingTime)}</p>
</header>
<div class="tabel-rulle" role="region" aria-labelledby="${headingId}" tabindex="0">
<table data-testid="rekvisition" data-rekvisition="${group.requisitionId}">
<caption class="sr-only">Analyser på rekvisition ${group.requisitionId}</caption>
<thead><tr>
<th scope="col">Analyse</th><th scope="col">Værdi</th><th scope="col">Enhed</th><th scope="col">Referenceinterval</th>
<th scope="col">Status</th><th scope="col">Producent</th><th scope="col">Prøve- og svartidspunkt</th>
</tr></thead>
<tbody>
${group.results.map(renderRow)}
</tbody>
</table>
</div>
</section>`;
}

function renderRow(result: PortalResult): SafeHtml {
  const assessment = validationLabel(result);
  const typeNote = intervalTypeNote(result.referenceInterval);
  return html`<tr data-testid="resultat" data-analysis-code="${result.analysisCode}" data-rekvisition="${result.requisitionId}" data-status="${result.status}" data-databank="${result.databank}"${rowClass(result.status)}>
<th scope="row" data-felt="analyse">${result.analysisName}<span class="kode" data-supplement="kode">${result.analysisCode}</span>${comments(result.comments)}</th>
<td data-felt="vaerdi">${valueText(result)}${assessment !== undefined && html` <span class="vurdering" data-supplement="vurdering">${assessment}</span>`}</td>
<td data-felt="enhed">${result.unit ?? ''}</td>
<td data-felt="referenceinterval">${referenceIntervalText(result.referenceInterval)}${typeNote !== undefined && html`<span class="note" data-supplement="intervaltype">${typeNote}</span>`}</td>
<td data-felt="status"><span class="status status-${result.status}">${statusLabel(result.status)}</span></td>
<td data-felt="producent">${result.producer.name}<span class="kode" data-supplement="producentkode">${result.producer.code}</span></td>
<td data-felt="tidspunkt">${time('Prøve', 'proeve', result.samplingTime)} ${time('Svar', 'svar', result.resultTime)}</td>
</tr>`;
}

/** Corrected rows are highlighted, cancelled ones struck through. */
function rowClass(status: string): SafeHtml | undefined {
  return status === 'rettet' || status === 'annulleret' ? html` class="${status}"` : undefined;
}

function comments(list: readonly string[] | undefined): SafeHtml | undefined {
  if (!list || list.length === 0) return undefined;
  return html`<ul class="bemaerkninger" data-supplement="bemaerkninger" aria-label="Bemærkninger">${list.map((comment) => html`<li>${comment}</li>`)}</ul>`;
}

function time(label: string, kind: string, value: string): SafeHtml {
  const machine = machineDateTime(value);
  return html`<span class="tid"><span class="tid-navn">${label}</span> <time data-tid="${kind}"${machine !== undefined && html` datetime="${machine}"`}>${formatDateTime(value)}</time></span>`;
}
