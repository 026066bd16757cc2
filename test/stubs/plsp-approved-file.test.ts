/** PLSP_APPROVED_SYSTEMS_FILE: a test camp approves a new vendor's system while the hub runs (LABA-01 still holds). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { writeApprovedSystems } from '../../testcamp/approvals';
import { isApproved, readPlspConfig } from '../../stubs/plsp/config';

test('systems in the file are approved as soon as it is written, and no longer once it is rewritten without them', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-approved-'));
  try {
    const file = path.join(dir, 'godkendte-systemer.txt');
    const config = readPlspConfig({ PLSP_LABA_URL: 'http://laba.invalid', PLSP_MIBA_URL: 'http://miba.invalid', PLSP_APPROVED_SYSTEMS: 'Pilot-LPS', PLSP_APPROVED_SYSTEMS_FILE: file });
    assert.equal(isApproved(config, 'Pilot-LPS'), true);
    assert.equal(isApproved(config, 'Mit-LPS'), false, 'a missing file approves no one more');
    writeApprovedSystems(file, ['Mit-LPS']);
    assert.equal(isApproved(config, 'Mit-LPS'), true);
    assert.equal(isApproved(config, '# LPS-systemer godkendt på testcampen (skrevet af lokalsvar testcamp)'), false, 'comments are not names');
    writeApprovedSystems(file, ['Andet-LPS']);
    assert.equal(isApproved(config, 'Mit-LPS'), false);
    assert.equal(isApproved(config, 'Andet-LPS'), true);
    writeFileSync(file, '  Tredje-LPS  \n\n');
    assert.equal(isApproved(config, 'Tredje-LPS'), true);
    assert.equal(isApproved(config, 'Ukendt-LPS'), false, 'LABA-01: a system nobody approved is still refused');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
