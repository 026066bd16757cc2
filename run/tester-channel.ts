/**
 * The tester channel (vendor mode): the one interface through which a run talks to whoever operates the vendor's
 * LPS, a person at a terminal, a robot, or later the test-camp web application.
 *
 *   stdout  LOKALSVAR-INSTRUKTION: <Danish text>
 *           LOKALSVAR-INSTRUKTION-JSON: {"action": ..., ...the result to register..., "system", "since", "files"?}
 *           LOKALSVAR-SPØRGSMÅL: <Danish question> (...)
 *           LOKALSVAR-SPØRGSMÅL-JSON: {"id", "rule", "question", "answerUrl", "files"?}
 *           LOKALSVAR-NOTE: <what the run noticed, e.g. a resend>
 *   HTTP    GET  <base>/filer/<id>   a file offered to import into the LPS (the URL is in "files")
 *           POST <base>/svar/<id>    the answer to a question, JSON {"svar": "ja"|"nej", "note": "...",
 *                                    "bilag": "<optional base64 PNG>", "af": "<optional: who answers>"}
 *   stdin   a person at a terminal may answer the open question with a line "ja" or "nej", optionally followed by a note.
 *
 * The JSON lines only ever gain fields; none is renamed. The answer server listens on E2E_TESTER_HOST (default
 * 127.0.0.1) and E2E_TESTER_PORT (default: a free port); E2E_TESTER_URL overrides the base URL printed (behind a proxy).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { INSTRUCTION_PREFIX, NOTE_PREFIX, QUESTION_PREFIX, type OfferedFile, type QuestionLine } from '../contracts/tester-channel';
import { ATTESTATION_MEDIA_TYPE, type TesterAttestation } from '../requirements/tester-attestation';

/** One instruction to the tester: Danish text for people, the same as data for a robot tester. */
export interface Instruction {
  text: string;
  data: Record<string, unknown>;
}

/** How a driver reaches the tester: instructions, and notes (resends seen) for the tester and the report. */
export interface TesterOutput {
  instruct(instruction: Instruction): void;
  note(text: string): void;
}

export { INSTRUCTION_PREFIX, NOTE_PREFIX, QUESTION_PREFIX };
/** Media type of an answer attached to the cucumber report (the certification report reads it). */
export { ATTESTATION_MEDIA_TYPE };

export type { OfferedFile };

export interface Answer {
  svar: 'ja' | 'nej';
  note?: string;
  /** A screenshot, base64 PNG. */
  bilag?: string;
  /** Who answered: as the answer says, or the terminal's user, or "ukendt". */
  af: string;
  /** When the answer came (ISO 8601). */
  tidspunkt: string;
  kanal: 'http' | 'terminal';
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Checks an answer's JSON; returns the problems in words a tester can act on. */
export function parseAnswer(body: unknown, kanal: Answer['kanal'], now = new Date()): Answer | { problems: string[] } {
  const problems: string[] = [];
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  if (raw.svar !== 'ja' && raw.svar !== 'nej') problems.push(`"svar" must be "ja" or "nej", not ${JSON.stringify(raw.svar)}`);
  if (raw.note !== undefined && typeof raw.note !== 'string') problems.push('"note" must be text');
  if (raw.af !== undefined && typeof raw.af !== 'string') problems.push('"af" must be text (who answers)');
  if (raw.bilag !== undefined) {
    const bytes = typeof raw.bilag === 'string' ? Buffer.from(raw.bilag, 'base64') : Buffer.alloc(0);
    if (bytes.length < PNG_SIGNATURE.length || !bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
      problems.push('"bilag" must be a PNG image, base64-encoded');
    }
  }
  if (problems.length > 0) return { problems };
  return {
    svar: raw.svar as Answer['svar'],
    ...(typeof raw.note === 'string' && raw.note !== '' ? { note: raw.note } : {}),
    ...(typeof raw.bilag === 'string' ? { bilag: raw.bilag } : {}),
    af: typeof raw.af === 'string' && raw.af !== '' ? raw.af : 'ukendt (svar via HTTP uden "af")',
    tidspunkt: now.toISOString(),
    kanal,
  };
}

interface Pending {
  resolve: (answer: Answer) => void;
}

/** The small HTTP server of the channel: files to import, and answers to questions. One per run. */
export class AnswerServer {
  private readonly files = new Map<string, { content: Buffer; mediaType: string }>();
  private readonly pending = new Map<string, Pending>();
  private readonly answered = new Set<string>();

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(env = process.env): Promise<AnswerServer> {
    const host = env.E2E_TESTER_HOST || '127.0.0.1';
    const port = env.E2E_TESTER_PORT ? Number(env.E2E_TESTER_PORT) : 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`E2E_TESTER_PORT=${env.E2E_TESTER_PORT} is not a port number 0-65535`);
    let handler: (request: IncomingMessage, response: ServerResponse) => void = () => undefined;
    const server = createServer((request, response) => handler(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error) => reject(new Error(`The tester channel cannot listen on ${host}:${port}: ${error.message}; set E2E_TESTER_PORT to a free port`)));
      server.listen(port, host, resolve);
    });
    const address = server.address() as AddressInfo;
    const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    const channel = new AnswerServer(server, (env.E2E_TESTER_URL || `http://${shownHost}:${address.port}`).replace(/\/$/, ''));
    handler = (request, response) => void channel.handle(request, response);
    return channel;
  }

  offer(name: string, content: string | Buffer, mediaType: string): OfferedFile {
    const id = `${randomUUID()}/${encodeURIComponent(name)}`;
    this.files.set(id, { content: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), mediaType });
    return { name, url: `${this.baseUrl}/filer/${id}`, mediaType };
  }

  /** Opens a question: its answer URL, and a promise of the answer (from HTTP or from resolveLocally). */
  open(): { id: string; answerUrl: string; answer: Promise<Answer> } {
    const id = randomUUID();
    const answer = new Promise<Answer>((resolve) => this.pending.set(id, { resolve }));
    return { id, answerUrl: `${this.baseUrl}/svar/${id}`, answer };
  }

  /** An answer that came another way (the terminal). */
  resolveLocally(id: string, answer: Answer): boolean {
    const pending = this.pending.get(id);
    if (!pending) return false;
    this.settle(id, pending, answer);
    return true;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private settle(id: string, pending: Pending, answer: Answer): void {
    this.pending.delete(id);
    this.answered.add(id);
    pending.resolve(answer);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const send = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
    };
    const url = new URL(request.url ?? '/', 'http://channel');
    const file = /^\/filer\/(.+)$/.exec(url.pathname);
    if (request.method === 'GET' && file) {
      const found = this.files.get(file[1] as string);
      if (!found) return send(404, { error: `no file ${url.pathname} is offered in this run` });
      response.writeHead(200, { 'content-type': found.mediaType, 'content-length': found.content.length }).end(found.content);
      return;
    }
    const answer = /^\/svar\/([0-9a-f-]+)$/.exec(url.pathname);
    if (request.method === 'POST' && answer) {
      const id = answer[1] as string;
      const pending = this.pending.get(id);
      if (!pending) return send(this.answered.has(id) ? 409 : 404, { error: this.answered.has(id) ? `question ${id} is answered already` : `no open question ${id} in this run` });
      let body: unknown;
      try {
        body = JSON.parse(await readBody(request));
      } catch (error) {
        return send(400, { error: `the answer must be JSON {"svar": "ja"|"nej", "note": "...", "bilag": "<base64 PNG>"}: ${(error as Error).message}` });
      }
      const parsed = parseAnswer(body, 'http');
      if ('problems' in parsed) return send(400, { error: parsed.problems.join('; ') });
      this.settle(id, pending, parsed);
      return send(200, { modtaget: true, svar: parsed.svar, tidspunkt: parsed.tidspunkt });
    }
    send(404, { error: `${request.method} ${url.pathname} is not part of the tester channel: GET /filer/<id>, POST /svar/<id>` });
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`the answer is larger than ${MAX_BODY_BYTES} bytes`));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** A line a person typed: "ja" or "nej", optionally followed by a note. */
export function parseTerminalAnswer(line: string, now = new Date()): Answer | undefined {
  const match = /^\s*(ja|nej)\b[\s:,-]*(.*)$/i.exec(line);
  if (!match) return undefined;
  const note = (match[2] as string).trim();
  let who = 'ukendt';
  try {
    who = userInfo().username;
  } catch {
    // no user name on this machine: "ukendt"
  }
  return { svar: (match[1] as string).toLowerCase() as Answer['svar'], ...(note ? { note } : {}), af: `${who} (terminal)`, tidspunkt: now.toISOString(), kanal: 'terminal' };
}

export interface ChannelSinks {
  /** Writes one line for the tester (standard output). */
  print(line: string): void;
  /** Attaches to the scenario's report, under a file name in the evidence bundle when one is given. */
  attach(data: string | Buffer, mediaType: string, fileName?: string): void;
}

/** One scenario's side of the channel: prints, offers files, asks questions and waits for the answer. */
export class TesterChannel implements TesterOutput {
  constructor(
    private readonly server: AnswerServer,
    private readonly sinks: ChannelSinks,
    private readonly input: NodeJS.ReadableStream | undefined = process.stdin.isTTY ? process.stdin : undefined,
  ) {}

  instruct(instruction: Instruction): void {
    this.sinks.print(`\n${INSTRUCTION_PREFIX}: ${instruction.text}\n${INSTRUCTION_PREFIX}-JSON: ${JSON.stringify(instruction.data)}`);
    this.sinks.attach(instruction.text, 'text/plain', 'instruktion.txt');
  }

  note(text: string): void {
    this.sinks.print(`${NOTE_PREFIX}: ${text}`);
    this.sinks.attach(text, 'text/plain');
  }

  offerFile(name: string, content: string | Buffer, mediaType: string): OfferedFile {
    return this.server.offer(name, content, mediaType);
  }

  /**
   * Asks the tester a ja/nej question about a rule and waits for the answer (HTTP or terminal). The answer is
   * attached to the report as an attestation; the caller decides what "nej" means.
   */
  async ask(rule: string, question: string, timeoutMs: number, files: OfferedFile[] = []): Promise<Answer> {
    const { id, answerUrl, answer } = this.server.open();
    const how = `svar med POST ${answerUrl} {"svar": "ja"|"nej", "note": "..."}${this.input ? ', eller skriv ja/nej her' : ''}`;
    this.sinks.print(
      `\n${QUESTION_PREFIX}: [${rule}] ${question} (${how}; venter højst ${Math.round(timeoutMs / 1000)} s)\n` +
        `${QUESTION_PREFIX}-JSON: ${JSON.stringify({ id, rule, question, answerUrl, ...(files.length > 0 ? { files } : {}) } satisfies QuestionLine)}`,
    );
    const stopReading = this.readTerminal(id);
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`[${rule}] Testeren svarede ikke inden for ${Math.round(timeoutMs / 1000)} s på: "${question}". Svar med POST ${answerUrl} eller på terminalen; VENDOR_TIMEOUT_S giver mere tid.`)),
          timeoutMs,
        );
      });
      const given = await Promise.race([answer, timeout]);
      const attested: TesterAttestation = { krav: rule, spoergsmaal: question, svar: given.svar, af: given.af, tidspunkt: given.tidspunkt, kanal: given.kanal, ...(given.note ? { note: given.note } : {}) };
      this.sinks.attach(JSON.stringify(attested), ATTESTATION_MEDIA_TYPE, 'attestation.json');
      this.sinks.attach(`Attesteret af ${given.af} ${given.tidspunkt}: [${rule}] ${question} Svar: ${given.svar}${given.note ? ` (${given.note})` : ''}`, 'text/plain');
      if (given.bilag) this.sinks.attach(Buffer.from(given.bilag, 'base64'), 'image/png', 'bilag.png');
      return given;
    } finally {
      if (timer) clearTimeout(timer);
      stopReading();
    }
  }

  private readTerminal(id: string): () => void {
    if (!this.input) return () => undefined;
    const lines = createInterface({ input: this.input, terminal: false });
    lines.on('line', (line) => {
      const answer = parseTerminalAnswer(line);
      if (answer) this.server.resolveLocally(id, answer);
      else this.sinks.print(`${QUESTION_PREFIX}: skriv "ja" eller "nej", evt. efterfulgt af en note`);
    });
    return () => lines.close();
  }
}
