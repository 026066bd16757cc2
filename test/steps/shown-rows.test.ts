/** Whole rows a citizen sees, compared field by field, and "som delt" read from the shared message. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sharedFacts } from '../../steps/support/as-shared';
import { compareRows, type CitizenRow } from '../../steps/support/shown-rows';
import { findAnalysis } from '../../medcom/npu-catalogue';
import { crpMessage } from '../support/crp-message';
import { mixedMessage } from '../support/mixed-message';

const CRP: CitizenRow = {
  analysis: 'CRP',
  value: '45',
  unit: 'mg/L',
  referenceInterval: '< 10',
  intervalType: '',
  assessment: 'Forhøjet',
  status: 'Endeligt',
  producer: 'Lægerne Testgade',
  producerCode: 'LT',
  samplingTime: '25.11.2026 kl. 10:52',
  resultTime: '25.11.2026 kl. 10:52',
};
const HBA1C: CitizenRow = { ...CRP, analysis: 'HbA1c', value: '48', unit: 'mmol/mol', referenceInterval: '< 53', intervalType: 'behandlingsmål', assessment: '' };

describe('compareRows', () => {
  it('finds nothing when the page shows exactly the expected rows, in any order', () => {
    assert.deepEqual(compareRows([CRP, HBA1C], [HBA1C, CRP]), []);
  });

  it('names every differing field of a row, with what was expected and what was shown', () => {
    const shown = { ...CRP, unit: 'mmol/L', producerCode: 'XX', intervalType: 'behandlingsmål', resultTime: '25.11.2026 kl. 11:00' };
    assert.deepEqual(compareRows([CRP], [shown]), [
      'række 1 (CRP), enhed: forventet "mg/L", vist "mmol/L"',
      'række 1 (CRP), intervaltype: forventet (tomt), vist "behandlingsmål"',
      'række 1 (CRP), producentkode: forventet "LT", vist "XX"',
      'række 1 (CRP), svartid: forventet "25.11.2026 kl. 10:52", vist "25.11.2026 kl. 11:00"',
    ]);
  });

  it('says which expected row is not shown, and which shown row was not expected (an old value beside the corrected one)', () => {
    const corrected = { ...CRP, value: '52', status: 'Rettet' };
    const old = { ...CRP };
    assert.deepEqual(compareRows([corrected], [corrected, old]), ['vist, men ikke forventet: CRP 45 mg/L (Endeligt) fra Lægerne Testgade (LT)']);
    assert.deepEqual(compareRows([corrected, HBA1C], [corrected]), ['række 2 (HbA1c 48 mmol/mol (Endeligt) fra Lægerne Testgade (LT)): vises ikke']);
  });

  it('pairs a shown row with the expected one it is closest to, so the message names the field that differs', () => {
    const own = { ...CRP, value: '12', producer: 'Lægehuset ved Fjorden og Skoven', producerCode: 'LVF' };
    const other = { ...CRP, value: '14', producer: 'Lægerne Syd', producerCode: 'LS' };
    assert.deepEqual(compareRows([own, other], [{ ...other, value: '15' }, own]), ['række 2 (CRP), værdi: forventet "14", vist "15"']);
  });
});

describe('sharedFacts ("som delt")', () => {
  it('reads the producer code and both times of the analysis from the shared message, as Sundhedsjournalen writes them', () => {
    assert.deepEqual(sharedFacts(crpMessage().xml, 'NPU19748', 'CRP'), { producerCode: 'LT', samplingTime: '25.11.2026 kl. 10:52', resultTime: '25.11.2026 kl. 10:52' });
  });

  it('reads a microbiology (XRPT05) result too', () => {
    const facts = sharedFacts(mixedMessage().xml, findAnalysis('Strep A')?.code ?? '', 'Strep A');
    assert.equal(facts.producerCode, 'LT');
    assert.match(facts.samplingTime, /^\d\d\.\d\d\.\d{4} kl\. \d\d:\d\d$/);
  });

  it('refuses, in Danish, when the message holds no result of the analysis', () => {
    assert.throws(() => sharedFacts(crpMessage().xml, 'NPU27300', 'HbA1c'), /den delte besked har 0 HbA1c-svar \(NPU27300\)/);
  });
});
