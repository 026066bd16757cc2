/** The PLSP Health Hub stub: receives from every LPS, answers with a MedCom receipt, forwards to LABA and MiBa. */
import type { FastifyInstance } from 'fastify';
import { createStubApp } from '../common/app-factory';
import { isApproved, type PlspConfig } from './config';
import { CounterStore } from './counter-store';
import { MessageJournal } from './journal';
import { HubMetrics } from './metrics';
import { Hub } from './receive';
import { registerPlspRoutes } from './routes';
import { openHubDatabase } from './state-database';
import { SystemLabels } from './system-labels';

export async function buildPlspApp(config: PlspConfig): Promise<FastifyInstance> {
  const app = createStubApp('plsp', { answerWhileClosing: true });
  const db = openHubDatabase(config.databasePath);
  app.addHook('onClose', async () => db.close());
  const metrics = new HubMetrics(new SystemLabels((system) => isApproved(config, system)), new CounterStore(db));
  const journal = new MessageJournal(db, config.journalLimits);
  registerPlspRoutes(app, { config, hub: new Hub(config, metrics, journal), metrics, journal });
  return app;
}
