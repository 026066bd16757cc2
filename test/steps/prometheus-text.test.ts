import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sumOf } from '../../steps/support/prometheus-text';

const TEXT = `# HELP plsp_results_shared_total x
# TYPE plsp_results_shared_total counter
plsp_results_shared_total{lps_system="Pilot-LPS",letter_type="XRPT01"} 3
plsp_results_shared_total{lps_system="Pilot-LPS",letter_type="XRPT05"} 2
plsp_results_shared_total{lps_system="Other",letter_type="XRPT01"} 7
plsp_results_shared_totally_other 100
`;

test('sums the samples whose labels match', () => {
  assert.equal(sumOf(TEXT, 'plsp_results_shared_total', { lps_system: 'Pilot-LPS' }), 5);
  assert.equal(sumOf(TEXT, 'plsp_results_shared_total'), 12);
  assert.equal(sumOf(TEXT, 'plsp_results_shared_total', { letter_type: 'XRPT05' }), 2);
});

test('a metric that is not there counts 0', () => {
  assert.equal(sumOf(TEXT, 'plsp_results_forwarded_total', { databank: 'LABA' }), 0);
});
