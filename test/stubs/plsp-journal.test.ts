/** The hub's journal: bounded in bytes and entries, paged, filtered, and kept in a database file across a restart. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { buildPlspApp } from '../../stubs/plsp/app';
import type { HubJournalEntry as JournalEntry } from '../../contracts/plsp';
import { readEmessage } from '../../medcom';
import { contentsOf, MessageJournal } from '../../stubs/plsp/journal';
import { openHubDatabase } from '../../stubs/plsp/state-database';
import { mixedMessage } from '../support/mixed-message';

function entry(n: number, overrides: Partial<JournalEntry> = {}): JournalEntry {
  return {
    envelopeIdentifier: `env-${n}`,
    lpsSystem: n % 2 === 0 ? 'Even-LPS' : 'Odd-LPS',
    receivedAt: new Date(Date.UTC(2026, 10, 25, 9, 0, n)).toISOString(),
    httpStatus: 200,
    receipt: 'XCTL03',
    findings: [],
    receiptXml: '<Emessage/>',
    letterTypes: ['XRPT01'],
    patientIds: [`25124899${String(n).padStart(2, '0')}`],
    analysisCodes: ['NPU19748'],
    ...overrides,
  };
}

test('the journal stays within its byte bound, dropping the oldest entries, and keeps answering', () => {
  const maxBytes = 200_000;
  const journal = new MessageJournal(undefined, { maxEntries: 10_000, maxBytes });
  const big = 'x'.repeat(30_000);
  for (let n = 0; n < 50; n += 1) journal.record(entry(n, { xml: big }));
  const { entries, bytes } = journal.size();
  assert.ok(bytes <= maxBytes, `the journal holds ${bytes} bytes, over its bound of ${maxBytes}`);
  assert.ok(entries >= 5 && entries < 50, `the journal holds ${entries} entries`);
  const listed = journal.list();
  assert.equal(listed[0]?.envelopeIdentifier, 'env-49', 'the newest entry is not listed first');
  assert.equal(listed.length, entries);
  assert.equal(journal.list({ envelope: 'env-0' }).length, 0, 'the oldest entry was kept');
});

test('the journal stays within its entry bound', () => {
  const journal = new MessageJournal(undefined, { maxEntries: 3, maxBytes: 1024 * 1024 });
  for (let n = 0; n < 10; n += 1) journal.record(entry(n));
  assert.deepEqual(journal.list().map((listed) => listed.envelopeIdentifier), ['env-9', 'env-8', 'env-7']);
});

test('the listing is paged newest first: each page names the cursor of the next, the last none', () => {
  const journal = new MessageJournal();
  for (let n = 0; n < 25; n += 1) journal.record(entry(n));
  const seen: string[] = [];
  let before: number | undefined;
  let pages = 0;
  do {
    const page = journal.page({}, { limit: 10, before });
    seen.push(...page.messages.map((listed) => listed.envelopeIdentifier ?? ''));
    before = page.next;
    pages += 1;
  } while (before !== undefined && pages < 10);
  assert.equal(pages, 3);
  assert.deepEqual(seen, Array.from({ length: 25 }, (_, index) => `env-${24 - index}`));
});

test('the filters the drivers use still work: envelope, patient, system and since', () => {
  const journal = new MessageJournal();
  for (let n = 0; n < 10; n += 1) journal.record(entry(n));
  assert.deepEqual(journal.list({ envelope: 'env-3' }).map((listed) => listed.envelopeIdentifier), ['env-3']);
  assert.deepEqual(journal.list({ patient: '2512489904' }).map((listed) => listed.envelopeIdentifier), ['env-4']);
  assert.deepEqual(journal.list({ system: 'Odd-LPS', since: entry(6).receivedAt }).map((listed) => listed.envelopeIdentifier), ['env-9', 'env-7']);
});

test('with a database file the journal survives a restart', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-journal-'));
  try {
    const file = path.join(dir, 'plsp.sqlite');
    const db = openHubDatabase(file);
    new MessageJournal(db).record(entry(1));
    db.close();
    const reopened = openHubDatabase(file);
    const journal = new MessageJournal(reopened);
    assert.deepEqual(journal.list().map((listed) => listed.envelopeIdentifier), ['env-1']);
    assert.ok(journal.size().bytes > 0, 'the byte count is not read back');
    reopened.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('at its byte bound the hub keeps answering: large refused messages, then the listing still answers within the bound', async () => {
  const maxBytes = 2 * 1024 * 1024;
  const app = await buildPlspApp({
    labaUrl: 'http://laba.invalid',
    mibaUrl: 'http://miba.invalid',
    ean: '5790000000009',
    approvedSystems: ['Pilot-LPS'],
    testCprsOnly: true,
    forwarding: { attempts: 1, backoffMs: 0, timeoutMs: 1_000 },
    journalLimits: { maxEntries: 10_000, maxBytes },
  });
  try {
    const large = `<Emessage>${'x'.repeat(200_000)}`;
    for (let n = 0; n < 40; n += 1) {
      const response = await app.inject({ method: 'POST', url: '/plsp/v1/xrpt', payload: large, headers: { 'content-type': 'application/xml', 'x-lps-system': 'Pilot-LPS' } });
      assert.equal(response.statusCode, 400);
    }
    const listing = await app.inject({ method: 'GET', url: '/plsp/v1/messages?limit=1000' });
    assert.equal(listing.statusCode, 200);
    assert.ok(listing.body.length <= maxBytes + 100_000, `the listing is ${listing.body.length} bytes, over the journal's bound`);
    const messages = listing.json<{ messages: unknown[] }>().messages;
    assert.ok(messages.length > 0 && messages.length < 40, `${messages.length} entries kept`);
  } finally {
    await app.close();
  }
});

test('by default the journal keeps the newest 10,000 entries', () => {
  const journal = new MessageJournal();
  for (let n = 0; n < 10_001; n += 1) journal.record(entry(n % 100, { envelopeIdentifier: `env-${n}`, receiptXml: '' }));
  assert.equal(journal.size().entries, 10_000);
  assert.deepEqual(journal.list({ envelope: 'env-0' }), []);
  assert.equal(journal.list({ envelope: 'env-1' }).length, 1);
  journal.close();
});

test('an entry larger than the byte bound is kept alone; entries that fill the bound exactly are all kept', () => {
  const sizeOf = (recorded: JournalEntry): number => {
    const probe = new MessageJournal();
    probe.record(recorded);
    const { bytes } = probe.size();
    probe.close();
    return bytes;
  };
  const alone = new MessageJournal(undefined, { maxEntries: 10, maxBytes: 100 });
  alone.record(entry(1));
  alone.record(entry(2, { xml: 'x'.repeat(1_000) }));
  assert.deepEqual(alone.list().map((listed) => listed.envelopeIdentifier), ['env-2']);
  assert.deepEqual(alone.size(), { entries: 1, bytes: sizeOf(entry(2, { xml: 'x'.repeat(1_000) })) });

  const exact = new MessageJournal(undefined, { maxEntries: 10, maxBytes: sizeOf(entry(1)) + sizeOf(entry(2)) });
  exact.record(entry(1));
  exact.record(entry(2));
  assert.deepEqual(exact.list().map((listed) => listed.envelopeIdentifier), ['env-2', 'env-1']);
  exact.record(entry(3));
  assert.deepEqual(exact.list().map((listed) => listed.envelopeIdentifier), ['env-3', 'env-2']);
});

test('a page that holds the last entries exactly names no next page', () => {
  const journal = new MessageJournal();
  for (let n = 0; n < 4; n += 1) journal.record(entry(n));
  const first = journal.page({}, { limit: 2 });
  assert.deepEqual(first.messages.map((listed) => listed.envelopeIdentifier), ['env-3', 'env-2']);
  assert.equal(first.next, first.messages[1]!.id);
  const last = journal.page({}, { limit: 2, before: first.next });
  assert.deepEqual(last, { messages: last.messages });
  assert.deepEqual(last.messages.map((listed) => listed.envelopeIdentifier), ['env-1', 'env-0']);
});

test('reopened on its file, the journal knows its size and keeps its bound from the first new entry', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-journal-'));
  try {
    const file = path.join(dir, 'plsp.sqlite');
    const db = openHubDatabase(file);
    const first = new MessageJournal(db, { maxEntries: 3, maxBytes: 1024 * 1024 });
    for (let n = 0; n < 3; n += 1) first.record(entry(n));
    const size = first.size();
    db.close();
    const reopened = openHubDatabase(file);
    const journal = new MessageJournal(reopened, { maxEntries: 3, maxBytes: 1024 * 1024 });
    assert.deepEqual(journal.size(), size);
    journal.record(entry(3));
    assert.deepEqual(journal.list().map((listed) => listed.envelopeIdentifier), ['env-3', 'env-2', 'env-1']);
    assert.equal(journal.size().entries, 3);
    reopened.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('closing a journal closes the database it opened itself, and leaves one it was given open', () => {
  const own = new MessageJournal();
  own.close();
  assert.throws(() => own.record(entry(1)), /database connection is not open/);
  const db = openHubDatabase();
  const given = new MessageJournal(db);
  given.close();
  given.record(entry(1));
  assert.deepEqual(given.list().map((listed) => listed.envelopeIdentifier), ['env-1']);
  db.close();
});

test("a journal entry's contents: letter types, the patient's CPR or replacement CPR, and analysis codes of both letter types", () => {
  const message = readEmessage(mixedMessage('0201609995').xml).message!;
  assert.deepEqual(contentsOf(message), { letterTypes: ['XRPT01', 'XRPT05'], patientIds: ['0201609995', '0201609995'], analysisCodes: ['NPU19748', 'LOKSTREPA'] });
  const [crp] = message.letters;
  const replacement = { ...crp!, patient: { ...crp!.patient, civilRegistrationNumber: undefined, alternativeIdentifier: 'X010203040' } };
  const neither = { ...crp!, patient: { ...crp!.patient, civilRegistrationNumber: undefined } };
  assert.deepEqual(contentsOf({ ...message, letters: [replacement, neither] }).patientIds, ['X010203040', '']);
  assert.deepEqual(contentsOf(undefined), { letterTypes: [], patientIds: [], analysisCodes: [] });
});
