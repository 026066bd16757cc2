/** The databank stub: one app, run as LABA (XRPT01) or as MiBa (XRPT05). */
import type { FastifyInstance } from 'fastify';
import { createStubApp } from '../common/app-factory';
import type { DatabankConfig } from './config';
import { registerDatabankRoutes } from './routes';
import { DatabankStore } from './store';

export async function buildDatabankApp(config: DatabankConfig): Promise<FastifyInstance> {
  const app = createStubApp(config.role);
  const store = new DatabankStore(config.databasePath);
  app.addHook('onClose', async () => store.close());
  registerDatabankRoutes(app, config, store);
  return app;
}
