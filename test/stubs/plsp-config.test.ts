/**
 * The hub's configuration from its environment (stubs/plsp/config.ts): every variable read into its field, the
 * defaults, the bounds named in the error, and the approved-systems file (re-read only when it changes).
 */
import assert from 'node:assert/strict';
import fs, { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ApprovedSystemsFile } from '../../stubs/plsp/approved-systems-file';
import { isApproved, readPlspConfig } from '../../stubs/plsp/config';
import { DEFAULT_JOURNAL_LIMITS } from '../../stubs/plsp/journal';

const URLS = { PLSP_LABA_URL: 'http://laba.invalid/', PLSP_MIBA_URL: 'http://miba.invalid' };

test('without optional variables the hub approves every system, takes test persons only and keeps its state in memory', () => {
  assert.deepEqual(readPlspConfig(URLS), {
    labaUrl: 'http://laba.invalid',
    mibaUrl: 'http://miba.invalid',
    ean: '5790000000009',
    approvedSystems: ['*'],
    testCprsOnly: true,
    forwarding: { attempts: 3, backoffMs: 200, timeoutMs: 5_000 },
    databasePath: ':memory:',
    journalLimits: DEFAULT_JOURNAL_LIMITS,
  });
});

test('every variable is read into its own field', () => {
  const config = readPlspConfig({
    ...URLS,
    PLSP_EAN: '5790001234567',
    PLSP_APPROVED_SYSTEMS: 'Pilot-LPS, Andet-LPS',
    PLSP_APPROVED_SYSTEMS_FILE: '/srv/godkendte.txt',
    PLSP_TEST_CPRS_ONLY: 'false',
    PLSP_FORWARD_ATTEMPTS: '5',
    PLSP_FORWARD_BACKOFF_MS: '10',
    PLSP_FORWARD_TIMEOUT_MS: '700',
    PLSP_DB: '/srv/plsp.sqlite',
    LOKALSVAR_HUB_KEY: 'the-hub-key',
    PLSP_JOURNAL_MAX_ENTRIES: '42',
    PLSP_JOURNAL_MAX_BYTES: String(1024 * 1024),
  });
  assert.deepEqual(config, {
    labaUrl: 'http://laba.invalid',
    mibaUrl: 'http://miba.invalid',
    ean: '5790001234567',
    approvedSystems: ['Pilot-LPS', 'Andet-LPS'],
    approvedSystemsFile: new ApprovedSystemsFile('/srv/godkendte.txt'),
    testCprsOnly: false,
    forwarding: { attempts: 5, backoffMs: 10, timeoutMs: 700 },
    databasePath: '/srv/plsp.sqlite',
    hubKey: 'the-hub-key',
    journalLimits: { maxEntries: 42, maxBytes: 1024 * 1024 },
  });
});

test('only PLSP_TEST_CPRS_ONLY=false lets real persons in', () => {
  for (const value of ['true', '', 'no', 'FALSE']) assert.equal(readPlspConfig({ ...URLS, PLSP_TEST_CPRS_ONLY: value }).testCprsOnly, true, value);
});

test("the journal's byte bound is from 1 MiB to 4 GiB, and the error names the variable and the range", () => {
  const range = 'is not a whole number from 1048576 to 4294967296';
  assert.throws(() => readPlspConfig({ ...URLS, PLSP_JOURNAL_MAX_BYTES: '1048575' }), { message: `PLSP_JOURNAL_MAX_BYTES=1048575 ${range}` });
  assert.throws(() => readPlspConfig({ ...URLS, PLSP_JOURNAL_MAX_BYTES: '4294967297' }), { message: `PLSP_JOURNAL_MAX_BYTES=4294967297 ${range}` });
  assert.equal(readPlspConfig({ ...URLS, PLSP_JOURNAL_MAX_BYTES: '4294967296' }).journalLimits?.maxBytes, 4 * 1024 * 1024 * 1024);
});

function inTempDir(run: (dir: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-plsp-config-'));
  try {
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('blank lines and comments in the approved-systems file approve no one', () => {
  inTempDir((dir) => {
    const file = path.join(dir, 'godkendte.txt');
    writeFileSync(file, '# godkendt på testcampen\n\nMit-LPS\n  \n#Andet-LPS\n');
    const config = readPlspConfig({ ...URLS, PLSP_APPROVED_SYSTEMS: 'Pilot-LPS', PLSP_APPROVED_SYSTEMS_FILE: file });
    assert.deepEqual(
      ['Mit-LPS', 'Pilot-LPS', '', '# godkendt på testcampen', '#Andet-LPS', 'Andet-LPS'].map((system) => isApproved(config, system)),
      [true, true, false, false, false, false],
    );
  });
});

test('the approved-systems file is read once per version, not for every message; a removed file approves no one', (context) => {
  inTempDir((dir) => {
    const file = path.join(dir, 'godkendte.txt');
    writeFileSync(file, 'Mit-LPS\n');
    const approved = new ApprovedSystemsFile(file);
    const reads = context.mock.method(fs, 'readFileSync');
    assert.equal(approved.includes('Mit-LPS'), true);
    for (let n = 0; n < 5; n += 1) approved.includes('Mit-LPS');
    assert.equal(reads.mock.callCount(), 1, 'the unchanged file was read again');
    writeFileSync(file, 'Mit-LPS\nAndet-LPS\n');
    assert.equal(approved.includes('Andet-LPS'), true);
    assert.equal(reads.mock.callCount(), 2);
    rmSync(file);
    assert.equal(approved.includes('Mit-LPS'), false);
  });
});

test('a file removed and written again as it was (same size and time, often the same inode) is read again', () => {
  inTempDir((dir) => {
    const file = path.join(dir, 'godkendte.txt');
    const write = () => {
      writeFileSync(file, 'Mit-LPS\n');
      utimesSync(file, 1_700_000_000, 1_700_000_000);
    };
    const approved = new ApprovedSystemsFile(file);
    write();
    assert.equal(approved.includes('Mit-LPS'), true);
    rmSync(file);
    assert.equal(approved.includes('Mit-LPS'), false);
    write();
    assert.equal(approved.includes('Mit-LPS'), true, 'the file written again after its removal is not read');
  });
});
