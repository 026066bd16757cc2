/**
 * What the hub makes of one message, field by field: the receipt (its sender, its RefuseText naming where), the
 * journal entry (outcome, findings once each, the text kept or not, letter types, patient ids, analysis codes), the
 * monitoring counters (MON-01: results shared, forwarded and resent, by the number of results), and the
 * cancellations it takes and lists. Through the hub app (Fastify inject), the databanks faked by msw.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { http, HttpResponse } from 'msw';
import { PLSP_PATHS, type JournalPage, type ListedJournalEntry } from '../../contracts/plsp';
import { readEmessage, readReceipt, refuseCodeFor, writeEmessage } from '../../medcom';
import { clinicLetterEmessage } from '../../medcom/compose-clinic-report';
import type { Finding } from '../../medcom/model';
import { findAnalysis } from '../../medcom/npu-catalogue';
import { buildPlspApp } from '../../stubs/plsp/app';
import type { PlspConfig } from '../../stubs/plsp/config';
import { MAX_KEPT_BYTES } from '../../stubs/plsp/journal';
import { sumOf } from '../../steps/support/prometheus-text';
import { crpMessage } from '../support/crp-message';
import { mixedMessage } from '../support/mixed-message';
import { fakeNetwork } from '../support/msw';

/** What LABA answers an upload with next (200 once they run out); what each databank cancels. */
let labaStatuses: number[] = [];
const cancellations: { databank: string; body: unknown }[] = [];
const network = fakeNetwork(
  http.post('http://laba.invalid/api/v1/upload', () => {
    const status = labaStatuses.shift() ?? 200;
    return status === 200 ? HttpResponse.json({ upload: 1, stored: 1, duplicates: 0 }) : new HttpResponse('LABA says no', { status });
  }),
  http.post('http://miba.invalid/api/v1/upload', () => HttpResponse.json({ upload: 2, stored: 1, duplicates: 0 })),
  http.post('http://laba.invalid/api/v1/cancellations', async ({ request }) => {
    cancellations.push({ databank: 'LABA', body: await request.json() });
    return HttpResponse.json({ cancelled: 2 });
  }),
  http.post('http://miba.invalid/api/v1/cancellations', async ({ request }) => {
    cancellations.push({ databank: 'MiBa', body: await request.json() });
    return HttpResponse.json({ cancelled: 1 });
  }),
);

const CONFIG: PlspConfig = {
  labaUrl: 'http://laba.invalid',
  mibaUrl: 'http://miba.invalid',
  ean: '5790000000009',
  approvedSystems: ['Pilot-LPS'],
  testCprsOnly: true,
  forwarding: { attempts: 1, backoffMs: 0, timeoutMs: 2_000 },
};

let app: FastifyInstance;
before(async () => {
  app = await buildPlspApp(CONFIG);
});
afterEach(() => {
  labaStatuses = [];
  cancellations.length = 0;
});
after(async () => {
  await app.close();
  network.close();
});

/** `system` null sends no X-LPS-System. */
function post(payload: string | Buffer, system: string | null = 'Pilot-LPS', contentType = 'application/xml', to = app) {
  return to.inject({
    method: 'POST',
    url: PLSP_PATHS.xrpt,
    payload,
    headers: { 'content-type': contentType, ...(system === null ? {} : { 'x-lps-system': system }) },
  });
}

/** The newest journal entry, checked to have been received just now, without its id and time. */
async function newestEntry(from = app): Promise<Omit<ListedJournalEntry, 'id' | 'receivedAt'>> {
  const page = (await from.inject({ method: 'GET', url: `${PLSP_PATHS.messages}?limit=1` })).json<JournalPage>();
  const { id, receivedAt, ...entry } = page.messages[0]!;
  assert.ok(id > 0);
  assert.ok(Math.abs(Date.parse(receivedAt) - Date.now()) < 60_000, `received at ${receivedAt}`);
  return entry;
}

async function metricsText(): Promise<string> {
  return (await app.inject({ method: 'GET', url: PLSP_PATHS.metrics })).body;
}

/** One letter with a CRP and a haemoglobin result (two results), without a national sample number unless given. */
function twoResultMessage(cpr: string, sampleNumber?: string): { xml: string; envelope: string } {
  const at = new Date('2026-11-25T09:52:00Z');
  const message = clinicLetterEmessage(
    {
      clinic: { name: 'Lægerne Testgade', ydernummer: '012345', ean: '5790000000000', producerCode: 'LT' },
      patient: { cpr, givenName: 'Nancy Ann', surname: 'Test Berggren', consentGiven: true },
      ...(sampleNumber ? { sampleNumber } : {}),
      sampledAt: at,
      resultAt: at,
      results: [
        { analysis: findAnalysis('CRP')!, value: '45', referenceInterval: { typeOfInterval: 'fysiologisk', upperLimit: '10' } },
        { analysis: findAnalysis('Hb')!, value: '8.1' },
      ],
    },
    at,
  );
  return { xml: writeEmessage(message), envelope: message.envelope.identifier };
}

function error(path: string, message: string): Finding {
  return { severity: 'error', path, message };
}

describe('an accepted message', () => {
  it('gets a positive receipt from the hub, and a journal entry with its text and contents', async () => {
    const { xml, envelope } = crpMessage();
    const response = await post(xml);
    assert.equal(response.statusCode, 200, response.body);
    const receipt = readReceipt(response.body);
    assert.deepEqual([receipt.kind, receipt.senderEan, receipt.originalEnvelopeIdentifier], ['XCTL03', CONFIG.ean, envelope]);
    assert.deepEqual(await newestEntry(), {
      envelopeIdentifier: envelope,
      lpsSystem: 'Pilot-LPS',
      httpStatus: 200,
      receipt: 'XCTL03',
      findings: [],
      xml,
      receiptXml: response.body,
      letterTypes: ['XRPT01'],
      patientIds: ['2512489996'],
      analysisCodes: ['NPU19748'],
    });
  });

  it("a mixed message: both letters' types, patient ids and analysis codes", async () => {
    const message = mixedMessage();
    const response = await post(message.xml);
    assert.equal(response.statusCode, 200, response.body);
    const { letterTypes, patientIds, analysisCodes } = await newestEntry();
    assert.deepEqual({ letterTypes, patientIds, analysisCodes }, { letterTypes: ['XRPT01', 'XRPT05'], patientIds: [message.cpr, message.cpr], analysisCodes: ['NPU19748', 'LOKSTREPA'] });
  });

  it('counts the results it shares and forwards, and counts a resend apart (MON-01), by the number of results', async () => {
    const counters = async () => {
      const text = await metricsText();
      return {
        shared: sumOf(text, 'plsp_results_shared_total', { lps_system: 'Pilot-LPS', letter_type: 'XRPT01' }),
        forwarded: sumOf(text, 'plsp_results_forwarded_total', { lps_system: 'Pilot-LPS', databank: 'LABA' }),
        resent: sumOf(text, 'plsp_results_resent_total', { lps_system: 'Pilot-LPS', databank: 'LABA' }),
      };
    };
    const message = twoResultMessage('0201609995', '5550001');
    const start = await counters();
    assert.equal((await post(message.xml)).statusCode, 200);
    const first = await counters();
    assert.deepEqual({ shared: first.shared - start.shared, forwarded: first.forwarded - start.forwarded, resent: first.resent - start.resent }, { shared: 2, forwarded: 2, resent: 0 });
    assert.equal((await post(message.xml.replace(message.envelope, 'E2RESEND'))).statusCode, 200);
    const second = await counters();
    assert.deepEqual({ shared: second.shared - first.shared, forwarded: second.forwarded - first.forwarded, resent: second.resent - first.resent }, { shared: 0, forwarded: 0, resent: 2 });
  });

  it('with testCprsOnly off, takes a message about anyone', async () => {
    const open = await buildPlspApp({ ...CONFIG, testCprsOnly: false });
    try {
      const response = await post(crpMessage('2512481234').xml, 'Pilot-LPS', 'application/xml', open);
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual((await newestEntry(open)).patientIds, ['2512481234']);
    } finally {
      await open.close();
    }
  });
});

describe('a refused message', () => {
  it('without X-LPS-System (none, or empty): 400 naming the header; journaled without a system, counted as unnamed', async () => {
    const refusedUnnamed = async () => sumOf(await metricsText(), 'plsp_messages_received_total', { lps_system: '(unnamed)', outcome: 'refused' });
    const before = await refusedUnnamed();
    for (const system of [null, '']) {
      const { xml, envelope } = crpMessage();
      const response = await post(xml, system);
      assert.equal(response.statusCode, 400, response.body);
      const receipt = readReceipt(response.body);
      assert.deepEqual([receipt.kind, receipt.refuseCode, receipt.senderEan], ['XCTL02', 'ikke_specificeret', CONFIG.ean]);
      const text = 'the HTTP header X-LPS-System is missing: send the name of the LPS system';
      assert.equal(receipt.refuseText, `X-LPS-System: ${text}`);
      assert.deepEqual(await newestEntry(), {
        envelopeIdentifier: envelope,
        httpStatus: 400,
        receipt: 'XCTL02',
        refuseCode: 'ikke_specificeret',
        findings: [error('X-LPS-System', text)],
        xml,
        receiptXml: response.body,
        letterTypes: ['XRPT01'],
        patientIds: ['2512489996'],
        analysisCodes: ['NPU19748'],
      });
    }
    assert.equal(await refusedUnnamed(), before + 2);
  });

  it('from a system not approved: 403 naming it, the warnings of the message journaled with the refusal', async () => {
    const { xml } = twoResultMessage('2512489996');
    const warnings = readEmessage(xml).findings;
    assert.ok(warnings.length > 0 && warnings.every((finding) => finding.severity === 'warning'), 'the message has no warning to keep');
    const response = await post(xml, 'Ukendt-LPS');
    assert.equal(response.statusCode, 403, response.body);
    const receipt = readReceipt(response.body);
    const text = 'the LPS system "Ukendt-LPS" is not approved by MedCom to upload lab results';
    assert.deepEqual([receipt.kind, receipt.senderEan, receipt.refuseText], ['XCTL02', CONFIG.ean, `X-LPS-System: ${text}`]);
    const entry = await newestEntry();
    assert.deepEqual([entry.lpsSystem, entry.findings], ['Ukendt-LPS', [...warnings, error('X-LPS-System', text)]]);
  });

  it('that cannot be read: its findings journaled once each, and no text when the bytes could not be decoded', async () => {
    const good = Buffer.from(crpMessage().xml);
    const at = good.indexOf(Buffer.from('æ'));
    const bytes = Buffer.concat([good.subarray(0, at), Buffer.from([0xe6]), good.subarray(at + 2)]);
    const findings = readEmessage(bytes).findings;
    const response = await post(bytes);
    assert.equal(response.statusCode, 400, response.body);
    assert.deepEqual(await newestEntry(), {
      lpsSystem: 'Pilot-LPS',
      httpStatus: 400,
      receipt: 'XCTL02',
      refuseCode: refuseCodeFor(findings),
      findings,
      receiptXml: response.body,
      letterTypes: [],
      patientIds: [],
      analysisCodes: [],
    });
  });

  it(`keeps the text of a message up to ${MAX_KEPT_BYTES} characters, and not beyond`, async () => {
    const head = '<Emessage>';
    for (const [length, kept] of [
      [MAX_KEPT_BYTES, true],
      [MAX_KEPT_BYTES + 1, false],
    ] as const) {
      const text = head + 'x'.repeat(length - head.length);
      assert.equal((await post(text)).statusCode, 400);
      const entry = await newestEntry();
      assert.equal(entry.xml, kept ? text : undefined, `${length} characters`);
      assert.equal(entry.findings.length > 0, true);
    }
  });

  it("about a real person: 422, journaled with neither the message nor the patient's id", async () => {
    const response = await post(crpMessage('2512481234').xml);
    assert.equal(response.statusCode, 422, response.body);
    const entry = await newestEntry();
    assert.equal(entry.xml, undefined);
    assert.deepEqual([entry.letterTypes, entry.patientIds, entry.analysisCodes], [['XRPT01'], [], ['NPU19748']]);
  });

  it('a databank that refuses: 502, the RefuseText naming the message', async () => {
    labaStatuses = [422];
    const response = await post(crpMessage().xml);
    assert.equal(response.statusCode, 502, response.body);
    const receipt = readReceipt(response.body);
    assert.equal(receipt.refuseText, '/Emessage: LABA refused POST http://laba.invalid/api/v1/upload with HTTP 422: LABA says no; nothing of this message was stored: send the message again');
  });

  it('a databank that breaks off its error answer: 502 naming the databank and that its answer broke off, and nothing was stored', async () => {
    // LABA starts a 503 answer and drops the connection halfway through its body.
    const breaking = createServer((request, response) => {
      request.resume();
      response.writeHead(503, { 'content-type': 'text/plain', 'content-length': '100' });
      response.write('LABA is', () => response.destroy());
    });
    await new Promise<void>((resolve) => breaking.listen(0, '127.0.0.1', resolve));
    const hub = await buildPlspApp({ ...CONFIG, labaUrl: `http://127.0.0.1:${(breaking.address() as AddressInfo).port}` });
    try {
      const response = await post(crpMessage().xml, 'Pilot-LPS', 'application/xml', hub);
      assert.equal(response.statusCode, 502, response.body);
      const url = `http://127.0.0.1:${(breaking.address() as AddressInfo).port}/api/v1/upload`;
      const text = `/Emessage: LABA refused POST ${url} with HTTP 503: (the answer broke off: terminated); nothing of this message was stored: send the message again`;
      assert.deepEqual([readReceipt(response.body).kind, readReceipt(response.body).refuseText], ['XCTL02', text]);
      assert.deepEqual((await newestEntry(hub)).findings, [error('/Emessage', text.slice('/Emessage: '.length))]);
    } finally {
      await hub.close();
      breaking.close();
    }
  });

  it('a fault of the hub itself (here a hub key that is no key) is the hub\'s 500, not blamed on a databank, and nothing was stored', async () => {
    const hub = await buildPlspApp({ ...CONFIG, hubKey: 7 as unknown as string });
    try {
      const response = await post(crpMessage().xml, 'Pilot-LPS', 'application/xml', hub);
      assert.equal(response.statusCode, 500, response.body);
      const receipt = readReceipt(response.body);
      assert.equal(receipt.kind, 'XCTL02');
      assert.match(receipt.refuseText ?? '', /^\/Emessage: the hub failed while receiving the message \(The "key" argument must be .*\): nothing was stored, send the message again$/);
    } finally {
      await hub.close();
    }
  });

  it('before it is read (a wrong Content-Type): journaled with its system and no contents, counted for that system', async () => {
    const refused = async (system: string) => sumOf(await metricsText(), 'plsp_messages_received_total', { lps_system: system, outcome: 'refused' });
    const before = { named: await refused('Pilot-LPS'), unnamed: await refused('(unnamed)') };
    const text = 'the HTTP Content-Type is text/plain: send the Emessage with Content-Type application/xml or text/xml';
    for (const system of ['Pilot-LPS', '', null]) {
      const response = await post(crpMessage().xml, system, 'text/plain');
      assert.equal(response.statusCode, 415);
      assert.deepEqual(await newestEntry(), {
        ...(system ? { lpsSystem: system } : {}),
        httpStatus: 415,
        receipt: 'XCTL02',
        refuseCode: 'ikke_specificeret',
        findings: [error('Content-Type', text)],
        receiptXml: response.body,
        letterTypes: [],
        patientIds: [],
        analysisCodes: [],
      });
    }
    assert.deepEqual({ named: await refused('Pilot-LPS'), unnamed: await refused('(unnamed)') }, { named: before.named + 1, unnamed: before.unnamed + 2 });
  });
});

describe('cancellations', () => {
  function cancel(body: unknown, system?: string) {
    return app.inject({
      method: 'POST',
      url: PLSP_PATHS.cancellations,
      payload: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(system === undefined ? {} : { 'x-lps-system': system }) },
    });
  }

  it('are passed to both databanks, answered with what each cancelled, and listed with their outcome', async () => {
    const startedAt = new Date().toISOString();
    const ok = await cancel({ patientId: '0201609995', producerCode: 'LT' }, 'Pilot-LPS');
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), { cancelled: { LABA: 2, MiBa: 1 } });
    assert.deepEqual(cancellations.sort((a, b) => a.databank.localeCompare(b.databank)), [
      { databank: 'LABA', body: { patientId: '0201609995', producerCode: 'LT' } },
      { databank: 'MiBa', body: { patientId: '0201609995', producerCode: 'LT' } },
    ]);
    const refused = await cancel({ patientId: '0201609995', producerCode: 'XY' }, 'Ukendt-LPS');
    assert.equal(refused.statusCode, 403);
    const notApproved = 'the LPS system "Ukendt-LPS" is not approved by MedCom to upload lab results';
    assert.equal(readReceipt(refused.body).refuseText, `X-LPS-System: ${notApproved}`);
    const unnamed = await cancel({ patientId: '0201609995', producerCode: 'ZZ' });
    assert.equal(unnamed.statusCode, 400);

    const listing = await app.inject({ method: 'GET', url: `${PLSP_PATHS.cancellations}?patient=0201609995` });
    assert.equal(listing.statusCode, 200);
    const listed = listing.json<{ cancellations: { receivedAt: string }[] }>().cancellations;
    assert.ok(listed.every((entry) => entry.receivedAt >= startedAt && entry.receivedAt <= new Date().toISOString()), JSON.stringify(listed));
    assert.deepEqual(
      listed.map(({ receivedAt: _receivedAt, ...entry }) => entry),
      [
        { patientId: '0201609995', producerCode: 'LT', lpsSystem: 'Pilot-LPS', httpStatus: 200, cancelled: { LABA: 2, MiBa: 1 } },
        { patientId: '0201609995', producerCode: 'XY', lpsSystem: 'Ukendt-LPS', httpStatus: 403, error: notApproved },
        { patientId: '0201609995', producerCode: 'ZZ', httpStatus: 400, error: 'the HTTP header X-LPS-System is missing: send the name of the LPS system' },
      ],
    );
  });
});

describe('the hub app', () => {
  it('answers its health check as the plsp stub', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });
    assert.deepEqual([response.statusCode, response.json()], [200, { status: 'ok', system: 'plsp' }]);
  });

  it('closes its database file when it closes: the file alone then holds every entry', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-plsp-'));
    try {
      const file = path.join(dir, 'plsp.sqlite');
      const onDisk = await buildPlspApp({ ...CONFIG, databasePath: file });
      assert.equal((await post(crpMessage().xml, 'Pilot-LPS', 'text/plain', onDisk)).statusCode, 415);
      assert.ok(existsSync(`${file}-wal`), 'the hub does not write ahead (WAL)');
      await onDisk.close();
      assert.ok(!existsSync(`${file}-wal`), 'the write-ahead log is still there: the database was not closed');
      const reopened = await buildPlspApp({ ...CONFIG, databasePath: file });
      assert.equal((await reopened.inject({ method: 'GET', url: PLSP_PATHS.messages })).json<JournalPage>().messages.length, 1);
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
