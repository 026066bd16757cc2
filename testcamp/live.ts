/**
 * Server-sent events: a page subscribes (GET .../haendelser) and gets its regions' HTML as one `regioner` event
 * whenever something it shows changed, and at once on connecting, so a reloaded page is current at once. The
 * session page also follows the hub's journal for its system (polled while the page is open).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CampEvents } from './events';

export interface LiveStream {
  /** The regions' HTML now, by element id. */
  regions(): Promise<Record<string, string>>;
  /** Which session changes concern this page: undefined for all (the leader's matrix). */
  sessionId?: string;
  /** Also redraw every so many ms (the hub's journal is not an event the camp hears). */
  pollMs?: number;
}

export function serveEvents(request: FastifyRequest, reply: FastifyReply, events: CampEvents, stream: LiveStream): void {
  reply.hijack();
  const response = reply.raw;
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  let last = '';
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const send = async (): Promise<void> => {
    timer = undefined;
    if (closed) return;
    const regions = await stream.regions();
    const data = JSON.stringify(regions);
    if (data === last || closed) return;
    last = data;
    response.write(`event: regioner\ndata: ${data}\n\n`);
  };
  // Changes come in bursts (every step of a run): one redraw per burst.
  const soon = (): void => {
    timer ??= setTimeout(() => void send().catch(() => undefined), 150);
  };
  const unsubscribe = events.subscribe((sessionId) => {
    if (stream.sessionId === undefined || stream.sessionId === sessionId) soon();
  });
  const poll = stream.pollMs ? setInterval(soon, stream.pollMs) : undefined;
  const keepAlive = setInterval(() => response.write(': ·\n\n'), 20_000);
  request.raw.on('close', () => {
    closed = true;
    unsubscribe();
    if (poll) clearInterval(poll);
    clearInterval(keepAlive);
    if (timer) clearTimeout(timer);
  });
  void send().catch(() => undefined);
}
