import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatDateTime,
  groupByRequisition,
  intervalTypeNote,
  referenceIntervalText,
  statusLabel,
  validationLabel,
  valueText,
} from '../../stubs/sundhedsjournal/format';
import { portalResult } from '../support/portal-results';

describe('reference interval text', () => {
  it('shows "lower - upper" with the numbers as sent', () => {
    assert.equal(referenceIntervalText({ lower: '2,0', upper: '3,0' }), '2,0 - 3,0');
    assert.equal(referenceIntervalText({ lower: '4.3', upper: '8.3' }), '4.3 - 8.3');
  });

  it('shows "< upper" when only the upper limit is sent', () => {
    assert.equal(referenceIntervalText({ upper: '10' }), '< 10');
  });

  it('shows "> lower" when only the lower limit is sent', () => {
    assert.equal(referenceIntervalText({ lower: '5' }), '> 5');
  });

  it('shows the interval text when no limits are sent, limits when both are', () => {
    assert.equal(referenceIntervalText({ text: 'Negativ' }), 'Negativ');
    assert.equal(referenceIntervalText({ lower: '1', upper: '2', text: 'se note' }), '1 - 2');
  });

  it('is empty without an interval', () => {
    assert.equal(referenceIntervalText(undefined), '');
    assert.equal(referenceIntervalText({ type: 'fysiologisk' }), '');
  });

  it('notes a therapeutic interval, not a physiological one', () => {
    assert.equal(intervalTypeNote({ type: 'terapeutisk', lower: '2,0', upper: '3,0' }), 'behandlingsmål');
    assert.equal(intervalTypeNote({ type: 'fysiologisk', upper: '10' }), undefined);
    assert.equal(intervalTypeNote({ type: 'terapeutisk' }), undefined);
  });
});

describe('status, value and assessment', () => {
  it('labels every status in Danish and shows an unknown one as sent', () => {
    assert.deepEqual(
      ['endeligt', 'foreloebigt', 'rettet', 'annulleret', 'ukendt_status'].map(statusLabel),
      ['Endeligt', 'Foreløbigt', 'Rettet', 'Annulleret', 'ukendt_status'],
    );
  });

  it('prefixes the value with the operator as a sign', () => {
    assert.equal(valueText({ value: '5', operator: 'mindre_end' }), '< 5');
    assert.equal(valueText({ value: '100', operator: 'stoerre_end' }), '> 100');
    assert.equal(valueText({ value: '7,1' }), '7,1');
  });

  it('words the validation', () => {
    assert.deepEqual(['for_hoej', 'for_lav', 'unormal'].map(validationLabel), ['For høj', 'For lav', 'Unormal']);
    assert.equal(validationLabel(undefined), undefined);
  });
});

describe('dates', () => {
  it('writes date and time the Danish way without shifting the time zone', () => {
    assert.equal(formatDateTime('2025-03-14T09:40'), '14.03.2025 kl. 09:40');
    assert.equal(formatDateTime('2025-03-14T23:59:00Z'), '14.03.2025 kl. 23:59');
    assert.equal(formatDateTime('2025-03-14'), '14.03.2025');
    assert.equal(formatDateTime('i går'), 'i går');
  });
});

describe('grouping by requisition', () => {
  it('puts results of a requisition together, newest sampling first, keeping the portal order inside', () => {
    const groups = groupByRequisition([
      portalResult({ requisitionId: 'A', analysisCode: 'A1', samplingTime: '2025-01-01T08:00' }),
      portalResult({ requisitionId: 'B', analysisCode: 'B1', samplingTime: '2025-02-01T08:00', databank: 'MiBa' }),
      portalResult({ requisitionId: 'A', analysisCode: 'A2', samplingTime: '2025-01-01T07:30' }),
    ]);
    assert.deepEqual(
      groups.map((group) => [group.requisitionId, group.samplingTime, group.databanks, group.results.map((r) => r.analysisCode)]),
      [
        ['B', '2025-02-01T08:00', ['MiBa'], ['B1']],
        ['A', '2025-01-01T07:30', ['LABA'], ['A1', 'A2']],
      ],
    );
  });

  it('gives no groups for no results', () => {
    assert.deepEqual(groupByRequisition([]), []);
  });
});
