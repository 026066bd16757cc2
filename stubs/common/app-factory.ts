/** The shape every stub app shares: a Fastify instance with a health route and an XML body parser. */
import Fastify, { type FastifyInstance } from 'fastify';

/** Largest message body any stub accepts (MedCom messages from one clinic are a few KB). */
export const BODY_LIMIT_BYTES = 5 * 1024 * 1024;

export function createStubApp(system: string): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES });
  app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string' }, (_request, body, done) => {
    done(null, body);
  });
  app.get('/health', async () => ({ status: 'ok', system }));
  return app;
}
