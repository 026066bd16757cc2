import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countReport } from '../../scripts/summarize-reports';

test('counts passed, failed (failure or error) and skipped test cases across nested suites', () => {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  countReport(
    `<testsuites><testsuite name="a"><testcase name="1"/><testcase name="2"><failure message="x"/></testcase>
     <testsuite name="b"><testcase name="3"><skipped/></testcase><testcase name="4"><error/></testcase></testsuite></testsuite></testsuites>`,
    counts,
  );
  assert.deepEqual(counts, { passed: 1, failed: 2, skipped: 1 });
});

test('reads a single top-level testsuite as cucumber writes it', () => {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  countReport('<testsuite name="lokalsvar-e2e" tests="2"><testcase name="a"/><testcase name="b"/></testsuite>', counts);
  assert.deepEqual(counts, { passed: 2, failed: 0, skipped: 0 });
});
