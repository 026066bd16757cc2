/** The World of one scenario: drivers for every system, and what the scenario did so far. */
import { setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import type { BrowserContext, Page } from 'playwright';
import type { PatientCancellationResponse, RegisteredResult, ShareAllResponse, SharedResult } from '../contracts/pilot-lps';
import type { ReceiptReply } from '../contracts/plsp';
import { findAnalysis, type CatalogueAnalysis } from '../medcom/npu-catalogue';
import { lpsMode, vendorSettings } from '../run/lps-mode';
import { runContext } from '../run/run-context';
import { DatabankDriver } from './drivers/databank';
import { DatabankProxyDriver } from './drivers/databank-proxy';
import { LabportalDriver } from './drivers/labportal';
import type { LpsDriver, ResultToRegister, TestPerson } from './drivers/lps';
import { PilotLpsDriver, type Refusal } from './drivers/pilot-lps';
import { PlspDriver } from './drivers/plsp';
import { VendorLpsDriver, type Instruction } from './drivers/vendor-lps';
import type { ViewCheck } from './support/scenario-evidence';

/** A result the scenario registered in the LPS, by its analysis. */
export interface ScenarioResult {
  analysis: CatalogueAnalysis;
  /** What the scenario asked the LPS to register. */
  spec: ResultToRegister;
  registered: RegisteredResult;
  shared?: SharedResult;
}

/** Printed on its own lines, so a tester sees it live and a robot tester can read the data. */
export const INSTRUCTION_PREFIX = 'LOKALSVAR-INSTRUKTION';

export class LokalsvarWorld extends World {
  readonly environment = runContext().environment;
  readonly plsp = new PlspDriver(this.environment.urls.plsp);
  private readonly pilotLps = new PilotLpsDriver(this.environment.urls['pilot-lps']);
  /** The LPS that sends in this run: the pilot LPS, or a vendor's real LPS (LPS=vendor). */
  readonly lps: LpsDriver = lpsMode() === 'vendor' ? this.vendorLps() : this.pilotLps;
  readonly laba = new DatabankDriver('LABA', this.environment.urls.laba);
  readonly miba = new DatabankDriver('MiBa', this.environment.urls.miba);
  readonly labportal = new LabportalDriver(this.environment.urls.labportal);
  readonly databankProxy = new DatabankProxyDriver(this.environment.urls.wiremock, this.lps.systemName);
  /** True once the scenario put a fault in front of a databank: the After hook takes it away again. */
  faultsInjected = false;

  person?: TestPerson;
  /** The practice the scenario last acted in. */
  clinic?: string;
  readonly results = new Map<string, ScenarioResult>();
  lastShared?: SharedResult;
  /** Negative receipts the LPS got that no step has looked at yet: the After hook fails the scenario on them. */
  readonly uncheckedRefusals: SharedResult[] = [];
  lastRefusal?: Refusal;
  lastShareAll?: ShareAllResponse;
  lastCancellation?: PatientCancellationResponse;
  lastHubAnswer?: ReceiptReply;
  /** Envelope identifier of a message the scenario sent to PLSP itself. */
  lastSentEnvelope?: string;
  metricsBefore?: string;
  browserContext?: BrowserContext;
  private currentPage?: Page;
  /** When the scenario began: its evidence is what the systems received from then on (steps/support/scenario-evidence.ts). */
  readonly startedAt = new Date().toISOString();
  /** Each look at Sundhedsjournalen, for the scenario's hop timeline. */
  readonly viewChecks: ViewCheck[] = [];

  constructor(options: IWorldOptions) {
    super(options);
  }

  /** The pilot LPS, for steps only the simulator can do (scenarios tagged @kun-pilot, skipped in vendor mode). */
  pilot(): PilotLpsDriver {
    if (this.lps !== this.pilotLps) throw new Error('This step needs the pilot LPS: tag its scenario @kun-pilot, so vendor mode skips it');
    return this.pilotLps;
  }

  private vendorLps(): VendorLpsDriver {
    const { system, timeoutMs } = vendorSettings();
    const instruct = (instruction: Instruction): void => {
      process.stdout.write(`\n${INSTRUCTION_PREFIX}: ${instruction.text}\n${INSTRUCTION_PREFIX}-JSON: ${JSON.stringify(instruction.data)}\n`);
      this.attach(instruction.text, { mediaType: 'text/plain', fileName: 'instruktion.txt' });
    };
    return new VendorLpsDriver(system, this.plsp, instruct, timeoutMs);
  }

  testPerson(): TestPerson {
    if (!this.person) throw new Error('The scenario names no test person: start with "Givet testpersonen <navn> (<CPR>)"');
    return this.person;
  }

  /** Every share goes through here, so a negative receipt cannot pass unnoticed. */
  recordShared(shared: SharedResult): void {
    this.lastShared = shared;
    if (shared.receipt.kind === 'XCTL02') this.uncheckedRefusals.push(shared);
  }

  /** A step that asserted the receipt of the last share marks it as seen. */
  receiptChecked(): void {
    const index = this.lastShared ? this.uncheckedRefusals.indexOf(this.lastShared) : -1;
    if (index >= 0) this.uncheckedRefusals.splice(index, 1);
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
