/**
 * Hostile input: every case yields findings (never a hang, crash or file read). The per-test timeout guards
 * against hangs; the time taken is printed, not asserted.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { readEmessage, validateEmessage, writeEmessage, type Finding } from '../../medcom';
import { message } from '../../corpora/medcom/fixtures';

const NS = 'http://rep.oio.dk/medcom.dk/xml/schemas/2014/10/08/';
const GUARD = { timeout: 10_000 };

function run(t: TestContext, xml: string): Finding[] {
  const start = process.hrtime.bigint();
  const findings = validateEmessage(xml);
  t.diagnostic(`${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(1)} ms for ${xml.length} characters`);
  return findings;
}

function single(t: TestContext, xml: string, kind: Finding['kind'], pattern: RegExp): Finding {
  const findings = run(t, xml);
  assert.equal(findings.length, 1, JSON.stringify(findings).slice(0, 2000));
  const finding = findings[0] as Finding;
  assert.equal(finding.kind, kind);
  assert.match(finding.message, pattern);
  return finding;
}

describe('hostile input', () => {
  it('billion laughs: the DOCTYPE is refused, no entity is expanded', GUARD, (t) => {
    const entities = Array.from({ length: 10 }, (_, level) =>
      level === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`,
    ).join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE Emessage [${entities}]><Emessage xmlns="${NS}">&lol9;</Emessage>`;
    single(t, xml, 'unsafe', /DOCTYPE declaration is not accepted/);
  });

  it('external entity to /etc/passwd: refused, nothing read', GUARD, (t) => {
    const xml = `<?xml version="1.0"?><!DOCTYPE Emessage [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Emessage xmlns="${NS}">&xxe;</Emessage>`;
    const finding = single(t, xml, 'unsafe', /DOCTYPE/);
    assert.doesNotMatch(JSON.stringify(finding), /root:/);
    const outcome = readEmessage(xml);
    assert.doesNotMatch(JSON.stringify(outcome), /root:/);
  });

  it('an external DTD or parameter entities: refused', GUARD, (t) => {
    single(t, `<!DOCTYPE Emessage SYSTEM "http://attacker.invalid/x.dtd"><Emessage xmlns="${NS}"/>`, 'unsafe', /DOCTYPE/);
    single(t, `<!DOCTYPE Emessage [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><Emessage/>`, 'unsafe', /DOCTYPE/);
  });

  it('an entity reference without a DTD is simply undefined', GUARD, (t) => {
    single(t, `<Emessage xmlns="${NS}">&xxe;</Emessage>`, 'not-well-formed', /the entity &xxe; is not defined/);
  });

  it('deep nesting: refused at the depth limit, no stack overflow', GUARD, (t) => {
    const xml = `<Emessage xmlns="${NS}">${'<a>'.repeat(200_000)}`;
    const finding = single(t, xml, 'unsafe', /nested deeper than 64 levels/);
    assert.equal(finding.path.split('/').length - 1, 64);
  });

  it('nesting just within the limit is parsed and judged by the schema', GUARD, (t) => {
    const xml = `<Emessage xmlns="${NS}">${'<a>'.repeat(63)}${'</a>'.repeat(63)}</Emessage>`;
    const findings = run(t, xml);
    assert.ok(findings.every((finding) => finding.kind !== 'unsafe'));
    assert.ok(findings.length > 0);
  });

  it('a huge file: refused by size before parsing', GUARD, (t) => {
    const xml = `<Emessage xmlns="${NS}">${'<Envelope/>'.repeat(600_000)}</Emessage>`;
    single(t, xml, 'unsafe', /the limit is 5242880 bytes/);
  });

  it('a big file within the limit with thousands of faults: findings are bounded', GUARD, (t) => {
    const xml = `<Emessage xmlns="${NS}"><Envelope>${'<Foo/>'.repeat(100_000)}</Envelope>${'<LaboratoryReport/>'.repeat(50_000)}</Emessage>`;
    const findings = run(t, xml);
    assert.ok(findings.length <= 101, `${findings.length} findings`);
  });

  it('thousands of attributes on one element', GUARD, (t) => {
    const attributes = Array.from({ length: 200_000 }, (_, index) => ` a${index}="x"`).join('');
    const findings = run(t, `<Emessage xmlns="${NS}"${attributes}/>`);
    assert.ok(findings.length > 0 && findings.length <= 101);
    single(t, `<Emessage xmlns="${NS}"${attributes} a7="y"/>`, 'not-well-formed', /attribute a7 is given twice/);
  });

  it('a long XML declaration, comment or text does not backtrack', GUARD, (t) => {
    single(t, `<?xml version="1.0"${' '.repeat(3_000_000)}x?><Emessage/>`, 'not-well-formed', /malformed XML declaration/);
    single(t, `<Emessage xmlns="${NS}"><!--${'-'.repeat(3_000_000)}`, 'not-well-formed', /'--' is not allowed inside a comment/);
    const text = writeEmessage(message()).replace('<Value>26</Value>', `<Value>${'&amp;'.repeat(900_000)}</Value>`);
    single(t, text, 'length', /900000 characters long/);
  });

  it('characters XML forbids, and broken surrogates', GUARD, (t) => {
    single(t, `<Emessage xmlns="${NS}">\u0000</Emessage>`, 'not-well-formed', /character U\+0000 is not allowed/);
    single(t, `<Emessage xmlns="${NS}">\uD800x</Emessage>`, 'not-well-formed', /character U\+D800 is not allowed/);
    single(t, `<Emessage xmlns="${NS}">&#0;</Emessage>`, 'not-well-formed', /names U\+0000, which XML does not allow/);
  });

  it('a truncated message at every length gives one finding and never throws', GUARD, () => {
    const xml = writeEmessage(message());
    for (let length = 0; length < xml.length; length += 7) {
      const outcome = readEmessage(xml.slice(0, length));
      assert.equal(outcome.message, undefined);
      assert.ok(outcome.findings.length >= 1);
    }
  });

  it('not a string of XML at all (binary noise) gives findings', GUARD, (t) => {
    let seed = 7;
    const noise = Array.from({ length: 100_000 }, () => String.fromCharCode(((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 0x7e) + 1)).join('');
    assert.ok(run(t, noise).length >= 1);
    assert.ok(run(t, `<${noise}`).length >= 1);
  });
});
