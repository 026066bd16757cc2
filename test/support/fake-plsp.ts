/**
 * A fake PLSP hub for the pilot LPS's tests (msw, on http://plsp.invalid): it keeps every request as sent (path,
 * headers, bytes) and answers a message with a positive receipt and a cancellation with `{cancelled: {LABA: 1,
 * MiBa: 0}}`, unless a test gives answers of its own (`answerXrpt`, `answerCancellation`).
 */
import type { FastifyInstance } from 'fastify';
import { http, HttpResponse } from 'msw';
import { after, afterEach, before } from 'node:test';
import { buildPilotLpsApp } from '../../stubs/pilot-lps/app';
import type { SetupServer } from 'msw/node';
import { positiveReceipt, readEmessage, writeReceipt, type ReportLetter } from '../../medcom';
import { fakeNetwork } from './msw';

export const FAKE_PLSP_URL = 'http://plsp.invalid';

export interface PlspRequest {
  path: string;
  headers: Record<string, string>;
  bytes: Buffer;
}

export interface FakePlsp {
  requests: PlspRequest[];
  /** The letters of every message received, in order. */
  letters(): ReportLetter[];
  /** Answer to the next messages; undefined: a positive receipt. */
  answerXrpt: ((bytes: Buffer) => Response) | undefined;
  /** Answer to the next cancellations; undefined: 200 {cancelled: {LABA: 1, MiBa: 0}}. */
  answerCancellation: ((body: unknown) => Response) | undefined;
  /** Forget requests and custom answers (afterEach). */
  reset(): void;
  network: SetupServer;
}

export function positiveReceiptFor(bytes: Buffer): Response {
  const outcome = readEmessage(bytes);
  return new HttpResponse(writeReceipt(positiveReceipt(outcome.refs, { ean: '5790000000009' })), { headers: { 'content-type': 'application/xml' } });
}

export function fakePlsp(): FakePlsp {
  const requests: PlspRequest[] = [];
  async function keep(request: Request): Promise<Buffer> {
    const bytes = Buffer.from(await request.arrayBuffer());
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    requests.push({ path: new URL(request.url).pathname, headers, bytes });
    return bytes;
  }
  const plsp: FakePlsp = {
    requests,
    letters: () => requests.filter((request) => request.path === '/plsp/v1/xrpt').flatMap((request) => readEmessage(request.bytes).message?.letters ?? []),
    answerXrpt: undefined,
    answerCancellation: undefined,
    reset() {
      requests.length = 0;
      plsp.answerXrpt = undefined;
      plsp.answerCancellation = undefined;
    },
    network: fakeNetwork(
      http.post(`${FAKE_PLSP_URL}/plsp/v1/xrpt`, async ({ request }) => {
        const bytes = await keep(request);
        return (plsp.answerXrpt ?? positiveReceiptFor)(bytes);
      }),
      http.post(`${FAKE_PLSP_URL}/plsp/v1/cancellations`, async ({ request }) => {
        const body = JSON.parse((await keep(request)).toString('utf8')) as unknown;
        return plsp.answerCancellation ? plsp.answerCancellation(body) : HttpResponse.json({ cancelled: { LABA: 1, MiBa: 0 } });
      }),
    ),
  };
  return plsp;
}

/**
 * A pilot LPS ('Pilot-LPS') sending to a fake hub, for one test file: started before its tests, the hub's requests
 * and answers reset after each, both closed after all. `app()` is the pilot LPS once started.
 */
export function pilotLpsOnFakePlsp(): { plsp: FakePlsp; app: () => FastifyInstance } {
  const plsp = fakePlsp();
  let app: FastifyInstance | undefined;
  before(async () => {
    app = await buildPilotLpsApp({ plspUrl: FAKE_PLSP_URL, systemName: 'Pilot-LPS' });
  });
  afterEach(() => plsp.reset());
  after(async () => {
    await app?.close();
    plsp.network.close();
  });
  return {
    plsp,
    app: () => {
      if (!app) throw new Error('the pilot LPS is started in before(): use app() inside a test');
      return app;
    },
  };
}
