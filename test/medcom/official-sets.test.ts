/**
 * MedCom's official schemas by set (medcom/official-xsd/official-sets.ts), as the DEL-01 steps and the run's verdicts
 * ask them: in a call of several documents, each gets its own findings by name, duplicates included.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { officialSchemaFindings, officialSchemaSet } from '../../medcom/official-xsd/official-sets';
import { laboratoryReportXml } from '../../steps/support/sample-messages';

const schemas = officialSchemaSet('set2014');
const valid = laboratoryReportXml({ cpr: '0201609995', givenName: 'Einer', surname: 'Test Lauridsen' }).xml;
/** Well-formed, but against the schema: a CPR number of letters. */
const invalid = laboratoryReportXml({ cpr: '2512489996', givenName: 'Nancy Ann', surname: 'Test Berggren' }).xml.replace(
  /<CivilRegistrationNumber>2512489996<\/CivilRegistrationNumber>/,
  '<CivilRegistrationNumber>NANCY</CivilRegistrationNumber>',
);
/** Against the schema in another way: an element the schema does not know. */
const alsoInvalid = valid.replace('<CivilRegistrationNumber>', '<Ukendt>1</Ukendt><CivilRegistrationNumber>');

describe("MedCom's official schemas, asked by the steps", { skip: !schemas && 'MEDCOM_XSD_DIR has no 2014/10/08 schemas' }, () => {
  it('gives each document of a call its own findings, by name, duplicates included', async () => {
    assert.ok(invalid.includes('>NANCY<') && alsoInvalid.includes('<Ukendt>'), 'the invalid documents were not made');
    const findings = await officialSchemaFindings('set2014', [
      { name: 'gyldig', xml: valid },
      { name: 'ugyldig', xml: invalid },
      { name: 'gyldig igen', xml: valid },
      { name: 'også ugyldig', xml: alsoInvalid },
    ]);
    assert.deepEqual(findings?.get('gyldig'), []);
    assert.deepEqual(findings?.get('gyldig igen'), []);
    assert.match((findings?.get('ugyldig') ?? []).join('\n'), /CivilRegistrationNumber.*NANCY/);
    assert.match((findings?.get('også ugyldig') ?? []).join('\n'), /Ukendt/);
    assert.doesNotMatch((findings?.get('også ugyldig') ?? []).join('\n'), /NANCY/);
  });
});
