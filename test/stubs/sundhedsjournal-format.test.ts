import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  databankLabel,
  formatDateTime,
  machineDateTime,
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

  it('shows an operator it does not know before the value as sent', () => {
    assert.equal(valueText({ value: '5', operator: 'ca.' }), 'ca. 5');
  });

  it('names each databank by its field, and one it does not know as sent', () => {
    assert.deepEqual(['LABA', 'MiBa', 'Patobank'].map(databankLabel), ['Klinisk biokemi', 'Mikrobiologi', 'Patobank']);
  });

  it('marks a result as sundhed.dk does: Forhøjet, Formindsket, Unormal from its ResultValidation', () => {
    assert.deepEqual(
      ['for_hoej', 'for_lav', 'unormal'].map((validation) => validationLabel({ value: '5', validation })),
      ['Forhøjet', 'Formindsket', 'Unormal'],
    );
    assert.equal(validationLabel({ value: '5' }), undefined);
  });

  it('marks a number outside its interval even without a ResultValidation, decimal comma or point', () => {
    assert.equal(validationLabel({ value: '6,1', referenceInterval: { lower: '4,0', upper: '6,0' } }), 'Forhøjet');
    assert.equal(validationLabel({ value: '3.9', referenceInterval: { lower: '4.0', upper: '6.0' } }), 'Formindsket');
    assert.equal(validationLabel({ value: '6,0', referenceInterval: { lower: '4,0', upper: '6,0' } }), undefined);
    assert.equal(validationLabel({ value: '12', referenceInterval: { upper: '10' } }), 'Forhøjet');
  });

  it('never judges a text value, a value with an operator or an interval without limits', () => {
    assert.equal(validationLabel({ value: 'Positiv', referenceInterval: { upper: '10' } }), undefined);
    assert.equal(validationLabel({ value: '12', operator: 'stoerre_end', referenceInterval: { upper: '10' } }), undefined);
    assert.equal(validationLabel({ value: '12', referenceInterval: { text: 'se svar' } }), undefined);
  });

  it("follows the producer's ResultValidation where it and the interval disagree", () => {
    assert.equal(validationLabel({ value: '5', validation: 'for_lav', referenceInterval: { upper: '10' } }), 'Formindsket');
  });
});

describe('dates', () => {
  it('writes date and time the Danish way without shifting the time zone', () => {
    assert.equal(formatDateTime('2025-03-14T09:40'), '14.03.2025 kl. 09:40');
    assert.equal(formatDateTime('2025-03-14T23:59:00Z'), '14.03.2025 kl. 23:59');
    assert.equal(formatDateTime('2025-03-14'), '14.03.2025');
    assert.equal(formatDateTime('i går'), 'i går');
    assert.equal(formatDateTime('2025-03-14 09:40'), '14.03.2025 kl. 09:40');
    assert.equal(formatDateTime('2025-03-14X09:40'), '14.03.2025');
  });

  it('shows anything that does not start with an ISO date as sent', () => {
    for (const value of ['ca. 2025-03-14', '25-03-14', '2025-3-14', '2025/03/14', '20250314', '2025-03-1']) {
      assert.equal(formatDateTime(value), value);
      assert.equal(machineDateTime(value), undefined);
    }
  });

  it('gives the machine-readable time for a <time> element, minutes at most', () => {
    assert.equal(machineDateTime('2025-03-14T09:40:59.123Z'), '2025-03-14T09:40');
    assert.equal(machineDateTime('2025-03-14 09:40'), '2025-03-14T09:40');
    assert.equal(machineDateTime('2025-03-14'), '2025-03-14');
    assert.equal(machineDateTime('2025-03-14T9:40'), '2025-03-14');
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
