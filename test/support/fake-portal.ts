/** A stand-in for Laboratoriesvarportalen's query API on a free port, with answers the test controls. */
import Fastify, { type FastifyInstance } from 'fastify';
import type { PortalResult } from '../../stubs/sundhedsjournal/portal-result';

export interface FakePortal {
  url: string;
  /** Results per CPR; a CPR not set gets an empty list. */
  results: Map<string, PortalResult[]>;
  /** When set, every request is answered with this status and no results. */
  failWith?: number;
  /** CPRs asked for, in order. */
  requests: string[];
  /** Called on each request before answering, e.g. to change the results on the n-th call. */
  onRequest?: (cpr: string, count: number) => void;
  close(): Promise<void>;
}

export async function startFakePortal(): Promise<FakePortal> {
  const app: FastifyInstance = Fastify({ logger: false });
  const portal: FakePortal = {
    url: '',
    results: new Map(),
    requests: [],
    close: () => app.close(),
  };
  app.get<{ Params: { cpr: string } }>('/api/v1/patients/:cpr/results', async (request, reply) => {
    const { cpr } = request.params;
    portal.requests.push(cpr);
    portal.onRequest?.(cpr, portal.requests.length);
    if (portal.failWith !== undefined) return reply.code(portal.failWith).send({ error: 'fake portal failure' });
    return { results: portal.results.get(cpr) ?? [] };
  });
  portal.url = await app.listen({ host: '127.0.0.1', port: 0 });
  return portal;
}

/** A base URL where nothing listens: a server's port right after it closed. */
export async function unreachableUrl(): Promise<string> {
  const app = Fastify({ logger: false });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  await app.close();
  return url;
}
