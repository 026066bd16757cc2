/** The World of one scenario: drivers for every system, and what the scenario did so far. */
import { setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import type { BrowserContext, Page } from 'playwright';
import { DatabankDriver } from './drivers/databank';
import { LabportalDriver } from './drivers/labportal';
import type { SharedResult, TestPerson } from './drivers/lps';
import { PilotLpsDriver } from './drivers/pilot-lps';
import { PlspDriver } from './drivers/plsp';
import type { HubAnswer } from './drivers/plsp';
import { runContext } from './support/run-context';

export class LokalsvarWorld extends World {
  readonly environment = runContext().environment;
  readonly lps = new PilotLpsDriver(this.environment.urls['pilot-lps']);
  readonly plsp = new PlspDriver(this.environment.urls.plsp);
  readonly laba = new DatabankDriver('LABA', this.environment.urls.laba);
  readonly miba = new DatabankDriver('MiBa', this.environment.urls.miba);
  readonly labportal = new LabportalDriver(this.environment.urls.labportal);

  person?: TestPerson;
  lastShared?: SharedResult;
  lastHubAnswer?: HubAnswer;
  /** Envelope identifier of a message the scenario sent to PLSP itself. */
  lastSentEnvelope?: string;
  browserContext?: BrowserContext;
  private currentPage?: Page;

  constructor(options: IWorldOptions) {
    super(options);
  }

  testPerson(): TestPerson {
    if (!this.person) throw new Error('The scenario names no test person: start with "Givet testpersonen <navn> (<CPR>)"');
    return this.person;
  }

  shared(): SharedResult {
    if (!this.lastShared) throw new Error('No result was shared in this scenario yet');
    return this.lastShared;
  }

  /** The scenario's browser page, opened in a fresh context on first use. */
  async page(): Promise<Page> {
    if (!this.currentPage) {
      this.browserContext = await runContext().browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
      await this.browserContext.tracing.start({ screenshots: true, snapshots: true });
      this.currentPage = await this.browserContext.newPage();
    }
    return this.currentPage;
  }

  hasPage(): boolean {
    return this.currentPage !== undefined;
  }
}

setWorldConstructor(LokalsvarWorld);
