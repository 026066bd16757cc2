/**
 * DEL-01 "the messages meet the MedCom standards", checked by an oracle independent of the platform's own validator:
 * MedCom's official XSDs through libxml2 (xmllint-wasm), read from MEDCOM_XSD_DIR at run time. Where the schemas
 * are not there, the platform's own schema rules (tested to agree with the XSDs) judge instead, and the report
 * says so: the check still fails on an invalid message, and the rest of the scenario still runs.
 */
import { Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { readReceipt, validateEmessage } from '../medcom';
import { schemaDirs, skipReason } from '../medcom/official-xsd/schema-dirs';
import { officialSchemaFindings, type OfficialSet } from '../medcom/official-xsd/official-sets';
import type { LokalsvarWorld } from './world';

/** The official XSD's verdict, or undefined where the schemas are not there (after saying so in the report). */
async function officialFindings(world: LokalsvarWorld, set: OfficialSet, what: string, xml: string): Promise<string[] | undefined> {
  const verdicts = await officialSchemaFindings(set, [{ name: what, xml }]);
  if (!verdicts) {
    world.log(`${skipReason(`MedCom's official schemas (${set === 'set2014' ? '2014/10/08' : '2005/08/07'})`, schemaDirs().looked)}; the platform's own schema rules judged the ${what} instead`);
    return undefined;
  }
  return verdicts.get(what) ?? ['no verdict'];
}

Then('beskeden overholder MedComs officielle XML-skema', async function (this: LokalsvarWorld) {
  const xml = this.shared().sentXml;
  const findings =
    (await officialFindings(this, 'set2014', 'message', xml)) ??
    validateEmessage(xml, { rules: 'schema' }).filter((finding) => finding.severity === 'error').map((finding) => `${finding.path}: ${finding.message}`);
  assert.deepEqual(findings, [], `DEL-01: beskeden fra LPS'et overholder ikke MedComs XML-skema:\n${findings.join('\n')}`);
});

Then('kvitteringen overholder MedComs officielle XML-skema', async function (this: LokalsvarWorld) {
  const xml = this.shared().receiptXml;
  const findings = await officialFindings(this, 'set2005', 'receipt', xml);
  // Without the 2005 schemas: the receipt must at least read as a MedCom receipt.
  if (findings === undefined) readReceipt(xml);
  else assert.deepEqual(findings, [], `DEL-01: kvitteringen fra PLSP overholder ikke MedComs XML-skema:\n${findings.join('\n')}`);
});
