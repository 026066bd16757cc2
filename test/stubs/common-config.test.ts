/**
 * What every stub shares (stubs/common): configuration read from the environment with errors naming the variable,
 * the stub app's health route and XML body as raw bytes, the charset of a request, and the columns added to a table
 * an earlier version wrote.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { BODY_LIMIT_BYTES, charsetOf, createStubApp, XML_MEDIA_TYPES } from '../../stubs/common/app-factory';
import { optionalInteger, optionalList, optionalString, requiredUrl } from '../../stubs/common/config';
import { addMissingColumns } from '../../stubs/common/sqlite-columns';

test('a required URL: set, a URL, trailing slashes dropped; errors name the variable and give an example', () => {
  assert.equal(requiredUrl({ HUB_URL: 'http://127.0.0.1:8702/base///' }, 'HUB_URL'), 'http://127.0.0.1:8702/base');
  assert.equal(requiredUrl({ HUB_URL: 'http://127.0.0.1:8702' }, 'HUB_URL'), 'http://127.0.0.1:8702');
  for (const env of [{}, { HUB_URL: '' }]) {
    assert.throws(() => requiredUrl(env, 'HUB_URL'), { message: 'HUB_URL is not set: give the base URL of the system, e.g. HUB_URL=http://127.0.0.1:8702' });
  }
  assert.throws(() => requiredUrl({ HUB_URL: '127.0.0.1:8702' }, 'HUB_URL'), { message: 'HUB_URL=127.0.0.1:8702 is not a URL: give e.g. http://127.0.0.1:8702' });
});

test('an optional string falls back when unset or empty', () => {
  assert.equal(optionalString({ NAME: 'Klinik' }, 'NAME', 'Standard'), 'Klinik');
  assert.equal(optionalString({ NAME: ' ' }, 'NAME', 'Standard'), ' ');
  assert.equal(optionalString({ NAME: '' }, 'NAME', 'Standard'), 'Standard');
  assert.equal(optionalString({}, 'NAME', 'Standard'), 'Standard');
});

test('an optional list: comma-separated, items trimmed, empty items dropped; unset gives the fallback, empty gives none', () => {
  assert.deepEqual(optionalList({ LIST: ' a, b ,,c , ' }, 'LIST', ['x']), ['a', 'b', 'c']);
  assert.deepEqual(optionalList({ LIST: 'one' }, 'LIST', ['x']), ['one']);
  assert.deepEqual(optionalList({ LIST: '' }, 'LIST', ['x']), []);
  assert.deepEqual(optionalList({}, 'LIST', ['x', 'y']), ['x', 'y']);
});

test('an optional integer: within its bounds (inclusive), else an error naming the variable, the value and the bounds', () => {
  assert.equal(optionalInteger({}, 'PORT', 8701, 1, 65535), 8701);
  assert.equal(optionalInteger({ PORT: '' }, 'PORT', 8701, 1, 65535), 8701);
  assert.equal(optionalInteger({ PORT: '1' }, 'PORT', 8701, 1, 65535), 1);
  assert.equal(optionalInteger({ PORT: '65535' }, 'PORT', 8701, 1, 65535), 65535);
  assert.equal(optionalInteger({ PORT: '0' }, 'PORT', 8701, 0, 10), 0);
  for (const value of ['0', '65536', '80.5', 'port', '-1']) {
    assert.throws(() => optionalInteger({ PORT: value }, 'PORT', 8701, 1, 65535), { message: `PORT=${value} is not a whole number from 1 to 65535` });
  }
});

test('a stub app: health names the system; an XML body reaches the route as its raw bytes, in either XML media type', async () => {
  const app = createStubApp('databank');
  app.post('/echo', async (request) => ({ isBuffer: Buffer.isBuffer(request.body), hex: Buffer.isBuffer(request.body) ? request.body.toString('hex') : null, charset: charsetOf(request) ?? null }));
  try {
    assert.deepEqual(XML_MEDIA_TYPES, ['application/xml', 'text/xml']);
    assert.deepEqual((await app.inject({ method: 'GET', url: '/health' })).json(), { status: 'ok', system: 'databank' });
    const latin1 = Buffer.from('<a>æ</a>', 'latin1');
    for (const contentType of ['application/xml; charset=ISO-8859-1', 'text/xml;charset="ISO-8859-1"']) {
      const response = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': contentType }, payload: latin1 });
      assert.deepEqual(response.json(), { isBuffer: true, hex: latin1.toString('hex'), charset: 'ISO-8859-1' }, contentType);
    }
    const plain = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    assert.deepEqual(plain.json(), { isBuffer: true, hex: Buffer.from('<a/>').toString('hex'), charset: null });
    const spaced = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'text/xml ; CHARSET = utf-8 ; q=1' }, payload: '<a/>' });
    assert.equal(spaced.json<{ charset: string }>().charset, 'utf-8');
    const tooLarge = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/xml' }, payload: Buffer.alloc(BODY_LIMIT_BYTES + 1, 0x20) });
    assert.equal(tooLarge.statusCode, 413);
    assert.equal(BODY_LIMIT_BYTES, 5 * 1024 * 1024);
  } finally {
    await app.close();
  }
});

test('columns an earlier version lacked are added with their defaults; columns already there are left alone', () => {
  const db = new Database(':memory:');
  try {
    db.exec("CREATE TABLE letters (id INTEGER PRIMARY KEY, kind TEXT NOT NULL DEFAULT 'XRPT01')");
    db.exec("INSERT INTO letters (id, kind) VALUES (1, 'XRPT05')");
    addMissingColumns(db, 'letters', { kind: "TEXT NOT NULL DEFAULT 'XRPT01'", cancelled: 'INTEGER NOT NULL DEFAULT 0', charset: "TEXT DEFAULT 'UTF-8'" });
    assert.deepEqual(db.prepare('SELECT * FROM letters').all(), [{ id: 1, kind: 'XRPT05', cancelled: 0, charset: 'UTF-8' }]);
    addMissingColumns(db, 'letters', { cancelled: 'INTEGER NOT NULL DEFAULT 0' });
    assert.deepEqual(
      db.prepare<[], { name: string }>('PRAGMA table_info(letters)').all().map((column) => column.name),
      ['id', 'kind', 'cancelled', 'charset'],
    );
  } finally {
    db.close();
  }
});
