/** The pilot LPS simulator: a GP system that registers results in the clinic and shares them via PLSP. */
import type { FastifyInstance } from 'fastify';
import { createStubApp } from '../common/app-factory';
import type { PilotLpsConfig } from './config';
import { Journal } from './journal';
import { registerPilotLpsRoutes } from './routes';
import { Sharing } from './sharing';

export async function buildPilotLpsApp(config: PilotLpsConfig): Promise<FastifyInstance> {
  const app = createStubApp('pilot-lps');
  const journal = new Journal();
  registerPilotLpsRoutes(app, journal, new Sharing(config, journal));
  return app;
}
