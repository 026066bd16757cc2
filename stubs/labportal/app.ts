/** The Laboratoriesvarportal stub: presents LABA's and MiBa's data as the national view. */
import type { FastifyInstance } from 'fastify';
import { createStubApp } from '../common/app-factory';
import type { LabportalConfig } from './config';
import { registerLabportalRoutes } from './routes';

export async function buildLabportalApp(config: LabportalConfig): Promise<FastifyInstance> {
  const app = createStubApp('labportal');
  registerLabportalRoutes(app, config);
  return app;
}
