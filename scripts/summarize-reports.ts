/**
 * Prints one line for the whole run, `N passed, N failed, N skipped`, from every JUnit report the run wrote
 * (platform tests and the suite in each mode). Exit code 1 when a report says something failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const REPORTS = ['reports/unit/junit.xml', 'reports/junit.xml', 'reports/containers/junit.xml'];

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function toArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

type TestCase = { failure?: unknown; error?: unknown; skipped?: unknown };
type Suite = { testcase?: TestCase | TestCase[]; testsuite?: Suite | Suite[] };

function countSuite(suite: Suite, counts: Counts): void {
  for (const testCase of toArray(suite.testcase)) {
    if (testCase.failure !== undefined || testCase.error !== undefined) counts.failed += 1;
    else if (testCase.skipped !== undefined) counts.skipped += 1;
    else counts.passed += 1;
  }
  for (const inner of toArray(suite.testsuite)) countSuite(inner, counts);
}

export function countReport(xml: string, counts: Counts): void {
  const parser = new XMLParser({ ignoreAttributes: true, allowBooleanAttributes: true });
  const document = parser.parse(xml) as { testsuites?: Suite; testsuite?: Suite | Suite[] };
  if (document.testsuites) countSuite(document.testsuites, counts);
  for (const suite of toArray(document.testsuite)) countSuite(suite, counts);
}

function main(): number {
  const root = path.resolve(__dirname, '..');
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const report of REPORTS) {
    const file = path.join(root, report);
    if (existsSync(file)) countReport(readFileSync(file, 'utf8'), counts);
  }
  console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  return counts.failed > 0 ? 1 : 0;
}

if (require.main === module) process.exit(main());
