/**
 * All or nothing (stubs/plsp/all-or-nothing.ts): when one databank's part of a message fails, each part another
 * databank stored is undone (a signed DELETE of its upload), and the failure says exactly what failed, what was
 * withdrawn, what a databank already held, and what stays stored. The databanks are faked by msw on .invalid hosts.
 */
import assert from 'node:assert/strict';
import { after, afterEach, test } from 'node:test';
import { http, HttpResponse } from 'msw';
import { hubSignatureValid, HUB_SIGNATURE_HEADER } from '../../contracts/access';
import type { ReportLetter } from '../../medcom/model';
import { deliverAllOrNothing, DeliveryFailure } from '../../stubs/plsp/all-or-nothing';
import type { Delivery } from '../../stubs/plsp/forward';
import { fakeNetwork } from '../support/msw';

const HUB_KEY = 'hub-key-for-undo';
const POLICY = { attempts: 1, backoffMs: 0, timeoutMs: 2_000 };
type Name = 'LABA' | 'MiBa';

/** What each databank answers an upload and an undo with; a stored upload and a clean undo when none is set. */
const uploadAnswers: Partial<Record<Name, () => Response>> = {};
const undoAnswers: Partial<Record<Name, () => Response>> = {};
const undone: string[] = [];

function databank(name: Name, upload: number) {
  const host = `http://${name.toLowerCase()}.invalid`;
  return [
    http.post(`${host}/api/v1/upload`, () => uploadAnswers[name]?.() ?? HttpResponse.json({ upload, stored: 1, duplicates: 0 })),
    http.delete(`${host}/api/v1/uploads/:upload`, ({ request, params }) => {
      const path = `/api/v1/uploads/${String(params.upload)}`;
      // As a databank does: an undo only from the hub, signed over method and path.
      if (!hubSignatureValid(HUB_KEY, 'DELETE', path, '', request.headers.get(HUB_SIGNATURE_HEADER) ?? undefined)) {
        return new HttpResponse('bad signature', { status: 401 });
      }
      undone.push(`${name} ${String(params.upload)}`);
      return undoAnswers[name]?.() ?? HttpResponse.json({ removed: 1, kept: 0 });
    }),
  ];
}
const network = fakeNetwork(...databank('LABA', 7), ...databank('MiBa', 9));
afterEach(() => {
  for (const name of ['LABA', 'MiBa'] as const) {
    delete uploadAnswers[name];
    delete undoAnswers[name];
  }
  undone.length = 0;
});
after(() => network.close());

/** A databank's part of a message with these letters (only their kind and identifier matter here). */
function part(databank: Name, ...identifiers: string[]): Delivery {
  const baseUrl = `http://${databank.toLowerCase()}.invalid`;
  const kind = databank === 'LABA' ? 'XRPT01' : 'XRPT05';
  return {
    databank,
    baseUrl,
    url: `${baseUrl}/api/v1/upload`,
    letters: identifiers.map((identifier) => ({ kind, letter: { identifier } }) as unknown as ReportLetter),
    body: Buffer.from(`<${databank}/>`),
    contentType: 'application/xml',
    hubKey: HUB_KEY,
  };
}

/** The DeliveryFailure deliverAllOrNothing rejects with, as message and the databanks whose part stays stored. */
async function failure(deliveries: Delivery[]): Promise<{ message: string; staysStored: string[] }> {
  try {
    await deliverAllOrNothing(deliveries, POLICY, 'Pilot-LPS');
  } catch (error) {
    assert.ok(error instanceof DeliveryFailure, `not a DeliveryFailure: ${String(error)}`);
    return { message: error.message, staysStored: error.staysStored.map((delivery) => delivery.databank) };
  }
  assert.fail('the delivery did not fail');
}

const MIBA_REFUSES = () => new HttpResponse('MiBa says no', { status: 422 });
const MIBA_REFUSED = 'MiBa refused POST http://miba.invalid/api/v1/upload with HTTP 422: MiBa says no';

test('when every part is stored nothing is undone', async () => {
  await deliverAllOrNothing([part('LABA', 'L1'), part('MiBa', 'M1')], POLICY, 'Pilot-LPS');
  assert.deepEqual(undone, []);
});

test("when MiBa refuses, LABA's part is withdrawn with a signed undo and nothing of the message was stored", async () => {
  uploadAnswers.MiBa = MIBA_REFUSES;
  assert.deepEqual(await failure([part('LABA', 'L1'), part('MiBa', 'M1')]), {
    message: `${MIBA_REFUSED}; LABA's part (letter XRPT01 L1) was withdrawn again; nothing of this message was stored: send the message again`,
    staysStored: [],
  });
  assert.deepEqual(undone, ['LABA 7']);
});

test('the withdrawal says what LABA held already and what it keeps because another upload delivered it meanwhile', async () => {
  uploadAnswers.LABA = () => HttpResponse.json({ upload: 8, stored: 1, duplicates: 2 });
  undoAnswers.LABA = () => HttpResponse.json({ removed: 0, kept: 1 });
  uploadAnswers.MiBa = MIBA_REFUSES;
  assert.deepEqual(await failure([part('LABA', 'L1', 'L2', 'L3'), part('MiBa', 'M1')]), {
    message:
      `${MIBA_REFUSED}; LABA's part (letters XRPT01 L1, XRPT01 L2, XRPT01 L3) was withdrawn again; ` +
      'LABA already held 2 of its results from an earlier delivery; they stay as they were; ' +
      'LABA keeps 1 of its results because another upload delivered them again or corrected them meanwhile; ' +
      'nothing of this message was stored: send the message again',
    staysStored: [],
  });
  assert.deepEqual(undone, ['LABA 8']);
});

test('an upload answer that names no upload cannot be undone: that part stays stored, and the advice says so', async () => {
  uploadAnswers.LABA = () => HttpResponse.json({ stored: 1, duplicates: 0 });
  uploadAnswers.MiBa = MIBA_REFUSES;
  assert.deepEqual(await failure([part('LABA', 'L1'), part('MiBa', 'M1')]), {
    message:
      `${MIBA_REFUSED}; LABA STORED its part (letter XRPT01 L1) and it could not be withdrawn (LABA's answer to the upload named no upload id): that part stays stored; ` +
      'send the message again once the fault is mended (a databank stores the same result once)',
    staysStored: ['LABA'],
  });
  assert.deepEqual(undone, []);
});

test('an undo that cannot reach the databank, or that it refuses, leaves that part stored, saying where and why', async () => {
  uploadAnswers.LABA = () => HttpResponse.json({ upload: 7, stored: 1, duplicates: 0 });
  undoAnswers.LABA = () => HttpResponse.error();
  uploadAnswers.MiBa = MIBA_REFUSES;
  const unreachable = await failure([part('LABA', 'L1'), part('MiBa', 'M1')]);
  assert.deepEqual(unreachable.staysStored, ['LABA']);
  assert.match(
    unreachable.message,
    /^MiBa refused .*; LABA STORED its part \(letter XRPT01 L1\) and it could not be withdrawn \(LABA could not be reached at http:\/\/laba\.invalid\/api\/v1\/uploads\/7: .+\): that part stays stored; send the message again once/,
  );
  undoAnswers.LABA = () => new HttpResponse('undo broken', { status: 500 });
  const refused = await failure([part('LABA', 'L1'), part('MiBa', 'M1')]);
  assert.equal(
    refused.message,
    `${MIBA_REFUSED}; LABA STORED its part (letter XRPT01 L1) and it could not be withdrawn (LABA answered DELETE http://laba.invalid/api/v1/uploads/7 with HTTP 500: undo broken): that part stays stored; ` +
      'send the message again once the fault is mended (a databank stores the same result once)',
  );
});

test('when every part fails, the failure names each fault and nothing is undone', async () => {
  uploadAnswers.LABA = () => new HttpResponse('LABA says no', { status: 400 });
  uploadAnswers.MiBa = MIBA_REFUSES;
  assert.deepEqual(await failure([part('LABA', 'L1'), part('MiBa', 'M1')]), {
    message: `LABA refused POST http://laba.invalid/api/v1/upload with HTTP 400: LABA says no; ${MIBA_REFUSED}; nothing of this message was stored: send the message again`,
    staysStored: [],
  });
  assert.deepEqual(undone, []);
});

/**
 * A part the hub cannot even send: a programming error, not a databank's answer (a key that is no key makes the
 * signature throw before anything is sent). Every failure on the wire is a databank's failure (UpstreamError).
 */
const unsendable = (databank: Name, identifier: string): Delivery => ({ ...part(databank, identifier), hubKey: 7 as unknown as string });

test('an unexpected error with nothing to undo is passed on as it is, not dressed up as a delivery failure', async () => {
  await assert.rejects(deliverAllOrNothing([unsendable('LABA', 'L1')], POLICY, 'Pilot-LPS'), (error: unknown) => {
    assert.ok(!(error instanceof DeliveryFailure), `dressed up as a delivery failure: ${String(error)}`);
    assert.match(String(error), /The "key" argument must be/);
    return true;
  });
});

test('an unexpected error in one part still withdraws the stored part, and the failure names the error', async () => {
  const { message, staysStored } = await failure([part('LABA', 'L1'), unsendable('MiBa', 'M1')]);
  assert.match(message, /The "key" argument must be .*; LABA's part \(letter XRPT01 L1\) was withdrawn again; nothing of this message was stored: send the message again$/);
  assert.deepEqual(staysStored, []);
  assert.deepEqual(undone, ['LABA 7']);
});

test('an error answer that breaks off halfway is the databank\'s failure: the other part is withdrawn and the failure says the answer broke off', async () => {
  uploadAnswers.MiBa = () =>
    new HttpResponse(
      new ReadableStream({
        start(controller) {
          controller.error(new Error('the connection broke off'));
        },
      }),
      { status: 500 },
    );
  const { message, staysStored } = await failure([part('LABA', 'L1'), part('MiBa', 'M1')]);
  assert.match(message, /^MiBa refused POST http:\/\/miba\.invalid\/api\/v1\/upload with HTTP 500: \(the answer broke off: .*\); LABA's part \(letter XRPT01 L1\) was withdrawn again; nothing of this message was stored: send the message again$/);
  assert.deepEqual(staysStored, []);
  assert.deepEqual(undone, ['LABA 7']);
});
