/** The hub's signature on what it sends a databank: what the databank checks it with (contracts/access.ts) accepts it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HUB_SIGNATURE_HEADER, hubSignatureValid } from '../../contracts/access';
import { DATABANK_PATHS, uploadPath } from '../../contracts/databank';
import { hubSignedHeaders } from '../../stubs/plsp/hub-signature';

const KEY = 'test-key-0123456789';

test('an upload and an undo the hub signs pass the databank check; the signature covers method, path and body', () => {
  const body = '<Emessage>...</Emessage>';
  const upload = hubSignedHeaders(KEY, 'POST', DATABANK_PATHS.upload, body);
  assert.deepEqual(Object.keys(upload), [HUB_SIGNATURE_HEADER]);
  assert.equal(hubSignatureValid(KEY, 'POST', DATABANK_PATHS.upload, body, upload[HUB_SIGNATURE_HEADER]), true);
  assert.equal(hubSignatureValid(KEY, 'POST', DATABANK_PATHS.upload, `${body} `, upload[HUB_SIGNATURE_HEADER]), false);
  assert.equal(hubSignatureValid('another-key', 'POST', DATABANK_PATHS.upload, body, upload[HUB_SIGNATURE_HEADER]), false);
  // An undo has no body: the databank checks it against the empty body.
  const undo = hubSignedHeaders(KEY, 'DELETE', uploadPath(7));
  assert.equal(hubSignatureValid(KEY, 'DELETE', uploadPath(7), '', undo[HUB_SIGNATURE_HEADER]), true);
  assert.equal(hubSignatureValid(KEY, 'DELETE', uploadPath(8), '', undo[HUB_SIGNATURE_HEADER]), false);
});

test('without a key (a stub run on its own) the hub sends no signature header', () => {
  assert.deepEqual(hubSignedHeaders(undefined, 'POST', DATABANK_PATHS.upload, 'x'), {});
  assert.deepEqual(hubSignedHeaders('', 'POST', DATABANK_PATHS.upload, 'x'), {});
});
