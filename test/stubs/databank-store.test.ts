import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { DatabankStore, resultKey } from '../../stubs/databank/store';
import { sampleRecord } from '../support/records';

function bytes(xml: string, charset?: string): { bytes: Buffer; charset: string | undefined } {
  return { bytes: Buffer.from(xml), charset };
}

test('the same result sent twice is stored once (LABA-06)', () => {
  const store = new DatabankStore(':memory:');
  assert.deepEqual(store.storeMessage('E1', bytes('<x/>'), [sampleRecord()]), { upload: 1, stored: 1, duplicates: 0 });
  assert.deepEqual(
    store.storeMessage('E2', bytes('<y/>'), [sampleRecord({ envelopeIdentifier: 'E2', letterIdentifier: 'L2' })]),
    { upload: 2, stored: 0, duplicates: 1 },
  );
  assert.equal(store.resultsForPatient('2512489996').length, 1);
  store.close();
});

test('a correction under the same key becomes the next version and the first is kept as history (DEL-05)', () => {
  const store = new DatabankStore(':memory:');
  store.storeMessage('E1', bytes('<x/>'), [sampleRecord()]);
  store.storeMessage('E2', bytes('<y/>'), [sampleRecord({ envelopeIdentifier: 'E2', value: '40', resultStatusCode: 'svar_rettet' })]);
  const versions = store.resultsForPatient('2512489996');
  assert.deepEqual(versions.map((result) => [result.version, result.record.value]), [[1, '45'], [2, '40']]);
  assert.equal(versions[0]?.key, versions[1]?.key);
  store.close();
});

test('another analysis, producer or requisition is another result', () => {
  const store = new DatabankStore(':memory:');
  const outcome = store.storeMessage('E1', bytes('<x/>'), [
    sampleRecord(),
    sampleRecord({ analysisCode: 'NPU27300' }),
    sampleRecord({ producerCode: 'XY' }),
    sampleRecord({ requisitionId: '999' }),
  ]);
  assert.deepEqual(outcome, { upload: 1, stored: 4, duplicates: 0 });
  store.close();
});

test('a message is stored whole or not at all', () => {
  const store = new DatabankStore(':memory:');
  const broken = sampleRecord({ patientId: null as unknown as string });
  assert.throws(() => store.storeMessage('E1', bytes('<x/>'), [sampleRecord(), broken]));
  assert.equal(store.message('E1'), undefined);
  assert.deepEqual(store.resultsForPatient('2512489996'), []);
  store.close();
});

test('the message is kept byte for byte as received, with its charset', () => {
  const store = new DatabankStore(':memory:');
  const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>\n<Emessage>  æøå &amp; </Emessage>', 'latin1');
  store.storeMessage('E7', { bytes: latin1, charset: 'ISO-8859-1' }, [sampleRecord({ envelopeIdentifier: 'E7' })]);
  assert.deepEqual(store.message('E7'), { bytes: latin1, charset: 'ISO-8859-1' });
  store.close();
});

test('undoing an upload removes what it stored, and the message as received', () => {
  const store = new DatabankStore(':memory:');
  const { upload } = store.storeMessage('E1', bytes('<x/>'), [sampleRecord(), sampleRecord({ analysisCode: 'NPU27300' })]);
  assert.deepEqual(store.undoUpload(upload), { removed: 2, kept: 0 });
  assert.deepEqual(store.resultsForPatient('2512489996'), []);
  assert.equal(store.message('E1')?.bytes.toString(), undefined);
  assert.equal(store.undoUpload(upload), undefined, 'an upload can be undone once');
  store.close();
});

test('undoing a resend never removes the result an earlier upload stored (LABA-06)', () => {
  const store = new DatabankStore(':memory:');
  store.storeMessage('E1', bytes('<x/>'), [sampleRecord()]);
  const resend = store.storeMessage('E1', bytes('<x/>'), [sampleRecord()]);
  assert.deepEqual(store.undoUpload(resend.upload), { removed: 0, kept: 0 });
  assert.equal(store.resultsForPatient('2512489996').length, 1);
  assert.equal(store.message('E1')?.bytes.toString(), '<x/>');
  store.close();
});

test('undoing an upload keeps a result that a later upload delivered again or corrected', () => {
  const store = new DatabankStore(':memory:');
  const first = store.storeMessage('E1', bytes('<x/>'), [sampleRecord(), sampleRecord({ analysisCode: 'NPU27300' })]);
  store.storeMessage('E2', bytes('<y/>'), [sampleRecord({ envelopeIdentifier: 'E2' })]);
  store.storeMessage('E3', bytes('<z/>'), [sampleRecord({ envelopeIdentifier: 'E3', analysisCode: 'NPU27300', value: '40', resultStatusCode: 'svar_rettet' })]);
  assert.deepEqual(store.undoUpload(first.upload), { removed: 0, kept: 2 });
  assert.equal(store.resultsForPatient('2512489996').length, 3);
  assert.equal(store.message('E1')?.bytes.toString(), '<x/>', 'the message of results that stay is kept');
  store.close();
});

test('a --data file written before uploads could be undone opens, keeps its results and takes new uploads', () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'lokalsvar-old-databank-')), 'laba.sqlite');
  const old = new Database(file);
  // The tables as the first durable databanks wrote them: no charset, upload_id or reconfirmed column.
  old.exec(`
    CREATE TABLE messages (id INTEGER PRIMARY KEY AUTOINCREMENT, envelope_identifier TEXT NOT NULL, received_at TEXT NOT NULL, xml BLOB NOT NULL);
    CREATE TABLE results (id INTEGER PRIMARY KEY AUTOINCREMENT, result_key TEXT NOT NULL, version INTEGER NOT NULL, content_hash TEXT NOT NULL,
      patient_id TEXT NOT NULL, producer_code TEXT NOT NULL, envelope_identifier TEXT NOT NULL, cancelled INTEGER NOT NULL DEFAULT 0,
      received_at TEXT NOT NULL, record TEXT NOT NULL, UNIQUE (result_key, version));
  `);
  const earlier = sampleRecord({ envelopeIdentifier: 'E0' });
  old.prepare('INSERT INTO results (result_key, version, content_hash, patient_id, producer_code, envelope_identifier, received_at, record) VALUES (?, 1, ?, ?, ?, ?, ?, ?)')
    .run(resultKey(earlier), 'old', earlier.patientId, earlier.producerCode, 'E0', '2026-01-01T00:00:00Z', JSON.stringify(earlier));
  // Files from before messages were kept as bytes hold the message as UTF-8 text.
  old.prepare('INSERT INTO messages (envelope_identifier, received_at, xml) VALUES (?, ?, ?)').run('E0', '2026-01-01T00:00:00Z', '<Emessage>æ</Emessage>');
  old.close();

  const store = new DatabankStore(file);
  assert.deepEqual(store.resultsForPatient(earlier.patientId).map((result) => result.record.envelopeIdentifier), ['E0']);
  assert.deepEqual(store.message('E0'), { bytes: Buffer.from('<Emessage>æ</Emessage>', 'utf8'), charset: undefined }, 'an old text message is served as its UTF-8 bytes');
  const upload = store.storeMessage('E1', bytes('<x/>', 'utf-8'), [sampleRecord({ envelopeIdentifier: 'E1', analysisCode: 'NPU19748' })]);
  assert.deepEqual(upload, { upload: 2, stored: 1, duplicates: 0 }, 'the next upload after the old message');
  assert.equal(store.message('E1')?.charset, 'utf-8');
  assert.ok(store.undoUpload(upload.upload));
  assert.deepEqual(store.resultsForPatient(earlier.patientId).map((result) => result.record.envelopeIdentifier), ['E0'], 'undo removed only the new upload');
  store.close();
});

test("a result's identity (LABA-06) keeps its four fields apart: patient, requisition, analysis, producer", () => {
  const record = sampleRecord();
  assert.equal(resultKey(record), [record.patientId, record.requisitionId, record.analysisCode, record.producerCode].join('|'));
  assert.notEqual(resultKey(sampleRecord({ requisitionId: '12', analysisCode: '3NPU' })), resultKey(sampleRecord({ requisitionId: '123', analysisCode: 'NPU' })));
});

test('a closed store takes nothing more', () => {
  const store = new DatabankStore(':memory:');
  store.close();
  assert.throws(() => store.resultsForPatient('2512489996'), /not open/);
});
