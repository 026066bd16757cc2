/** The tester channel: instructions and questions as lines, answers over HTTP or the terminal, files to import. */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { ATTESTATION_MEDIA_TYPE, AnswerServer, parseTerminalAnswer, TesterChannel } from '../../run/tester-channel';
import { waitFor } from '../../run/wait-for';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');

function sinks() {
  const lines: string[] = [];
  const attachments: { data: string | Buffer; mediaType: string }[] = [];
  return { lines, attachments, print: (line: string) => lines.push(...line.split('\n')), attach: (data: string | Buffer, mediaType: string) => attachments.push({ data, mediaType }) };
}

async function questionJson(lines: string[]): Promise<{ id: string; rule: string; question: string; answerUrl: string }> {
  const line = await waitFor(async () => lines.find((text) => text.startsWith('LOKALSVAR-SPØRGSMÅL-JSON: ')), { what: 'the question line', timeoutMs: 2_000, intervalMs: 10 });
  return JSON.parse(line.slice('LOKALSVAR-SPØRGSMÅL-JSON: '.length));
}

function post(url: string, body: unknown) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

describe('tester channel', () => {
  let server: AnswerServer;
  before(async () => {
    server = await AnswerServer.start({ E2E_TESTER_PORT: '0' });
  });
  after(() => server.close());

  it('prints an instruction as a text line and a JSON line', () => {
    const out = sinks();
    new TesterChannel(server, out, undefined).instruct({ text: 'Gør det', data: { action: 'registrer-og-del', value: '45' } });
    assert.ok(out.lines.includes('LOKALSVAR-INSTRUKTION: Gør det'));
    assert.ok(out.lines.includes('LOKALSVAR-INSTRUKTION-JSON: {"action":"registrer-og-del","value":"45"}'));
  });

  it('asks a question with an answer URL; a POSTed answer is attested with who and when, with its screenshot', async () => {
    const out = sinks();
    const asking = new TesterChannel(server, out, undefined).ask('DEL-04', 'Afviste LPS\'et det?', 5_000);
    const question = await questionJson(out.lines);
    assert.equal(question.rule, 'DEL-04');
    assert.equal(question.question, "Afviste LPS'et det?");
    assert.match(question.answerUrl, /^http:\/\/127\.0\.0\.1:\d+\/svar\/[0-9a-f-]+$/);
    const response = await post(question.answerUrl, { svar: 'ja', note: 'Knappen var grå', bilag: PNG, af: 'Tove Tester, Leverandør A/S' });
    assert.equal(response.status, 200);
    const answer = await asking;
    assert.equal(answer.svar, 'ja');
    assert.equal(answer.af, 'Tove Tester, Leverandør A/S');
    const attestation = out.attachments.find((a) => a.mediaType === ATTESTATION_MEDIA_TYPE);
    assert.ok(attestation);
    assert.deepEqual({ ...JSON.parse(String(attestation.data)), tidspunkt: 'T' }, { krav: 'DEL-04', spoergsmaal: "Afviste LPS'et det?", svar: 'ja', note: 'Knappen var grå', af: 'Tove Tester, Leverandør A/S', tidspunkt: 'T', kanal: 'http' });
    assert.ok(out.attachments.some((a) => a.mediaType === 'image/png'));
    assert.equal((await post(question.answerUrl, { svar: 'nej' })).status, 409, 'a question is answered once');
  });

  it('refuses an answer that is not ja/nej or whose attachment is not a PNG, saying what is wrong', async () => {
    const out = sinks();
    const asking = new TesterChannel(server, out, undefined).ask('DEL-04', 'Spørgsmål?', 5_000);
    const { answerUrl } = await questionJson(out.lines);
    const wrong = await post(answerUrl, { svar: 'måske', bilag: Buffer.from('GIF89a').toString('base64') });
    assert.equal(wrong.status, 400);
    const { error } = (await wrong.json()) as { error: string };
    assert.match(error, /"svar" must be "ja" or "nej"/);
    assert.match(error, /"bilag" must be a PNG image/);
    assert.equal((await post(answerUrl, 'not json')).status, 400);
    assert.equal((await post(answerUrl, { svar: 'nej' })).status, 200);
    assert.equal((await asking).svar, 'nej');
  });

  it('takes the answer from a person at the terminal', async () => {
    const out = sinks();
    const input = new PassThrough();
    const asking = new TesterChannel(server, out, input).ask('DEL-04', 'Spørgsmål?', 5_000);
    await questionJson(out.lines);
    input.write('hvad?\n');
    input.write('nej det kunne slettes\n');
    const answer = await asking;
    assert.deepEqual([answer.svar, answer.note, answer.kanal], ['nej', 'det kunne slettes', 'terminal']);
    assert.ok(out.lines.some((line) => line.includes('skriv "ja" eller "nej"')));
    assert.equal(parseTerminalAnswer('Ja')?.svar, 'ja');
    assert.equal(parseTerminalAnswer('jo'), undefined);
  });

  it('fails with the rule and the URL when nobody answers in time', async () => {
    const out = sinks();
    await assert.rejects(new TesterChannel(server, out, undefined).ask('DEL-04', 'Spørgsmål?', 50), /\[DEL-04\] Testeren svarede ikke inden for 0 s.*POST http/);
  });

  it('offers a file to import at a URL', async () => {
    const out = sinks();
    const file = new TesterChannel(server, out, undefined).offerFile('laboratoriesvar.xml', '<Emessage/>', 'application/xml');
    const response = await fetch(file.url);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/xml');
    assert.equal(await response.text(), '<Emessage/>');
    assert.equal((await fetch(`${server.baseUrl}/filer/nothing`)).status, 404);
  });
});
