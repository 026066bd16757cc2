/** A cockpit app without stubs or runs, on a temporary data folder, for route tests (app.inject). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { leaderToken } from '../../testcamp/access';
import type { Camp } from '../../testcamp/camp';
import { buildCockpitApp } from '../../testcamp/cockpit-app';
import { CampEvents } from '../../testcamp/events';
import { CampRunner } from '../../testcamp/runs';
import { CampStore } from '../../testcamp/store';

export interface CockpitFixture {
  dir: string;
  store: CampStore;
  app: FastifyInstance;
  leader: string;
  close(): Promise<void>;
}

export function cockpitFixture(publicUrl = ''): CockpitFixture {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-cockpit-'));
  const store = new CampStore(path.join(dir, 'testcamp.sqlite'));
  const events = new CampEvents();
  const runner = new CampRunner(store, events, { dataDir: dir, presetFile: path.join(dir, 'preset.json'), vendorTimeoutS: 60 });
  const camp: Camp = { store, runner, events, dataDir: dir, plspUrl: 'http://127.0.0.1:9', publicUrl };
  const app = buildCockpitApp(camp);
  return {
    dir,
    store,
    app,
    leader: leaderToken(store),
    close: async () => {
      await app.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
