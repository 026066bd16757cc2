/**
 * Mixed messages (XRPT01 + XRPT05 in one Emessage) through a real hub and real databanks on loopback: each letter
 * reaches its databank byte for byte, and when one part fails nothing stays stored (all or nothing).
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import { readReceipt } from '../../medcom';
import { startStub, type RunningStub } from '../../stubs/start-stub';
import { mixedMessage } from '../support/mixed-message';

const FORWARDING = { PLSP_FORWARD_ATTEMPTS: '1', PLSP_FORWARD_BACKOFF_MS: '0', PLSP_FORWARD_TIMEOUT_MS: '5000' };
const LOOPBACK = { host: '127.0.0.1', port: 0 };

let laba: RunningStub;
let miba: RunningStub;
/** A hub whose MiBa is reachable, and one whose MiBa URL refuses every connection. */
let hub: RunningStub;
let hubWithoutMiba: RunningStub;

/** A loopback port nothing listens on (taken, then released). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

before(async () => {
  laba = await startStub('laba', { DATABANK_ROLE: 'laba' }, LOOPBACK);
  miba = await startStub('miba', { DATABANK_ROLE: 'miba' }, LOOPBACK);
  hub = await startStub('plsp', { PLSP_LABA_URL: laba.url, PLSP_MIBA_URL: miba.url, ...FORWARDING }, LOOPBACK);
  const refusing = `http://127.0.0.1:${await closedPort()}`;
  hubWithoutMiba = await startStub('plsp', { PLSP_LABA_URL: laba.url, PLSP_MIBA_URL: refusing, ...FORWARDING }, LOOPBACK);
});

after(async () => {
  await Promise.all([hub, hubWithoutMiba].map((stub) => stub?.close()));
  await Promise.all([laba, miba].map((stub) => stub?.close()));
});

async function send(to: RunningStub, xml: string): Promise<{ status: number; receipt: ReturnType<typeof readReceipt>; text: string }> {
  const response = await fetch(`${to.url}/plsp/v1/xrpt`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml; charset=utf-8', 'x-lps-system': 'Pilot-LPS' },
    body: xml,
  });
  const body = await response.text();
  const receipt = readReceipt(body);
  const text = [receipt.refuseText ?? '', ...receipt.originalLetters.map((letter) => letter.refuseText ?? '')].join(' ');
  return { status: response.status, receipt, text };
}

async function storedMessage(databank: RunningStub, envelopeIdentifier: string): Promise<string | undefined> {
  const response = await fetch(`${databank.url}/api/v1/messages/${envelopeIdentifier}`);
  return response.status === 404 ? undefined : response.text();
}

async function resultCount(databank: RunningStub, cpr: string): Promise<number> {
  const response = await fetch(`${databank.url}/api/v1/results?patient=${cpr}`);
  return ((await response.json()) as { results: unknown[] }).results.length;
}

test('a mixed message reaches LABA and MiBa with every letter byte for byte: formatting, Reference, ClinicalInformation and all', async () => {
  const message = mixedMessage('0201609995');
  const { status, receipt } = await send(hub, message.xml);
  assert.equal(status, 200);
  assert.equal(receipt.kind, 'XCTL03');
  assert.equal(receipt.originalLetters.length, 2, 'the positive receipt names both letters');
  const envelopeEnd = message.xml.indexOf('</Envelope>') + '</Envelope>'.length;
  const atLaba = await storedMessage(laba, message.envelopeIdentifier);
  const atMiba = await storedMessage(miba, message.envelopeIdentifier);
  for (const [name, stored, own, other] of [['LABA', atLaba, message.xrpt01, message.xrpt05], ['MiBa', atMiba, message.xrpt05, message.xrpt01]] as const) {
    assert.ok(stored, `${name} stored nothing`);
    assert.ok(stored.startsWith(message.xml.slice(0, envelopeEnd)), `${name} got another declaration, root start tag or envelope`);
    assert.ok(stored.includes(own), `${name} did not get its letter byte for byte:\n${stored}`);
    assert.ok(!stored.includes(other), `${name} got the other databank's letter`);
    assert.ok(stored.endsWith(message.xml.slice(message.xml.lastIndexOf('</Emessage>'))), `${name}'s message does not end as the received one`);
  }
  assert.match(atLaba!, /<Bold>fed<\/Bold> og <Italic>kursiv<\/Italic><Break\/>tekst/);
  assert.match(atMiba!, /<ClinicalInformation><Paragraph>Ondt i halsen/);
  assert.equal(await resultCount(laba, message.cpr), 1);
});

test('when MiBa cannot be reached, LABA holds nothing of the mixed message and the receipt says nothing was stored', async () => {
  const message = mixedMessage('2512489996');
  const { status, receipt, text } = await send(hubWithoutMiba, message.xml);
  assert.equal(status, 502);
  assert.equal(receipt.kind, 'XCTL02');
  assert.match(text, /MiBa could not be reached/);
  assert.match(text, /nothing of this message was stored/);
  assert.equal(await resultCount(laba, message.cpr), 0, 'LABA kept the XRPT01 part of a message the LPS was told failed');
  assert.equal(await storedMessage(laba, message.envelopeIdentifier), undefined, 'LABA kept the uploaded message');
});

test('withdrawing the LABA part never removes a result LABA had stored from an earlier message (LABA-06)', async () => {
  const earlier = mixedMessage('1502799995', '17');
  assert.equal((await send(hub, earlier.xml)).status, 200);
  const again = mixedMessage('1502799995', '17');
  const { status, text } = await send(hubWithoutMiba, again.xml);
  assert.equal(status, 502);
  assert.match(text, /LABA already held 1 of its results from an earlier delivery; they stay as they were/);
  assert.equal(await resultCount(laba, earlier.cpr), 1, 'the undo removed the result the earlier message stored');
  assert.ok(await storedMessage(laba, earlier.envelopeIdentifier), 'the earlier message is gone from LABA');
});
