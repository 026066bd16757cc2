/**
 * The hub's forwarding (stubs/plsp/forward.ts): how a message is split between the databanks, byte for byte in every
 * encoding the hub reads, and how one part is delivered: signed, with the sender's X-LPS-System, tried again with
 * doubling waits after a 5xx, and refused at once after a 4xx. The databanks are faked by msw on .invalid hosts.
 */
import assert from 'node:assert/strict';
import { after, afterEach, test } from 'node:test';
import { http, HttpResponse } from 'msw';
import { hubSignatureValid, HUB_SIGNATURE_HEADER } from '../../contracts/access';
import { readEmessage, writeEmessage, type Emessage } from '../../medcom';
import { inLatin1 } from '../../stubs/pilot-lps/sharing';
import type { PlspConfig } from '../../stubs/plsp/config';
import { deliver, planDeliveries, type Delivery } from '../../stubs/plsp/forward';
import { UpstreamError } from '../../stubs/common/fetch-json';
import { crpMessage } from '../support/crp-message';
import { mixedMessage } from '../support/mixed-message';
import { fakeNetwork } from '../support/msw';

const HUB_KEY = 'hub-key-for-forwarding';
const CONFIG: PlspConfig = {
  labaUrl: 'http://laba.invalid',
  mibaUrl: 'http://miba.invalid',
  ean: '5790000000009',
  approvedSystems: ['*'],
  testCprsOnly: true,
  forwarding: { attempts: 3, backoffMs: 0, timeoutMs: 2_000 },
  hubKey: HUB_KEY,
};

interface Upload {
  system: string | null;
  contentType: string | null;
  body: Buffer;
}
const uploads: Upload[] = [];
/** What LABA answers each upload with, in turn; 200 with a receipt once they run out. */
let answers: Response[] = [];
const network = fakeNetwork(
  http.post('http://laba.invalid/api/v1/upload', async ({ request }) => {
    const body = Buffer.from(await request.arrayBuffer());
    // As a databank does: writes only from the hub, signed over method, path and body.
    if (!hubSignatureValid(HUB_KEY, 'POST', '/api/v1/upload', body, request.headers.get(HUB_SIGNATURE_HEADER) ?? undefined)) {
      return new HttpResponse('bad signature', { status: 401 });
    }
    uploads.push({ system: request.headers.get('x-lps-system'), contentType: request.headers.get('content-type'), body });
    return answers.shift() ?? HttpResponse.json({ upload: 41, stored: 2, duplicates: 1 });
  }),
);
afterEach(() => {
  uploads.length = 0;
  answers = [];
});
after(() => network.close());

function parsed(bytes: Uint8Array, charset?: string): Emessage {
  const outcome = readEmessage(bytes, charset ? { charset } : {});
  assert.ok(outcome.message, `the test message does not read: ${JSON.stringify(outcome.findings)}`);
  return outcome.message;
}

/** The mixed message's text as LABA and MiBa should each get it: the other databank's letter and the blank before it cut out. */
function partsOf(xml: string, mixed: ReturnType<typeof mixedMessage>): { LABA: string; MiBa: string } {
  const laba = xml.replace(`\n  ${mixed.xrpt05}`, '');
  const miba = xml.replace(`\n  ${mixed.xrpt01}`, '');
  assert.ok(laba !== xml && miba !== xml, 'the test message is not laid out as expected');
  return { LABA: laba, MiBa: miba };
}

function bodies(deliveries: Delivery[]): Record<string, Buffer> {
  return Object.fromEntries(deliveries.map((delivery) => [delivery.databank, Buffer.from(delivery.body)]));
}

test('a mixed message in ISO-8859-1 is split into the received bytes without the other letter, in ISO-8859-1', () => {
  const mixed = mixedMessage();
  const xml = inLatin1(mixed.xml);
  const bytes = Buffer.from(xml, 'latin1');
  const deliveries = planDeliveries(CONFIG, parsed(bytes), { bytes, charset: undefined });
  const parts = partsOf(mixed.xml, mixed);
  assert.deepEqual(bodies(deliveries), { LABA: Buffer.from(inLatin1(parts.LABA), 'latin1'), MiBa: Buffer.from(inLatin1(parts.MiBa), 'latin1') });
  assert.deepEqual(
    deliveries.map(({ databank, url, contentType, hubKey }) => ({ databank, url, contentType, hubKey })),
    [
      { databank: 'LABA', url: 'http://laba.invalid/api/v1/upload', contentType: 'application/xml', hubKey: HUB_KEY },
      { databank: 'MiBa', url: 'http://miba.invalid/api/v1/upload', contentType: 'application/xml', hubKey: HUB_KEY },
    ],
  );
});

for (const [encoding, bom, charset] of [
  ['UTF-16LE', Buffer.from([0xff, 0xfe]), 'UTF-16'],
  ['UTF-16BE', Buffer.from([0xfe, 0xff]), undefined],
  ['UTF-8', Buffer.from([0xef, 0xbb, 0xbf]), 'utf-8'],
] as const) {
  test(`a mixed message in ${encoding} with a byte order mark is split in ${encoding}, the mark kept in each part`, () => {
    const mixed = mixedMessage();
    const declared = encoding === 'UTF-8' ? mixed.xml : mixed.xml.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const encode = (text: string): Buffer => {
      if (encoding === 'UTF-8') return Buffer.concat([bom, Buffer.from(text, 'utf8')]);
      const little = Buffer.from(text, 'utf16le');
      return Buffer.concat([bom, encoding === 'UTF-16LE' ? little : Buffer.from(little).swap16()]);
    };
    const bytes = encode(declared);
    const deliveries = planDeliveries(CONFIG, parsed(bytes, charset), { bytes, charset });
    const parts = partsOf(declared, mixed);
    assert.deepEqual(bodies(deliveries), { LABA: encode(parts.LABA), MiBa: encode(parts.MiBa) });
    const contentType = charset ? `application/xml; charset=${charset}` : 'application/xml';
    assert.deepEqual(deliveries.map((delivery) => delivery.contentType), [contentType, contentType]);
  });
}

test('a message whose letters all go to one databank is planned as one delivery of the received bytes, not read again', () => {
  const { xml } = crpMessage();
  const message = parsed(Buffer.from(xml));
  // Bytes the hub could not read a second time: a one-databank message is passed on as it came, without splitting.
  const bytes = Buffer.from('\u00ff\u00fe not a message', 'latin1');
  const deliveries = planDeliveries({ ...CONFIG, hubKey: undefined }, message, { bytes, charset: 'ISO-8859-1' });
  assert.deepEqual(
    deliveries.map(({ body, ...rest }) => ({ ...rest, body: Buffer.from(body) })),
    [
      {
        databank: 'LABA',
        baseUrl: 'http://laba.invalid',
        url: 'http://laba.invalid/api/v1/upload',
        letters: message.letters,
        body: bytes,
        contentType: 'application/xml; charset=ISO-8859-1',
      },
    ],
  );
});

test('splitting a mixed message whose bytes do not read again fails saying why, instead of sending a wrong part', () => {
  const mixed = mixedMessage();
  const message = parsed(Buffer.from(mixed.xml));
  assert.throws(
    () => planDeliveries(CONFIG, message, { bytes: Buffer.from([0x3c, 0xff, 0x3e]), charset: 'utf-8' }),
    { message: 'a message that read as valid could not be decoded again to split it: the bytes are not valid UTF-8: the first bad byte is at byte offset 1' },
  );
  assert.throws(() => planDeliveries(CONFIG, message, { bytes: Buffer.from('no XML here'), charset: undefined }), {
    message: 'a message that read as valid could not be parsed again to split it',
  });
  const threeLetters = mixed.xml.replace(mixed.xrpt05, `${mixed.xrpt05}\n  ${mixed.xrpt05}`);
  assert.throws(() => planDeliveries(CONFIG, message, { bytes: Buffer.from(threeLetters), charset: undefined }), {
    message: 'the message has 2 letters but 3 letter elements',
  });
});

function labaDelivery(body = Buffer.from(crpMessage().xml)): Delivery {
  const [delivery] = planDeliveries(CONFIG, parsed(body), { bytes: body, charset: 'utf-8' });
  assert.ok(delivery);
  return delivery;
}

test("a delivery is signed, names the sending LPS system and resolves with the databank's answer", async () => {
  const delivery = labaDelivery();
  const receipt = await deliver(delivery, CONFIG.forwarding, 'Pilot-LPS');
  assert.deepEqual(receipt, { upload: 41, stored: 2, duplicates: 1 });
  assert.deepEqual(uploads, [{ system: 'Pilot-LPS', contentType: 'application/xml; charset=utf-8', body: Buffer.from(delivery.body) }]);
});

test('a databank answer that is not JSON resolves as an answer naming no upload', async () => {
  answers = [new HttpResponse('stored, thanks', { status: 200 })];
  assert.deepEqual(await deliver(labaDelivery(), CONFIG.forwarding, 'Pilot-LPS'), {});
});

test('a 4xx is final: one attempt, and the error says what the databank answered, with no attempt count', async () => {
  answers = [new HttpResponse('no such producer', { status: 422 })];
  await assert.rejects(deliver(labaDelivery(), CONFIG.forwarding, 'Pilot-LPS'), (error: unknown) => {
    assert.ok(error instanceof UpstreamError);
    assert.equal(error.message, 'LABA refused POST http://laba.invalid/api/v1/upload with HTTP 422: no such producer');
    return true;
  });
  assert.equal(uploads.length, 1);
});

test('a 5xx that lasts is tried the configured number of times, and the error counts them', async () => {
  answers = [503, 502, 500].map((status) => new HttpResponse(`down ${status}`, { status }));
  await assert.rejects(deliver(labaDelivery(), CONFIG.forwarding, 'Pilot-LPS'), {
    message: 'LABA refused POST http://laba.invalid/api/v1/upload with HTTP 500: down 500 (after 3 attempts)',
  });
  assert.equal(uploads.length, 3);
});

/** Lets the event loop run (setImmediate is not mocked) until `done` or a bounded number of turns. */
async function settle(done: () => boolean = () => false, turns = 200): Promise<void> {
  for (let turn = 0; turn < turns && !done(); turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

test('the waits between attempts double: backoff, then twice the backoff', async (context) => {
  context.mock.timers.enable({ apis: ['setTimeout'] });
  answers = [503, 503].map((status) => new HttpResponse('busy', { status }));
  const delivered = deliver(labaDelivery(), { attempts: 3, backoffMs: 1_000, timeoutMs: 2_000 }, 'Pilot-LPS');
  await settle(() => uploads.length === 1);
  assert.equal(uploads.length, 1);
  context.mock.timers.tick(999);
  await settle();
  assert.equal(uploads.length, 1, 'tried again before the backoff had passed');
  context.mock.timers.tick(1);
  await settle(() => uploads.length === 2);
  assert.equal(uploads.length, 2, 'not tried again once the backoff had passed');
  context.mock.timers.tick(1_999);
  await settle();
  assert.equal(uploads.length, 2, 'the second wait is not twice the first');
  context.mock.timers.tick(1);
  assert.deepEqual(await delivered, { upload: 41, stored: 2, duplicates: 1 });
  assert.equal(uploads.length, 3);
});
