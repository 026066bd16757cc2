/** Receipts: built from refs, RefuseCode choice, RefuseText, written in the 2005 set and read back. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MEDCOM_NS_2005,
  negativeReceipt,
  positiveReceipt,
  readEmessage,
  readReceipt,
  readReceipts,
  refuseCodeFor,
  writeEmessage,
  writeReceipt,
  type Finding,
} from '../../medcom';
import { crpReport, message, strepAReport } from '../../corpora/medcom/fixtures';

const HUB = { ean: '5790000000009' };
const NOW = new Date('2025-03-14T09:16:00Z');
const error = (path: string, kind?: Finding['kind']): Finding => ({ severity: 'error', path, message: 'wrong', ...(kind ? { kind } : {}) });

describe('receipts', () => {
  it('a positive receipt names the original envelope, sender, receiver and letters', () => {
    const outcome = readEmessage(writeEmessage(message(crpReport(), strepAReport())));
    const receipt = positiveReceipt(outcome.refs, HUB, NOW);
    assert.equal(receipt.kind, 'XCTL03');
    assert.deepEqual(receipt.envelope.sent, { date: '2025-03-14', time: '10:16' });
    assert.equal(receipt.envelope.acknowledgementCode, 'minuspositivkvitt');
    assert.equal(receipt.senderEan, HUB.ean);
    assert.equal(receipt.receiverEan, '5790000000000');
    assert.equal(receipt.originalEnvelopeIdentifier, 'E000000000001');
    assert.equal(receipt.originalSenderEan, '5790000000000');
    assert.equal(receipt.originalReceiverEan, '5790000000001');
    assert.deepEqual(receipt.originalLetters, [
      { identifier: 'L000000000001', versionCode: 'XR0131K' },
      { identifier: 'L000000000003', versionCode: 'XR0532M' },
    ]);
    assert.ok(receipt.envelope.identifier.length <= 14 && receipt.letterIdentifier.length <= 14);
  });

  it('writes XCTL03 and XCTL02 in the 2005/08/07 namespace and reads them back', () => {
    const outcome = readEmessage(writeEmessage(message()).replace('<Value>26</Value>', '<Value></Value>'));
    for (const receipt of [positiveReceipt(outcome.refs, HUB, NOW), negativeReceipt(outcome.refs, HUB, 'syntaksfejl', outcome.findings, NOW)]) {
      const xml = writeReceipt(receipt);
      assert.ok(xml.includes(`<Emessage xmlns="${MEDCOM_NS_2005}">`));
      assert.ok(xml.includes(receipt.kind === 'XCTL03' ? '<PositiveReceipt>' : '<NegativeReceipt>'));
      assert.ok(xml.includes(receipt.kind === 'XCTL03' ? '<VersionCode>XC0330Q</VersionCode>' : '<VersionCode>XC0230Q</VersionCode>'));
      assert.deepEqual(readReceipt(xml), receipt);
    }
  });

  it('a negative receipt lists every error as path: message, at the envelope and at the faulty letter', () => {
    const xml = writeEmessage(message(strepAReport(), crpReport()))
      .replace('<Value>26</Value>', '<Value></Value>')
      .replace('<AnalysisCodeType>iupac</AnalysisCodeType>', '<AnalysisCodeType>NPU</AnalysisCodeType>');
    const outcome = readEmessage(xml);
    const receipt = negativeReceipt(outcome.refs, HUB, refuseCodeFor(outcome.findings), outcome.findings, NOW);
    assert.equal(receipt.kind, 'XCTL02');
    assert.equal(receipt.refuseCode, 'syntaksfejl');
    const lines = receipt.refuseText?.split('\n') ?? [];
    assert.deepEqual(lines, outcome.findings.map((finding) => `${finding.path}: ${finding.message}`));
    assert.equal(lines.length, 2);
    assert.equal(receipt.originalLetters[0]?.refuseCode, undefined, 'the XRPT05 letter has no fault');
    assert.equal(receipt.originalLetters[1]?.refuseCode, 'syntaksfejl');
    assert.equal(receipt.originalLetters[1]?.refuseText, receipt.refuseText);
    assert.match(writeReceipt(receipt), /<RefuseText>[^<]*<Break\/>/);
  });

  it('a negative receipt for text that is not even XML still names what it can', () => {
    const outcome = readEmessage('this is not XML');
    const receipt = negativeReceipt(outcome.refs, HUB, refuseCodeFor(outcome.findings), outcome.findings, NOW);
    assert.equal(receipt.refuseCode, 'syntaksfejl');
    assert.equal(receipt.originalEnvelopeIdentifier, 'ukendt');
    assert.equal(receipt.originalSenderEan, 'ukendt');
    assert.deepEqual(receipt.originalLetters, []);
    assert.match(receipt.refuseText ?? '', /^\/: not well-formed XML at line 1, column 1/);
    assert.deepEqual(readReceipt(writeReceipt(receipt)), receipt);
  });

  it('keeps a receipt valid when the original references are too long', () => {
    const xml = writeEmessage(message())
      .replace('<Identifier>E000000000001</Identifier>', '<Identifier>E0000000000000000000001</Identifier>')
      .replace('<VersionCode>XR0131K</VersionCode>', '<VersionCode>XR0131K-EXTRA</VersionCode>');
    const outcome = readEmessage(xml);
    const receipt = negativeReceipt(outcome.refs, HUB, refuseCodeFor(outcome.findings), outcome.findings, NOW);
    assert.equal(receipt.originalEnvelopeIdentifier, 'E0000000000000');
    assert.equal(receipt.originalLetters[0]?.versionCode, 'XR0131K');
    assert.deepEqual(readReceipt(writeReceipt(receipt)), receipt);
  });

  it('bounds RefuseText and says how many more errors there were', () => {
    const findings = Array.from({ length: 120 }, (_, index) => error(`/Emessage/Foo[${index + 1}]`));
    const receipt = negativeReceipt({ letters: [] }, HUB, 'syntaksfejl', findings, NOW);
    const lines = receipt.refuseText?.split('\n') ?? [];
    assert.equal(lines.length, 50);
    assert.equal(lines[49], '... and 71 more errors');
    assert.equal(lines[0], '/Emessage/Foo[1]: wrong');
  });

  it('leaves warnings out of RefuseText', () => {
    const findings: Finding[] = [error('/a'), { severity: 'warning', path: '/b', message: 'recommended' }];
    assert.equal(negativeReceipt({ letters: [] }, HUB, 'syntaksfejl', findings, NOW).refuseText, '/a: wrong');
  });

  it('refuseCodeFor: version, receiver, syntax, or unspecified', () => {
    assert.equal(refuseCodeFor([error('/Emessage/LaboratoryReport/Letter/VersionCode', 'version'), error('/x')]), 'problem_med_version');
    assert.equal(refuseCodeFor([error('/Emessage/LaboratoryReport/Letter/VersionCode')]), 'problem_med_version');
    assert.equal(refuseCodeFor([error('/Emessage/LaboratoryReport/Receiver/EANIdentifier', 'length')]), 'problem_med_modtagerID');
    assert.equal(refuseCodeFor([error('/Emessage/LaboratoryReport/Patient/Consent', 'project-rule')]), 'syntaksfejl');
    assert.equal(refuseCodeFor([error('/', 'not-well-formed')]), 'syntaksfejl');
    assert.equal(refuseCodeFor([{ severity: 'warning', path: '/x', message: 'w' }]), 'ikke_specificeret');
    assert.equal(refuseCodeFor([]), 'ikke_specificeret');
  });

  it('readReceipt refuses what is not a receipt, saying why', () => {
    assert.throws(() => readReceipt(writeEmessage(message())), /not a MedCom receipt: the root is \{http:\/\/rep\.oio\.dk\/medcom\.dk\/xml\/schemas\/2014\/10\/08\/\}Emessage holding LaboratoryReport/);
    assert.throws(() => readReceipt('<Emessage'), /not a MedCom receipt: \/: not well-formed XML/);
    const receipt = writeReceipt(positiveReceipt({ letters: [] }, HUB, NOW));
    assert.throws(() => readReceipt(receipt.replace('XC0330Q', 'XC0230Q')), /VersionCode: the value "XC0230Q" is not allowed: a PositiveReceipt must have XC0330Q/);
    assert.throws(() => readReceipt(receipt.replace(/<Sender>[\s\S]*?<\/Sender>/, '')), /required element Sender is missing/);
  });

  it('readReceipts reads every receipt of an Emessage', () => {
    const positive = writeReceipt(positiveReceipt({ letters: [] }, HUB, NOW));
    const negative = writeReceipt(negativeReceipt({ letters: [] }, HUB, 'ikke_specificeret', [], NOW));
    const both = positive.replace('</Emessage>', negative.slice(negative.indexOf('<NegativeReceipt>'), negative.indexOf('</Emessage>')) + '</Emessage>');
    assert.deepEqual(readReceipts(both).map((receipt) => receipt.kind), ['XCTL03', 'XCTL02']);
  });
});
