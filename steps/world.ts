/** The World of one scenario: drivers for every system, and what the scenario did so far. */
import { setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import type { BrowserContext, Page } from 'playwright';
import { findAnalysis, type CatalogueAnalysis } from '../medcom/npu-catalogue';
import { DatabankDriver } from './drivers/databank';
import { DatabankProxyDriver } from './drivers/databank-proxy';
import { LabportalDriver } from './drivers/labportal';
import type { CancellationOutcome, Refusal, RegisteredResult, ShareAllOutcome, SharedResult, TestPerson } from './drivers/lps';
import { PilotLpsDriver } from './drivers/pilot-lps';
import { PlspDriver, type HubAnswer } from './drivers/plsp';
import { runContext } from './support/run-context';

/** A result the scenario registered in the LPS, by its analysis. */
export interface ScenarioResult {
  analysis: CatalogueAnalysis;
  registered: RegisteredResult;
  shared?: SharedResult;
}

export class LokalsvarWorld extends World {
  readonly environment = runContext().environment;
  readonly lps = new PilotLpsDriver(this.environment.urls['pilot-lps']);
  readonly plsp = new PlspDriver(this.environment.urls.plsp);
  readonly laba = new DatabankDriver('LABA', this.environment.urls.laba);
  readonly miba = new DatabankDriver('MiBa', this.environment.urls.miba);
  readonly labportal = new LabportalDriver(this.environment.urls.labportal);
  readonly databankProxy = new DatabankProxyDriver(this.environment.urls.wiremock);
  /** True once the scenario put a fault in front of a databank: the After hook takes it away again. */
  faultsInjected = false;

  person?: TestPerson;
  /** The practice the scenario last acted in. */
  clinic?: string;
  readonly results = new Map<string, ScenarioResult>();
  lastShared?: SharedResult;
  lastRefusal?: Refusal;
  lastShareAll?: ShareAllOutcome;
  lastCancellation?: CancellationOutcome;
  lastHubAnswer?: HubAnswer;
  /** Envelope identifier of a message the scenario sent to PLSP itself. */
  lastSentEnvelope?: string;
  metricsBefore?: string;
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

  refusal(): Refusal {
    if (!this.lastRefusal) throw new Error('The LPS refused nothing in this scenario');
    return this.lastRefusal;
  }

  /** The scenario's result for an analysis named in a step ("CRP", "HbA1c" ...). */
  result(analysisName: string): ScenarioResult {
    const key = analysis(analysisName).shortName;
    const result = this.results.get(key);
    if (!result) throw new Error(`The scenario registered no ${analysisName} result`);
    return result;
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

/** An analysis named in a step, from the catalogue; a clear error for a name the platform does not know. */
export function analysis(name: string): CatalogueAnalysis {
  const found = findAnalysis(name);
  if (!found) throw new Error(`"${name}" is not an analysis the platform knows (medcom/npu-catalogue.ts)`);
  return found;
}

setWorldConstructor(LokalsvarWorld);
