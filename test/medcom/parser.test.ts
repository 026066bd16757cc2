/** The XML parser: what it accepts as XML, how it resolves names and text, and how it reports failures. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeXmlBytes } from '../../medcom';
import { parseXml } from '../../medcom/xml/parse';

function root(xml: string) {
  const result = parseXml(xml);
  assert.equal(result.failure, undefined, result.failure?.reason);
  return result.root!;
}

function failure(xml: string) {
  const result = parseXml(xml);
  assert.ok(result.failure, 'expected a failure');
  return result.failure;
}

describe('parseXml', () => {
  it('resolves default and prefixed namespaces, scoped to their element', () => {
    const tree = root('<a xmlns="urn:a" xmlns:p="urn:p"><p:b><c/></p:b><d xmlns="urn:d"/><e/></a>');
    assert.equal(tree.ns, 'urn:a');
    assert.deepEqual(tree.children.map((child) => [child.local, child.ns]), [['b', 'urn:p'], ['d', 'urn:d'], ['e', 'urn:a']]);
    assert.equal(tree.children[0]?.children[0]?.ns, 'urn:a');
  });

  it("gives each element's source range, start tag to end tag, so a part can be cut out byte for byte", () => {
    const xml = '<?xml version="1.0"?>\n<a xmlns="urn:a">\n  <b x="1"><c/>t&amp;</b >\n  <d/>\n</a>';
    const tree = root(xml);
    const [b, d] = tree.children;
    assert.equal(xml.slice(b!.offset, b!.end), '<b x="1"><c/>t&amp;</b >');
    assert.equal(xml.slice(b!.children[0]!.offset, b!.children[0]!.end), '<c/>');
    assert.equal(xml.slice(d!.offset, d!.end), '<d/>');
    assert.equal(tree.end, xml.length);
  });

  it('resolves references, CDATA and line ends in text', () => {
    const tree = root('<a>x &lt;&amp;&gt;&quot;&apos; &#65;&#x42; <![CDATA[<raw>&]]>\r\ny\rz</a>');
    assert.equal(tree.text, 'x <&>"\' AB <raw>&\ny\nz');
  });

  it('keeps comments and processing instructions out of the text', () => {
    assert.equal(root('<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><?pi x?><a>1<!-- c -->2<?pi?>3</a><!-- after -->').text, '123');
  });

  it('skips a byte order mark', () => {
    assert.equal(root('\uFEFF<a/>').local, 'a');
  });

  it('records where each child sits in its parent text (for mixed content)', () => {
    const tree = root('<a>one<b/>two<c/>three</a>');
    assert.equal(tree.text, 'onetwothree');
    assert.deepEqual(tree.children.map((child) => child.textOffset), [3, 6]);
  });

  it('normalises whitespace in attribute values', () => {
    assert.equal(root('<a x="1\t2\n3"/>').attributes[0]?.value, '1 2 3');
  });

  it('reports line and column of the first fault', () => {
    const fault = failure('<a>\n  <b>\n  </c>\n</a>');
    assert.deepEqual([fault.line, fault.column], [3, 3]);
    assert.match(fault.reason, /end tag <\/c> does not match the start tag <b>/);
    assert.equal(fault.openElement?.local, 'b');
  });

  it('refuses what XML does not allow', () => {
    const cases: [string, RegExp][] = [
      ['<a><b></a>', /does not match/],
      ['<a>', /ends inside <a>/],
      ['<a x="1" x="2"/>', /given twice/],
      ['<a x=1/>', /must be in quotes/],
      ['<a x="<"/>', /'<' is not allowed in the value/],
      ['<p:a/>', /prefix p of p:a is not declared/],
      ['<a xmlns:p=""/>', /cannot be bound to an empty namespace/],
      ['<a>]]></a>', /']]>' is not allowed in text/],
      ['<a><!-- a -- b --></a>', /'--' is not allowed inside a comment/],
      ['<a/><?xml version="1.0"?>', /only allowed at the very start/],
      ['<?xml version="1.0" standalone="maybe"?><a/>', /malformed XML declaration/],
      ['text<a/>', /text before the root element/],
      ['<a/>text', /text after the end of the root element/],
      ['<1a/>', /'1' \(U\+0031\) cannot start a name/],
      ['<a:b:c xmlns:a="u"/>', /not a valid qualified name/],
      ['<a>&#xD800;</a>', /names U\+D800/],
      ['<a b="1"c="2"/>', /whitespace is required between attributes/],
      ['<a\u{10FFFF}/>', /whitespace is required between attributes in <a>/],
      ['<\u{F0000}/>', /\(U\+F0000\) cannot start a name/],
      ['<a><?p:i x?></a>', /target p:i contains ':'/],
      ['<?xml\u00A0version="1.0"?><a/>', /only allowed at the very start/],
      ['<?xml version="1.0"\u2028?><a/>', /malformed XML declaration/],
      ['<?xml version="1.1"?><a/>', /XML version 1\.1 is not accepted: MedCom messages are XML 1\.0/],
    ];
    for (const [xml, reason] of cases) assert.match(failure(xml).reason, reason, xml);
  });
});

describe('parseXml, the rest of what the W3C suite holds it to', () => {
  it('takes astral name characters, and character references with many leading zeros', () => {
    assert.equal(parseXml('<a\u{10000}\u{EFFFF}/>').failure, undefined);
    assert.equal(parseXml('<a>&#0000000000000000009;&#x000000000000000000041;</a>').root?.text, '\tA');
  });

  it('decodes bytes strictly and names the byte offset of a bad one', () => {
    const result = parseXml(Buffer.from([0x3c, 0x61, 0x3e, 0x0a, 0xe6, 0x3c, 0x2f, 0x61, 0x3e]));
    assert.equal(result.failure?.reason, 'the bytes are not valid UTF-8: the first bad byte is at byte offset 4');
    assert.deepEqual([result.failure?.line, result.failure?.column], [2, 1]);
    assert.equal(parseXml(Buffer.from('<a>æ</a>', 'latin1'), { charset: 'ISO-8859-1' }).root?.text, 'æ');
  });
});

describe('decodeXmlBytes', () => {
  it('decodes UTF-8 (with or without BOM), UTF-16 with BOM and declared ISO-8859-1', () => {
    assert.deepEqual(decodeXmlBytes(Buffer.from('<a>æ</a>')), { text: '<a>æ</a>', encoding: 'UTF-8' });
    assert.deepEqual(decodeXmlBytes(Buffer.from('\uFEFF<a>æ</a>')), { text: '<a>æ</a>', encoding: 'UTF-8' });
    assert.deepEqual(decodeXmlBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a>æ</a>', 'utf16le')])), { text: '<a>æ</a>', encoding: 'UTF-16LE' });
    assert.deepEqual(decodeXmlBytes(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>æ</a>', 'latin1')), {
      text: '<?xml version="1.0" encoding="ISO-8859-1"?><a>æ</a>',
      encoding: 'ISO-8859-1',
    });
    assert.deepEqual(decodeXmlBytes(Buffer.from('<a>æ</a>', 'latin1'), 'iso-8859-1'), { text: '<a>æ</a>', encoding: 'ISO-8859-1' });
  });

  it('reports bytes that are not UTF-8 and encodings it does not take', () => {
    assert.deepEqual(decodeXmlBytes(Buffer.from([0x3c, 0x61, 0x3e, 0xe6, 0x3c])), { error: 'the bytes are not valid UTF-8: the first bad byte is at byte offset 3', offset: 3 });
    assert.match((decodeXmlBytes(Buffer.from('<?xml version="1.0" encoding="EBCDIC"?><a/>')) as { error: string }).error, /EBCDIC \(in the XML declaration\) is not supported/);
    assert.match((decodeXmlBytes(Buffer.from('<a>x</a>', 'utf16le')) as { error: string }).error, /UTF-16 without a byte order mark/);
    assert.match((decodeXmlBytes(Buffer.from([0xff, 0xfe, 0x3c, 0x00, 0x00, 0xdc])) as { error: string }).error, /not valid UTF-16LE: the first bad byte is at byte offset 4/);
  });

  it('refuses a byte order mark or an HTTP charset that contradicts the declaration', () => {
    const latin = '<?xml version="1.0" encoding="iso-8859-1"?><a/>';
    assert.match((decodeXmlBytes(Buffer.from(`\uFEFF${latin}`)) as { error: string }).error, /byte order mark says UTF-8 but the document is declared ISO-8859-1/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="utf-8"?><a/>', 'utf16le')]);
    assert.match((decodeXmlBytes(utf16) as { error: string }).error, /byte order mark says UTF-16LE but the document is declared UTF-8/);
    assert.match((decodeXmlBytes(Buffer.from(latin), 'utf-8') as { error: string }).error, /declaration says encoding="iso-8859-1" but the HTTP Content-Type says charset=utf-8/);
  });
});
