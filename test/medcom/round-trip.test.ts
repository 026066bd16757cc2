/** Writing and reading: the round trip, escaping, schema order, refs and when a message is handed out. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MEDCOM_NS_2014, readEmessage, validateEmessage, writeEmessage } from '../../medcom';
import { emessage } from '../../corpora/medcom/arbitraries';
import { crpReport, message, strepAReport } from '../../corpora/medcom/fixtures';
import { examplesDir, examplesLooked, skipReason } from '../../medcom/official-xsd/schema-dirs';

describe('writeEmessage then readEmessage', () => {
  it('gives back the same model for any valid message (property)', () => {
    fc.assert(
      fc.property(emessage, (model) => {
        const xml = writeEmessage(model);
        assert.deepEqual(validateEmessage(xml).filter((f) => f.severity === 'error'), []);
        assert.deepEqual(readEmessage(xml).message, model);
      }),
      { numRuns: 300 },
    );
  });

  it('gives back XRPT01 and XRPT05 letters in one message', () => {
    const model = message(crpReport(), strepAReport(), crpReport());
    assert.deepEqual(readEmessage(writeEmessage(model)).message, model);
  });

  it('declares UTF-8 and the 2014/10/08 namespace', () => {
    const xml = writeEmessage(message());
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Emessage xmlns="http:\/\/rep\.oio\.dk\/medcom\.dk\/xml\/schemas\/2014\/10\/08\/">/);
    assert.equal(MEDCOM_NS_2014, 'http://rep.oio.dk/medcom.dk/xml/schemas/2014/10/08/');
  });

  it('writes the elements of a result in schema order', () => {
    const report = crpReport();
    report.results = [
      {
        ...report.results[0]!,
        operator: 'mindre_end',
        resultTextValues: ['a'],
        resultComments: ['b'],
        toLabIdentifier: 'X',
      },
    ];
    const xml = writeEmessage(message(report));
    const order = ['ResultStatusCode', 'Analysis', 'ProducerOfLabResult', 'ReferenceInterval', 'ResultType', 'Operator', 'Value', 'Unit', 'ResultValidation', 'ResultTextValue', 'ResultComments', 'ToLabIdentifier'];
    const positions = order.map((name) => xml.indexOf(`<${name}>`));
    assert.deepEqual([...positions].sort((a, b) => a - b), positions);
    assert.ok(!positions.includes(-1));
  });

  it('escapes text so markup characters, carriage returns and line breaks read back exactly', () => {
    const report = crpReport();
    report.patient.personSurnameName = 'Test <&> "Ø" \r\n';
    report.results[1]!.resultComments = ['første linje\nanden linje & <mere>'];
    const xml = writeEmessage(message(report));
    assert.match(xml, /Test &lt;&amp;&gt; "Ø" &#13;\n/);
    assert.match(xml, /første linje<Break\/>anden linje &amp; &lt;mere&gt;/);
    assert.deepEqual(readEmessage(xml).message, message(report));
  });

  it('refuses text XML cannot carry, naming where it is', () => {
    const report = crpReport();
    report.results[0]!.value = 'a\u0001';
    assert.throws(() => writeEmessage(message(report)), /\/Emessage\/LaboratoryReport\/LaboratoryResults\/Result\/Value: character U\+0001/);
  });

  it('reads the official example files and writes them back to the same model', { skip: examplesDir() ? false : skipReason('the MedCom examples', examplesLooked()) }, () => {
    const dir = examplesDir() as string;
    for (const name of readdirSync(dir).filter((file) => file.startsWith('xrpt'))) {
      const outcome = readEmessage(readFileSync(join(dir, name), 'utf8'));
      assert.ok(outcome.message, `${name}: ${JSON.stringify(outcome.findings)}`);
      assert.deepEqual(readEmessage(writeEmessage(outcome.message)).message, outcome.message);
    }
  });
});

describe('readEmessage', () => {
  it('hands out the message with warnings, but not with errors', () => {
    const report = crpReport();
    delete report.requisitionInformation.sample.requesterSampleIdentifier;
    const warned = readEmessage(writeEmessage(message(report)));
    assert.ok(warned.message);
    assert.deepEqual(warned.findings.map((f) => f.severity), ['warning']);

    delete report.patient.consentGiven;
    const refused = readEmessage(writeEmessage(message(report)));
    assert.equal(refused.message, undefined);
    assert.ok(refused.findings.some((f) => f.severity === 'error'));
  });

  it('reads the references of a valid message', () => {
    const outcome = readEmessage(writeEmessage(message(crpReport(), strepAReport())));
    assert.deepEqual(outcome.refs, {
      envelopeIdentifier: 'E000000000001',
      senderEan: '5790000000000',
      receiverEan: '5790000000001',
      letters: [
        { identifier: 'L000000000001', versionCode: 'XR0131K', kind: 'XRPT01', path: '/Emessage/LaboratoryReport' },
        { identifier: 'L000000000003', versionCode: 'XR0532M', kind: 'XRPT05', path: '/Emessage/MicrobiologyWebReport' },
      ],
    });
  });

  it('reads the references of an invalid message', () => {
    const xml = writeEmessage(message()).replace('<VersionCode>XR0131K', '<VersionCode>XR9999Z').replace('<Value>26</Value>', '');
    const outcome = readEmessage(xml);
    assert.equal(outcome.message, undefined);
    assert.equal(outcome.refs.envelopeIdentifier, 'E000000000001');
    assert.deepEqual(outcome.refs.letters, [{ identifier: 'L000000000001', versionCode: 'XR9999Z', kind: 'XRPT01', path: '/Emessage/LaboratoryReport' }]);
  });

  it('reads the references of a document cut off half way', () => {
    const xml = writeEmessage(message());
    const outcome = readEmessage(xml.slice(0, xml.indexOf('<Patient>')));
    assert.equal(outcome.findings.length, 1);
    assert.equal(outcome.refs.envelopeIdentifier, 'E000000000001');
    assert.equal(outcome.refs.senderEan, '5790000000000');
    assert.equal(outcome.refs.receiverEan, '5790000000001');
    assert.equal(outcome.refs.letters[0]?.identifier, 'L000000000001');
  });

  it('reads MedCom formatting (Break, Space, Bold) as plain text', () => {
    const xml = writeEmessage(message()).replace(
      '<ResultComments>Rettet svar: tidligere afgivet værdi 25 var fejlindtastet.</ResultComments>',
      '<ResultComments>a<Break/>b<Space/>c <Bold>fed<Break/>x</Bold> d</ResultComments>',
    );
    const outcome = readEmessage(xml);
    const report = outcome.message?.letters[0];
    assert.ok(report?.kind === 'XRPT01');
    assert.deepEqual(report.results[1]?.resultComments, ['a\nb c fed\nx d']);
  });

  it('accepts prefixed namespaces and xsi:schemaLocation', () => {
    const xml = writeEmessage(message())
      .replace(/<(\/?)([A-Z])/g, '<$1m:$2')
      .replace('<m:Emessage xmlns=', '<m:Emessage xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="x y" xmlns:m=');
    assert.deepEqual(readEmessage(xml).message, message());
  });
});
