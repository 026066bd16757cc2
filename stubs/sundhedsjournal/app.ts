/** The Sundhedsjournal stand-in: sundhed.dk's lab results view for a logged-in test person, fed by the lab portal. */
import type { FastifyInstance } from 'fastify';
import { createStubApp } from '../common/app-factory';
import type { SundhedsjournalConfig } from './config';
import { createPortalClient } from './portal-client';
import { registerSundhedsjournalRoutes } from './routes';
import { SessionStore } from './session';

/** Login forms are small; anything larger is refused before parsing. */
const FORM_BODY_LIMIT_BYTES = 4 * 1024;

export async function buildSundhedsjournalApp(config: SundhedsjournalConfig): Promise<FastifyInstance> {
  const app = createStubApp('sundhedsjournal');
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT_BYTES },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );
  registerSundhedsjournalRoutes(app, {
    portal: createPortalClient(config.labportalUrl, config.portalTimeoutMs, config.accessToken),
    sessions: new SessionStore(),
  });
  return app;
}
