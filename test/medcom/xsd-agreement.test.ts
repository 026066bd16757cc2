/**
 * The project's validator and the official XSDs (libxml2 through xmllint-wasm) must agree on valid/invalid for
 * every message of a generated corpus (valid messages and mutants of them), and on the example files.
 * Skips, saying why, when the schemas are not available (MEDCOM_XSD_DIR).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { negativeReceipt, positiveReceipt, readEmessage, readReceipts, refuseCodeFor, validateEmessage, writeReceipt } from '../../medcom';
import { buildCorpus, corpusSeed, type CorpusEntry } from '../../corpora/medcom/corpus';
import { examplesDir, examplesLooked, schemaDirs, skipReason } from '../../medcom/official-xsd/schema-dirs';
import { loadSchemaSet, xsdValidate } from '../../medcom/official-xsd/xmllint';

const dirs = schemaDirs();
const examples = examplesDir();

function ourErrors(xml: string): string[] {
  return validateEmessage(xml, { rules: 'schema' })
    .filter((finding) => finding.severity === 'error')
    .map((finding) => `${finding.path}: ${finding.message}`);
}

function disagreements(corpus: readonly { name: string; xml: string }[], xsd: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const entry of corpus) {
    const ours = ourErrors(entry.xml);
    const theirs = xsd.get(entry.name) ?? ['missing'];
    if ((ours.length === 0) !== (theirs.length === 0)) {
      out.push(`${entry.name}\n  xsd: ${theirs.slice(0, 2).join(' | ') || 'valid'}\n  ours: ${ours.slice(0, 2).join(' | ') || 'valid'}\n  ${entry.xml.slice(0, 4000)}`);
    }
  }
  return out;
}

describe('agreement with the official XSDs', { skip: dirs.set2014 ? false : skipReason('the 2014/10/08 MedCom schemas', dirs.looked) }, () => {
  const schema = () => loadSchemaSet(dirs.set2014 as string, 'xsd2014');

  it('agrees on valid/invalid for every message of a generated corpus', async (t) => {
    const seed = corpusSeed();
    t.diagnostic(`corpus seed ${seed} (FC_SEED=${seed} reproduces it)`);
    const corpus: CorpusEntry[] = buildCorpus({ seed, valid: 250, mutantsPerValid: 3 });
    const xsd = await xsdValidate(corpus, schema());
    const valid = corpus.filter((entry) => (xsd.get(entry.name) ?? []).length === 0).length;
    t.diagnostic(`${corpus.length} messages, ${valid} valid and ${corpus.length - valid} invalid by the XSD`);
    const differ = disagreements(corpus, xsd);
    assert.deepEqual(differ.slice(0, 3), [], `${differ.length} disagreements (seed ${seed}); first ones shown`);
    for (const entry of corpus.filter((e) => e.origin === 'valid')) {
      assert.deepEqual(xsd.get(entry.name), [], `${entry.name} was written from a valid model but the XSD rejects it`);
      const outcome = readEmessage(entry.xml);
      assert.ok(outcome.message, `${entry.name} must also pass the project's rules: ${JSON.stringify(outcome.findings)}`);
    }
    assert.ok(valid > 250 && valid < corpus.length - 250, 'the corpus must hold many valid and many invalid messages');
  });

  it('finds the example messages valid, as the XSD does', { skip: examples ? false : skipReason('the MedCom examples', examplesLooked()) }, async () => {
    const files = readdirSync(examples as string).filter((name) => /^xrpt0[15].*\.xml$/.test(name));
    assert.ok(files.length >= 3, `expected the XRPT01/XRPT05 examples in ${examples}`);
    const corpus = files.map((name) => ({ name, xml: readFileSync(join(examples as string, name), 'utf8') }));
    const xsd = await xsdValidate(corpus, schema());
    for (const entry of corpus) {
      assert.deepEqual(xsd.get(entry.name), [], `${entry.name} by the XSD`);
      assert.deepEqual(ourErrors(entry.xml), [], `${entry.name} by the project's validator`);
      assert.ok(readEmessage(entry.xml).message, `${entry.name} reads into the model`);
    }
  });
});

describe('receipts against the official 2005/08/07 XSD', { skip: dirs.set2005 ? false : skipReason('the 2005/08/07 MedCom schemas', dirs.looked) }, () => {
  it('writes receipts the XSD finds valid, for valid, invalid and unreadable messages', async () => {
    const corpus = buildCorpus({ seed: corpusSeed(), valid: 40, mutantsPerValid: 2 }).map((entry) => entry.xml);
    corpus.push('not XML', '<Emessage', `<Emessage xmlns="x"><Envelope><Identifier>${'9'.repeat(40)}</Identifier></Envelope></Emessage>`);
    const receipts = corpus.flatMap((xml, index) => {
      const outcome = readEmessage(xml);
      const from = { ean: '5790000000009' };
      const receipt = outcome.message ? positiveReceipt(outcome.refs, from) : negativeReceipt(outcome.refs, from, refuseCodeFor(outcome.findings), outcome.findings);
      return [{ name: `receipt-${index}`, xml: writeReceipt(receipt) }];
    });
    const xsd = await xsdValidate(receipts, loadSchemaSet(dirs.set2005 as string, 'xsd2005'));
    for (const receipt of receipts) {
      assert.deepEqual(xsd.get(receipt.name), [], receipt.xml);
      assert.doesNotThrow(() => readReceipts(receipt.xml));
    }
    assert.ok(receipts.some((r) => r.xml.includes('<NegativeReceipt>')) && receipts.some((r) => r.xml.includes('<PositiveReceipt>')));
  });

  it('reads the receipt example, which the XSD finds valid', { skip: examples ? false : skipReason('the MedCom examples', examplesLooked()) }, async () => {
    const xml = readFileSync(join(examples as string, 'receipts_2005_example.xml'), 'utf8');
    const xsd = await xsdValidate([{ name: 'receipts', xml }], loadSchemaSet(dirs.set2005 as string, 'xsd2005'));
    assert.deepEqual(xsd.get('receipts'), []);
    assert.deepEqual(readReceipts(xml).map((receipt) => receipt.kind), ['XCTL03', 'XCTL02']);
  });
});
