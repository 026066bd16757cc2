/** Whole rows a citizen sees: a scenario's table row read as one, compared field by field, and "som delt" read from the shared message. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sharedFacts } from '../../steps/support/as-shared';
import { shownToday } from '../../steps/support/clinic-times';
import { compareRows, expectedRow, type CitizenRow } from '../../steps/support/shown-rows';
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

/** The CRP message's facts, as "som delt" reads them; counts how often it was asked. */
function crpAsShared(): { asShared: (name: string) => ReturnType<typeof sharedFacts>; asked: string[] } {
  const asked: string[] = [];
  return { asked, asShared: (name) => (asked.push(name), sharedFacts(crpMessage().xml, 'NPU19748', name)) };
}

/** The table row the CRP scenario writes: every column, producer code and times "som delt". */
const CRP_TABLE_ROW = {
  analyse: 'CRP',
  værdi: '45',
  enhed: 'mg/L',
  referenceinterval: '< 10',
  vurdering: 'Forhøjet',
  status: 'Endeligt',
  producent: 'Lægerne Testgade',
  producentkode: 'som delt',
  prøvetid: 'som delt',
  svartid: 'som delt',
};

describe('expectedRow', () => {
  it('reads a table row as the whole row a citizen must see, "som delt" from the shared message (read once)', () => {
    const { asShared, asked } = crpAsShared();
    assert.deepEqual(expectedRow(CRP_TABLE_ROW, asShared), CRP);
    assert.deepEqual(asked, ['CRP']);
  });

  it('takes a column the table leaves out, or an empty cell, as nothing shown there; trims cells', () => {
    const row = expectedRow({ analyse: ' HbA1c ', værdi: '48', enhed: '', status: 'Endeligt' }, crpAsShared().asShared);
    assert.deepEqual(row, { analysis: 'HbA1c', value: '48', unit: '', referenceInterval: '', intervalType: '', assessment: '', status: 'Endeligt', producer: '', producerCode: '', samplingTime: '', resultTime: '' });
  });

  it('reads a time "hh:mm" as today, as Sundhedsjournalen writes it, and leaves other times as written', () => {
    const row = expectedRow({ analyse: 'CRP', prøvetid: '08:10', svartid: '25.11.2026 kl. 10:52' }, crpAsShared().asShared);
    assert.equal(row.samplingTime, shownToday('08:10'));
    assert.equal(row.resultTime, '25.11.2026 kl. 10:52');
  });

  it('refuses, in Danish, a column it does not know and "som delt" where the message cannot say it', () => {
    assert.throws(() => expectedRow({ analyse: 'CRP', enheder: 'mg/L' }, crpAsShared().asShared), /Tabellen har ukendte kolonner: enheder; kendte: analyse, værdi, enhed/);
    assert.throws(() => expectedRow({ analyse: 'CRP', enhed: 'som delt' }, crpAsShared().asShared), /"som delt" kan kun stå i kolonnerne producentkode, prøvetid, svartid, ikke i enhed/);
  });

  describe('held to the page: one Danish difference line naming the field', () => {
    const differences = (shown: CitizenRow[]): string[] => compareRows([expectedRow(CRP_TABLE_ROW, crpAsShared().asShared)], shown);

    it('finds nothing when the page shows the row as shared', () => {
      assert.deepEqual(differences([{ ...CRP }]), []);
    });

    it('a wrong unit', () => {
      assert.deepEqual(differences([{ ...CRP, unit: 'mmol/L' }]), ['række 1 (CRP), enhed: forventet "mg/L", vist "mmol/L"']);
    });

    it('a producer code other than the shared one', () => {
      assert.deepEqual(differences([{ ...CRP, producerCode: 'XX' }]), ['række 1 (CRP), producentkode: forventet "LT", vist "XX"']);
    });

    it('an interval type the table leaves out', () => {
      assert.deepEqual(differences([{ ...CRP, intervalType: 'behandlingsmål' }]), ['række 1 (CRP), intervaltype: forventet (tomt), vist "behandlingsmål"']);
    });

    it('a result time other than the shared one', () => {
      assert.deepEqual(differences([{ ...CRP, resultTime: '25.11.2026 kl. 11:00' }]), ['række 1 (CRP), svartid: forventet "25.11.2026 kl. 10:52", vist "25.11.2026 kl. 11:00"']);
    });

    it('an old value left beside the corrected one', () => {
      const expected = expectedRow({ ...CRP_TABLE_ROW, værdi: '52', status: 'Rettet' }, crpAsShared().asShared);
      const corrected = { ...CRP, value: '52', status: 'Rettet' };
      assert.deepEqual(compareRows([expected], [corrected, { ...CRP }]), ['vist, men ikke forventet: CRP 45 mg/L (Endeligt) fra Lægerne Testgade (LT)']);
      assert.deepEqual(compareRows([expected], [{ ...CRP }]), ['række 1 (CRP), værdi: forventet "52", vist "45"', 'række 1 (CRP), status: forventet "Rettet", vist "Endeligt"']);
    });
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
