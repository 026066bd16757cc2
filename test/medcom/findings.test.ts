/** Every kind of finding: where it points (XPath-like, 1-based indexes), what it says, how severe it is. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateEmessage, writeEmessage, type Finding } from '../../medcom';
import { crpReport, message, strepAReport } from '../../corpora/medcom/fixtures';

const XRPT01 = writeEmessage(message());
const XRPT05 = writeEmessage(message(strepAReport()));

function only(xml: string, options: Parameters<typeof validateEmessage>[1] = {}): Finding {
  const findings = validateEmessage(xml, options);
  assert.equal(findings.length, 1, JSON.stringify(findings, null, 2));
  return findings[0] as Finding;
}

function edit(xml: string, from: string, to: string): string {
  assert.ok(xml.includes(from), `fixture lacks ${from}`);
  return xml.replace(from, to);
}

describe('findings', () => {
  it('none for valid XRPT01 and XRPT05 messages', () => {
    assert.deepEqual(validateEmessage(XRPT01), []);
    assert.deepEqual(validateEmessage(XRPT05), []);
  });

  it('enumeration: names the value, the allowed values and the exact path with the result index', () => {
    const xml = XRPT01.replace(/<AnalysisCodeType>iupac<\/AnalysisCodeType>/g, (match, offset: number) =>
      offset > XRPT01.indexOf('NPU27300') ? '<AnalysisCodeType>NPU</AnalysisCodeType>' : match,
    );
    const finding = only(xml);
    assert.equal(finding.kind, 'enumeration');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.path, '/Emessage/LaboratoryReport/LaboratoryResults/Result[2]/Analysis/AnalysisCodeType');
    assert.match(finding.message, /"NPU" is not allowed; allowed values: iupac, mds, lokal/);
    assert.equal(typeof finding.line, 'number');
  });

  it('length: says how long the value is and what is allowed', () => {
    const finding = only(edit(XRPT01, '<Value>26</Value>', '<Value>1234567890123</Value>'));
    assert.equal(finding.kind, 'length');
    assert.equal(finding.path, '/Emessage/LaboratoryReport/LaboratoryResults/Result[1]/Value');
    assert.match(finding.message, /13 characters long; 1 to 12 are allowed/);
  });

  it('length: an empty required value', () => {
    const finding = only(edit(XRPT01, '<Identifier>E000000000001</Identifier>', '<Identifier></Identifier>'));
    assert.equal(finding.path, '/Emessage/Envelope/Identifier');
    assert.match(finding.message, /empty; 1 to 14 characters are allowed/);
  });

  it('pattern: xs:date, hh:mm times and 10-digit CPR numbers', () => {
    const date = only(edit(XRPT01, '<Date>2025-03-14</Date>', '<Date>14-03-2025</Date>'));
    assert.equal(date.kind, 'pattern');
    assert.equal(date.path, '/Emessage/Envelope/Sent/Date');
    assert.match(date.message, /not a date: write YYYY-MM-DD/);

    assert.match(only(edit(XRPT01, '<Date>2025-03-14</Date>', '<Date>2025-02-29</Date>')).message, /not a date/);

    const time = only(edit(XRPT01, '<Time>12:00</Time>', '<Time>24:00</Time>'));
    assert.equal(time.path, '/Emessage/Envelope/Sent/Time');
    assert.match(time.message, /hh:mm/);

    const cpr = only(edit(XRPT01, '1502799995', '150279-9995'));
    assert.equal(cpr.path, '/Emessage/LaboratoryReport/Patient/CivilRegistrationNumber');
    assert.match(cpr.message, /10 digits without a dash/);
  });

  it('version: a letter with another VersionCode', () => {
    const finding = only(edit(XRPT01, '<VersionCode>XR0131K</VersionCode>', '<VersionCode>XR0130F</VersionCode>'));
    assert.equal(finding.kind, 'version');
    assert.equal(finding.path, '/Emessage/LaboratoryReport/Letter/VersionCode');
    assert.match(finding.message, /XRPT01 LaboratoryReport must have XR0131K/);
    assert.equal(only(edit(XRPT05, '<VersionCode>XR0532M', '<VersionCode>XR0131K')).kind, 'version');
  });

  it('missing-element: names the missing element, where it belongs, and why (DEL-02 for the producer)', () => {
    const start = XRPT01.indexOf('<ProducerOfLabResult>');
    const end = XRPT01.indexOf('</ProducerOfLabResult>') + '</ProducerOfLabResult>'.length;
    const finding = only(XRPT01.slice(0, start) + XRPT01.slice(end));
    assert.equal(finding.kind, 'missing-element');
    assert.equal(finding.path, '/Emessage/LaboratoryReport/LaboratoryResults/Result[1]/ProducerOfLabResult');
    assert.match(finding.message, /required element ProducerOfLabResult is missing after Analysis \(found ReferenceInterval instead\): every result must name its producer \(DEL-02\)/);
  });

  it('missing-element at the end of an element', () => {
    const finding = only(edit(XRPT01, '<AcknowledgementCode>pluspositivkvitt</AcknowledgementCode>', ''));
    assert.equal(finding.path, '/Emessage/Envelope/AcknowledgementCode');
    assert.match(finding.message, /required element AcknowledgementCode is missing after Identifier/);
  });

  it('missing-element with a choice: lists what may come', () => {
    const finding = only(edit(XRPT01, '<CivilRegistrationNumber>1502799995</CivilRegistrationNumber>', ''));
    assert.equal(finding.kind, 'missing-element');
    assert.equal(finding.path, '/Emessage/LaboratoryReport/Patient');
    assert.match(finding.message, /Patient is incomplete: expected one of CivilRegistrationNumber, AlternativeIdentifier as the first element in Patient \(found PersonSurnameName instead\)/);
  });

  it('unexpected-element: out of order, unknown, or in another namespace', () => {
    const swapped = edit(edit(XRPT01, '<Value>26</Value>', ''), '<Unit>mg/L</Unit>', '<Unit>mg/L</Unit><Value>26</Value>');
    const order = only(swapped);
    assert.equal(order.kind, 'missing-element');
    assert.match(order.message, /required element Value is missing after ResultType \(found Unit instead\)/);

    const unknown = only(edit(XRPT01, '<Unit>mg/L</Unit>', '<Unit>mg/L</Unit><Colour>red</Colour>'));
    assert.equal(unknown.kind, 'unexpected-element');
    assert.equal(unknown.path, '/Emessage/LaboratoryReport/LaboratoryResults/Result[1]/Colour');
    assert.match(unknown.message, /Result has no element Colour; expected ResultValidation/);

    const twice = only(edit(XRPT01, '<Unit>mg/L</Unit>', '<Unit>mg/L</Unit><Unit>mg/L</Unit>'));
    assert.equal(twice.path, '/Emessage/LaboratoryReport/LaboratoryResults/Result[1]/Unit[2]');
    assert.match(twice.message, /out of order or repeated more often than the schema allows/);

    const foreign = only(edit(XRPT01, '<Unit>mg/L</Unit>', '<Unit>mg/L</Unit><x:Note xmlns:x="urn:x">n</x:Note>'));
    assert.match(foreign.message, /<x:Note> is in namespace urn:x/);
  });

  it('unexpected-element: more results than the schema allows (99)', () => {
    const report = crpReport();
    report.results = Array.from({ length: 100 }, () => report.results[0]!);
    const finding = only(writeEmessage(message(report)));
    assert.equal(finding.path, '/Emessage/LaboratoryReport/LaboratoryResults/Result[100]');
    assert.match(finding.message, /nothing more is allowed in LaboratoryResults/);
  });

  it('content: text among elements, elements in a value, text in an empty element', () => {
    const text = only(edit(XRPT01, '<Sender>', '<Sender>hello'));
    assert.equal(text.kind, 'content');
    assert.equal(text.path, '/Emessage/LaboratoryReport/Sender');
    const element = only(edit(XRPT01, '<Value>26</Value>', '<Value>2<b>6</b></Value>'));
    assert.equal(element.kind, 'content');
    assert.match(element.message, /Value holds a value, not elements: remove <b>/);
    const empty = only(edit(XRPT01, 'fejlindtastet.</ResultComments>', 'fejlindtastet.<Break>x</Break></ResultComments>'));
    assert.match(empty.message, /Break must be empty/);
  });

  it('attribute: MedCom elements take none', () => {
    const finding = only(edit(XRPT01, '<Sender>', '<Sender id="1">'));
    assert.equal(finding.kind, 'attribute');
    assert.equal(finding.path, '/Emessage/LaboratoryReport/Sender');
    assert.match(finding.message, /attribute id is not allowed/);
  });

  it('wrong-root: another root, no namespace, or a 2005 document', () => {
    assert.equal(only('<Foo/>').kind, 'wrong-root');
    assert.match(only(XRPT01.replace(' xmlns="http://rep.oio.dk/medcom.dk/xml/schemas/2014/10/08/"', '')).message, /add xmlns=/);
    assert.match(only('<Emessage xmlns="http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2005/08/07/"/>').message, /2005\/08\/07 set/);
  });

  it('not-well-formed: exactly one error, at the deepest open element, with line and column', () => {
    const xml = edit(XRPT01, '<Value>26</Value>', '<Value>26</Valeu>');
    const finding = only(xml);
    assert.equal(finding.kind, 'not-well-formed');
    // the path names what was read so far: the second Result was never reached
    assert.equal(finding.path, '/Emessage/LaboratoryReport/LaboratoryResults/Result/Value');
    const line = xml.slice(0, xml.indexOf('</Valeu>')).split('\n').length;
    const column = xml.indexOf('</Valeu>') - xml.lastIndexOf('\n', xml.indexOf('</Valeu>'));
    assert.equal(finding.message, `not well-formed XML at line ${line}, column ${column}: the end tag </Valeu> does not match the start tag <Value>`);
    assert.equal(only('').path, '/');
    assert.match(only('').message, /line 1, column 1: the document has no root element/);
    assert.match(only(edit(XRPT01, '26', '2 & 6')).message, /'&' must start a reference/);
    assert.match(only(edit(XRPT01, '26', '&nbsp;')).message, /entity &nbsp; is not defined/);
    assert.match(only(`${XRPT01}<more/>`).message, /a second root element after the end of the root element/);
  });

  it('project-rule: consent must be explicit (error)', () => {
    const finding = only(edit(XRPT01, '<Consent>\n        <Given>true</Given>\n      </Consent>\n', ''));
    assert.equal(finding.kind, 'project-rule');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.path, '/Emessage/LaboratoryReport/Patient/Consent');
    assert.match(finding.message, /consent must be stated explicitly.*DEL-03/);
    assert.deepEqual(validateEmessage(edit(XRPT01, '<Consent>\n        <Given>true</Given>\n      </Consent>\n', ''), { rules: 'schema' }), []);
  });

  it('project-rule: the national sample number is recommended (warning only, LABA-03)', () => {
    const finding = only(edit(XRPT05, '<RequesterSampleIdentifier>0123456791</RequesterSampleIdentifier>', ''));
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.path, '/Emessage/MicrobiologyWebReport/RequisitionInformation/Sample/RequesterSampleIdentifier');
    assert.match(finding.message, /LABA-03/);
  });

  it('project-rule: a blank producer is no producer (DEL-02)', () => {
    const finding = only(edit(XRPT05, '<IdentifierCode>LPX</IdentifierCode>\n          </ProducerOfLabResult>', '<IdentifierCode> </IdentifierCode>\n          </ProducerOfLabResult>'));
    assert.equal(finding.path, '/Emessage/MicrobiologyWebReport/LaboratoryResults/Investigation/Examination/ProducerOfLabResult/IdentifierCode');
    assert.match(finding.message, /blank: every result must name its producer \(DEL-02\)/);
  });

  it('project-rule: letters other than XRPT01/XRPT05 are not taken', () => {
    const xml = edit(XRPT01, '</Emessage>', '<MicrobiologyReport/></Emessage>');
    const finding = only(xml);
    assert.equal(finding.path, '/Emessage/MicrobiologyReport');
    assert.match(finding.message, /MicrobiologyReport letters are not taken here/);
  });

  it('XRPT05 rules differ from XRPT01 where the schemas differ', () => {
    const local = only(edit(XRPT05, '<IdentifierCode>ydernummer</IdentifierCode>', '<IdentifierLocal>LPX</IdentifierLocal>'));
    assert.equal(local.path, '/Emessage/MicrobiologyWebReport/Sender/IdentifierLocal');
    assert.match(local.message, /Sender has no element IdentifierLocal; expected IdentifierCode/);
    const examinator = only(edit(XRPT05, '<Examinator>Lægerne Testgade</Examinator>', ''));
    assert.equal(examinator.path, '/Emessage/MicrobiologyWebReport/LaboratoryResults/Investigation/Examination/Examinator');
    const producer = only(edit(XRPT05, '<Identifier>Lægerne Testgade</Identifier>', '<Identifier>Lægerne Testgade og Co</Identifier>'));
    assert.match(producer.message, /22 characters long; 1 to 17 are allowed/);
  });

  it('reports several faults in one message, in document order', () => {
    const xml = edit(edit(XRPT01, '<Value>52</Value>', '<Value></Value>'), '<ResultType>numerisk</ResultType>', '<ResultType>tal</ResultType>');
    const findings = validateEmessage(xml);
    assert.deepEqual(
      findings.map((f) => f.path),
      ['/Emessage/LaboratoryReport/LaboratoryResults/Result[1]/ResultType', '/Emessage/LaboratoryReport/LaboratoryResults/Result[2]/Value'],
    );
  });
});
