/**
 * What a citizen sees on the Sundhedsjournal stand-in's results page (issue 8, display fidelity): the whole row of
 * every result (analysis, value with its marking, unit, interval with its type, status, producer name and code,
 * sampling and result time, comments), read the way the page object reads it, and the requisition around it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderResultsPage } from '../../stubs/sundhedsjournal/render';
import type { PortalResult } from '../../stubs/sundhedsjournal/portal-result';
import { EINER_CPR, portalResult } from '../support/portal-results';

interface ShownRow {
  requisition: string;
  databank: string;
  analysis: string;
  analysisCode: string;
  value: string;
  assessment: string;
  unit: string;
  referenceInterval: string;
  intervalType: string;
  status: string;
  producer: string;
  producerCode: string;
  samplingTime: string;
  resultTime: string;
  comments: string[];
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };
const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/&[#\w]+;/g, (entity) => ENTITIES[entity] ?? entity).replace(/\s+/g, ' ').trim();

/** Each result row's HTML, in page order. */
function rowsOf(page: string): string[] {
  return [...page.matchAll(/<tr data-testid="resultat"[\s\S]*?<\/tr>/g)].map((match) => match[0]);
}

function cellOf(row: string, field: string): string {
  const match = new RegExp(`<t[dh][^>]* data-felt="${field}">([\\s\\S]*?)</t[dh]>`).exec(row);
  assert.ok(match, `no ${field} cell in ${row}`);
  return match[1] ?? '';
}

const withoutSupplements = (cell: string) => cell.replace(/<(span|ul) [^>]*data-supplement="[^"]*"[^>]*>[\s\S]*?<\/\1>/g, '');
const supplement = (cell: string, name: string) => text(new RegExp(`<(span|ul) [^>]*data-supplement="${name}"[^>]*>([\\s\\S]*?)</\\1>`).exec(cell)?.[2] ?? '');
const attribute = (row: string, name: string) => new RegExp(`^<tr [^>]*${name}="([^"]*)"`).exec(row)?.[1] ?? '';

/** A row as the page object (steps/drivers/sundhedsjournal-page.ts) reads it: cell texts without their notes, notes apart. */
function shown(row: string): ShownRow {
  const cell = (field: string) => text(withoutSupplements(cellOf(row, field)));
  const timeOf = (kind: string) => text(new RegExp(`<time data-tid="${kind}"[^>]*>([^<]*)</time>`).exec(row)?.[1] ?? '');
  return {
    requisition: attribute(row, 'data-rekvisition'),
    databank: attribute(row, 'data-databank'),
    analysis: cell('analyse'),
    analysisCode: supplement(cellOf(row, 'analyse'), 'kode'),
    value: cell('vaerdi'),
    assessment: supplement(cellOf(row, 'vaerdi'), 'vurdering'),
    unit: cell('enhed'),
    referenceInterval: cell('referenceinterval'),
    intervalType: supplement(cellOf(row, 'referenceinterval'), 'intervaltype'),
    status: cell('status'),
    producer: cell('producent'),
    producerCode: supplement(cellOf(row, 'producent'), 'producentkode'),
    samplingTime: timeOf('proeve'),
    resultTime: timeOf('svar'),
    comments: [...cellOf(row, 'analyse').matchAll(/<li>([\s\S]*?)<\/li>/g)].map((match) => text(match[1] ?? '')),
  };
}

const page = (results: PortalResult[]) => renderResultsPage(EINER_CPR, results);
const shownRows = (results: PortalResult[]) => rowsOf(page(results)).map(shown);

describe('a result row shows everything a citizen reads about the result', () => {
  it('a MiBa result from a producer other than the sender, sampled before it was answered, with comments', () => {
    assert.deepEqual(
      shownRows([
        portalResult({
          id: 'MiBa:k:1',
          databank: 'MiBa',
          requisitionId: 'R-5501',
          analysisCode: 'NPU58040',
          analysisName: 'Streptokok gruppe A, DNA',
          value: 'Påvist',
          unit: undefined,
          referenceInterval: { type: 'uspecificeret', text: 'Ikke påvist' },
          status: 'foreloebigt',
          producer: { name: 'Lægerne i Annullering og Omegn', code: '012345' },
          samplingTime: '2026-11-24T16:05',
          resultTime: '2026-11-25T09:52',
          comments: ['Svar fra dyrkning følger', 'Ring ved feber'],
          validation: 'unormal',
        }),
      ]),
      [
        {
          requisition: 'R-5501',
          databank: 'MiBa',
          analysis: 'Streptokok gruppe A, DNA',
          analysisCode: 'NPU58040',
          value: 'Påvist',
          assessment: 'Unormal',
          unit: '',
          referenceInterval: 'Ikke påvist',
          intervalType: '',
          status: 'Foreløbigt',
          producer: 'Lægerne i Annullering og Omegn',
          producerCode: '012345',
          samplingTime: '24.11.2026 kl. 16:05',
          resultTime: '25.11.2026 kl. 09:52',
          comments: ['Svar fra dyrkning følger', 'Ring ved feber'],
        },
      ],
    );
  });

  it('a decimal value above its interval, flagged by its producer: Forhøjet', () => {
    const [row] = shownRows([
      portalResult({ value: '6,1', unit: 'mmol/L', referenceInterval: { type: 'fysiologisk', lower: '4,0', upper: '6,0' }, validation: 'for_hoej' }),
    ]);
    assert.deepEqual(row, {
      requisition: 'R-1001',
      databank: 'LABA',
      analysis: 'CRP',
      analysisCode: 'NPU19748',
      value: '6,1',
      assessment: 'Forhøjet',
      unit: 'mmol/L',
      referenceInterval: '4,0 - 6,0',
      intervalType: '',
      status: 'Endeligt',
      producer: 'Lægehuset Testby',
      producerCode: 'LTB',
      samplingTime: '14.03.2025 kl. 09:40',
      resultTime: '14.03.2025 kl. 09:52',
      comments: [],
    });
  });

  it('marks a value Forhøjet or Formindsket as its producer flagged it, or as its interval says when not flagged', () => {
    const rows = shownRows([
      portalResult({ analysisCode: 'A', value: '3,9', referenceInterval: { lower: '4,0', upper: '6,0' }, validation: undefined }),
      portalResult({ analysisCode: 'B', value: '6,5', referenceInterval: { lower: '4,0', upper: '6,0' }, validation: undefined }),
      portalResult({ analysisCode: 'C', value: '5', referenceInterval: { lower: '4,0', upper: '6,0' }, validation: 'for_lav' }),
      portalResult({ analysisCode: 'D', value: '5,0', referenceInterval: { lower: '4,0', upper: '6,0' }, validation: undefined }),
      portalResult({ analysisCode: 'E', value: '11', operator: 'stoerre_end', referenceInterval: { upper: '10' }, validation: undefined }),
      portalResult({ analysisCode: 'F', value: '2', referenceInterval: { lower: '3' }, validation: 'kritisk' }),
    ]);
    assert.deepEqual(
      rows.map((row) => [row.analysisCode, row.value, row.assessment, row.referenceInterval]),
      [
        ['A', '3,9', 'Formindsket', '4,0 - 6,0'],
        ['B', '6,5', 'Forhøjet', '4,0 - 6,0'],
        ['C', '5', 'Formindsket', '4,0 - 6,0'],
        ['D', '5,0', '', '4,0 - 6,0'],
        ['E', '> 11', '', '< 10'],
        ['F', '2', 'kritisk', '> 3'],
      ],
    );
  });

  it('notes a therapeutic interval (behandlingsmål), only when the interval has limits to show', () => {
    const rows = rowsOf(page([
      portalResult({ analysisCode: 'INR', value: '2,4', referenceInterval: { type: 'terapeutisk', lower: '2,0', upper: '3,0' }, validation: undefined }),
      portalResult({ analysisCode: 'X', value: '2,4', referenceInterval: { type: 'terapeutisk' }, validation: undefined }),
      portalResult({ analysisCode: 'Y', value: '2,4', referenceInterval: undefined, validation: undefined }),
    ]));
    assert.deepEqual(
      rows.map((row) => [shown(row).analysisCode, shown(row).referenceInterval, shown(row).intervalType, /data-supplement="intervaltype"/.test(row)]),
      [
        ['INR', '2,0 - 3,0', 'behandlingsmål', true],
        ['X', '', '', false],
        ['Y', '', '', false],
      ],
    );
  });

  it('words every status, highlighting a corrected row and striking through a cancelled one', () => {
    const results = ['endeligt', 'foreloebigt', 'rettet', 'annulleret', 'ny_status'].map((status) => portalResult({ analysisCode: status, status }));
    const rows = rowsOf(page(results));
    assert.deepEqual(
      rows.map((row) => [attribute(row, 'data-status'), attribute(row, 'class'), shown(row).status, /<span class="status status-([^"]+)">/.exec(row)?.[1]]),
      [
        ['endeligt', '', 'Endeligt', 'endeligt'],
        ['foreloebigt', '', 'Foreløbigt', 'foreloebigt'],
        ['rettet', 'rettet', 'Rettet', 'rettet'],
        ['annulleret', 'annulleret', 'Annulleret', 'annulleret'],
        ['ny_status', '', 'ny_status', 'ny_status'],
      ],
    );
  });

  it('shows a time that is not an ISO time as sent, with no machine-readable time; a date alone as a date', () => {
    const [row] = rowsOf(page([portalResult({ samplingTime: '2025-03-14', resultTime: 'ukendt' })]));
    assert.match(row ?? '', /<time data-tid="proeve" datetime="2025-03-14">14\.03\.2025<\/time>/);
    assert.match(row ?? '', /<time data-tid="svar">ukendt<\/time>/);
    assert.equal(text(cellOf(row ?? '', 'tidspunkt')), 'Prøve 14.03.2025 Svar ukendt');
  });

  it('shows no list of comments for an empty one', () => {
    const [row] = rowsOf(page([portalResult({ comments: [] })]));
    assert.equal(cellOf(row ?? '', 'analyse'), 'CRP<span class="kode" data-supplement="kode">NPU19748</span>');
  });

  it('is exactly this HTML, with the hooks tests find it by', () => {
    const [row] = rowsOf(
      page([
        portalResult({
          operator: 'mindre_end',
          value: '0,5',
          validation: undefined,
          status: 'annulleret',
          comments: ['Annulleret af lægen'],
          referenceInterval: { type: 'terapeutisk', lower: '1', upper: '2' },
        }),
      ]),
    );
    assert.equal(
      row,
      '<tr data-testid="resultat" data-analysis-code="NPU19748" data-rekvisition="R-1001" data-status="annulleret" data-databank="LABA" class="annulleret">\n' +
        '<th scope="row" data-felt="analyse">CRP<span class="kode" data-supplement="kode">NPU19748</span><ul class="bemaerkninger" data-supplement="bemaerkninger" aria-label="Bemærkninger"><li>Annulleret af lægen</li></ul></th>\n' +
        '<td data-felt="vaerdi">&lt; 0,5</td>\n' +
        '<td data-felt="enhed">mg/L</td>\n' +
        '<td data-felt="referenceinterval">1 - 2<span class="note" data-supplement="intervaltype">behandlingsmål</span></td>\n' +
        '<td data-felt="status"><span class="status status-annulleret">Annulleret</span></td>\n' +
        '<td data-felt="producent">Lægehuset Testby<span class="kode" data-supplement="producentkode">LTB</span></td>\n' +
        '<td data-felt="tidspunkt"><span class="tid"><span class="tid-navn">Prøve</span> <time data-tid="proeve" datetime="2025-03-14T09:40">14.03.2025 kl. 09:40</time></span> <span class="tid"><span class="tid-navn">Svar</span> <time data-tid="svar" datetime="2025-03-14T09:52">14.03.2025 kl. 09:52</time></span></td>\n' +
        '</tr>',
    );
  });
});

describe('results are grouped by requisition', () => {
  it('one section per requisition, newest first, naming its databanks and when its first sample was taken', () => {
    const shownPage = page([
      portalResult({ requisitionId: 'R-1', analysisCode: 'A1', databank: 'LABA', samplingTime: '2026-11-20T08:00' }),
      portalResult({ requisitionId: 'R-2', analysisCode: 'B1', databank: 'MiBa', samplingTime: '2026-11-25T10:30' }),
      portalResult({ requisitionId: 'R-2', analysisCode: 'B2', databank: 'LABA', samplingTime: '2026-11-25T09:15' }),
      portalResult({ requisitionId: 'R-2', analysisCode: 'B3', databank: 'MiBa', samplingTime: '2026-11-25T09:45' }),
    ]);
    assert.match(shownPage, /<p class="opsummering" data-testid="opsummering">4 svar fra 2 rekvisitioner<\/p>/);
    const sections = [...shownPage.matchAll(/<section [\s\S]*?<\/section>/g)].map((match) => match[0]);
    assert.equal(sections.length, 2);
    assert.equal(
      sections[0]?.replace(/<tbody>[\s\S]*<\/tbody>/, '<tbody/>'),
      '<section class="kort rekvisition" aria-labelledby="rekvisition-1">\n' +
        '<header>\n' +
        '<h2 id="rekvisition-1">Rekvisition <span data-testid="rekvisitionsnummer">R-2</span></h2>\n' +
        '<p>Mikrobiologi, Klinisk biokemi · Prøve taget 25.11.2026 kl. 09:15</p>\n' +
        '</header>\n' +
        '<div class="tabel-rulle" role="region" aria-labelledby="rekvisition-1" tabindex="0">\n' +
        '<table data-testid="rekvisition" data-rekvisition="R-2">\n' +
        '<caption class="sr-only">Analyser på rekvisition R-2</caption>\n' +
        '<thead><tr>\n' +
        '<th scope="col">Analyse</th><th scope="col">Værdi</th><th scope="col">Enhed</th><th scope="col">Referenceinterval</th>\n' +
        '<th scope="col">Status</th><th scope="col">Producent</th><th scope="col">Prøve- og svartidspunkt</th>\n' +
        '</tr></thead>\n' +
        '<tbody/>\n' +
        '</table>\n' +
        '</div>\n' +
        '</section>',
    );
    assert.deepEqual(rowsOf(sections[0] ?? '').map((row) => shown(row).analysisCode), ['B1', 'B2', 'B3']);
    assert.match(sections[1] ?? '', /^<section class="kort rekvisition" aria-labelledby="rekvisition-2">\n<header>\n<h2 id="rekvisition-2">/);
    assert.match(sections[1] ?? '', /<p>Klinisk biokemi · Prøve taget 20\.11\.2026 kl\. 08:00<\/p>/);
  });

  it('orders requisitions by their latest sample, and by number when that is the same', () => {
    const rows = shownRows([
      portalResult({ requisitionId: 'R-B', analysisCode: 'B', samplingTime: '2026-11-25T10:00' }),
      portalResult({ requisitionId: 'R-C', analysisCode: 'C1', samplingTime: '2026-11-20T10:00' }),
      portalResult({ requisitionId: 'R-C', analysisCode: 'C2', samplingTime: '2026-11-26T10:00' }),
      portalResult({ requisitionId: 'R-A', analysisCode: 'A', samplingTime: '2026-11-25T10:00' }),
    ]);
    assert.deepEqual(rows.map((row) => [row.requisition, row.analysisCode]), [
      ['R-C', 'C1'],
      ['R-C', 'C2'],
      ['R-A', 'A'],
      ['R-B', 'B'],
    ]);
  });

  it('counts one result from one requisition in the singular', () => {
    assert.match(page([portalResult()]), /<p class="opsummering" data-testid="opsummering">1 svar fra 1 rekvisition<\/p>/);
  });
});
