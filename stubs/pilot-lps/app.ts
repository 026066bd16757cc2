/** The pilot LPS simulator: a GP system that registers results in the clinic and shares them via PLSP. */
import type { FastifyInstance } from 'fastify';
import { createStubApp } from '../common/app-factory';
import type { PilotLpsConfig } from './config';
import { Journal } from './journal';
import { registerPilotLpsRoutes } from './routes';

export async function buildPilotLpsApp(config: PilotLpsConfig): Promise<FastifyInstance> {
  const app = createStubApp('pilot-lps');
  registerPilotLpsRoutes(app, config, new Journal());
  return app;
}
