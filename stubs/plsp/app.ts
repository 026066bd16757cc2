/** The PLSP Health Hub stub: receives from every LPS, answers with a MedCom receipt, forwards to LABA and MiBa. */
import type { FastifyInstance } from 'fastify';
import { createStubApp } from '../common/app-factory';
import type { PlspConfig } from './config';
import { MessageJournal } from './journal';
import { HubMetrics } from './metrics';
import { Hub } from './receive';
import { registerPlspRoutes } from './routes';

export async function buildPlspApp(config: PlspConfig): Promise<FastifyInstance> {
  const app = createStubApp('plsp', { answerWhileClosing: true });
  const metrics = new HubMetrics();
  const journal = new MessageJournal();
  registerPlspRoutes(app, { config, hub: new Hub(config, metrics, journal), metrics, journal });
  return app;
}
