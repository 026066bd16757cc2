/** The World of one scenario: drivers for every system, and what the scenario did so far. */
import { setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import type { BrowserContext, Page } from 'playwright';
import type { PatientCancellationResponse, RegisteredResult, ShareAllResponse, SharedResult } from '../contracts/pilot-lps';
import type { ReceiptReply } from '../contracts/plsp';
import { findAnalysis, type CatalogueAnalysis } from '../medcom/npu-catalogue';
import { lpsMode, vendorSettings } from '../run/lps-mode';
import { runContext } from '../run/run-context';
import { RUN_ALONE_TAG } from '../run/parallel-rules';
import { DatabankDriver } from './drivers/databank';
import { DatabankProxyDriver } from './drivers/databank-proxy';
import { LabportalDriver } from './drivers/labportal';
import type { LpsDriver, ResultToRegister, TestPerson } from './drivers/lps';
import { PilotLpsDriver, type Refusal } from './drivers/pilot-lps';
import { PlspDriver } from './drivers/plsp';
import { CheckedLpsDriver } from './drivers/checked-lps';
import { VendorLpsDriver } from './drivers/vendor-lps';
import { TesterChannel } from '../run/tester-channel';
import type { ViewCheck } from './support/scenario-evidence';

/** A result the scenario registered in the LPS, by its analysis. */
export interface ScenarioResult {
  analysis: CatalogueAnalysis;
  /** What the scenario asked the LPS to register. */
  spec: ResultToRegister;
  registered: RegisteredResult;
  shared?: SharedResult;
  /** The value (and unit) the scenario last corrected the result to, once it did. */
  correction?: { value: string; unit?: string };
}

/** Printed on its own lines, so a tester sees it live and a robot tester can read the data (the tester channel). */
export { INSTRUCTION_PREFIX } from '../run/tester-channel';

export class LokalsvarWorld extends World {
  readonly environment = runContext().environment;
  readonly plsp = new PlspDriver(this.environment.urls.plsp);
  private readonly pilotLps = new PilotLpsDriver(this.environment.urls['pilot-lps']);
  /** The LPS that sends in this run: the pilot LPS, or a vendor's real LPS (LPS=vendor). */
  /** How the run talks to the vendor's tester (vendor mode only). */
  readonly tester?: TesterChannel = lpsMode() === 'vendor' ? this.testerChannel() : undefined;
  /** The LPS that sends in this run (the pilot LPS, or a vendor's real LPS), held to the expected message. */
  readonly lps: LpsDriver = new CheckedLpsDriver(this.tester ? this.vendorLps(this.tester) : this.pilotLps, {
    assignSampleNumbers: this.tester !== undefined,
    foreignProducerCodes: () => this.foreignProducerCodes(),
  });
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
  /**
   * The ids of LABA's results for the test person just before the scenario's LPS received its first result from a
   * laboratory or another practice (steps/support/registration.ts): what LABA held before that (other scenarios,
   * other LPS systems at a test camp, earlier runs on a --data databank) cannot be the LPS's forwarding of it.
   */
  labaBeforeReceived?: ReadonlySet<number>;
  /** Every share of the scenario, in order, whatever its receipt. */
  readonly sharedLog: SharedResult[] = [];
  /** Messages other LPS systems sent in the scenario (MON-01), by envelope identifier. */
  readonly otherSystemEnvelopes: { system: string; envelope: string }[] = [];
  /** The scenario's tags (@krav:..., @alene ...). */
  tags: string[] = [];
  /** The CPR numbers the scenario's steps name (run/parallel-rules.ts): no other scenario names them while it runs. */
  persons: ReadonlySet<string> = new Set();
  /** The business rules the scenario is tagged with (@krav:<id>), for failure messages. */
  rules: string[] = [];
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
    if (this.tester) throw new Error('This step needs the pilot LPS: tag its scenario @kun-pilot, so vendor mode skips it');
    return this.pilotLps;
  }

  private testerChannel(): TesterChannel {
    const server = runContext().tester;
    if (!server) throw new Error('LPS=vendor but the tester channel is not started: BeforeAll in steps/hooks.ts starts it');
    return new TesterChannel(server, { print: (line) => process.stdout.write(`${line}\n`), attach: (data, mediaType, fileName) => (typeof data === 'string' ? this.attach(data, fileName ? { mediaType, fileName } : mediaType) : this.attach(data, fileName ? { mediaType, fileName } : mediaType)) });
  }

  private vendorLps(tester: TesterChannel): VendorLpsDriver {
    const { system, timeoutMs } = vendorSettings();
    return new VendorLpsDriver(system, this.plsp, tester, timeoutMs);
  }

  /** Producer codes of the laboratories and other practices the scenario's LPS received results from. */
  private foreignProducerCodes(): string[] {
    return [...this.results.values()].flatMap((result) => (result.spec.origin && result.spec.origin !== 'klinik' && result.spec.producer ? [result.spec.producer.code] : []));
  }

  testPerson(): TestPerson {
    if (!this.person) throw new Error('The scenario names no test person: start with "Givet testpersonen <navn> (<CPR>)"');
    return this.person;
  }

  /** Every share goes through here, so a negative receipt cannot pass unnoticed. */
  recordShared(shared: SharedResult): void {
    this.lastShared = shared;
    this.sharedLog.push(shared);
    if (shared.receipt.kind === 'XCTL02') this.uncheckedRefusals.push(shared);
  }

  /** A step that asserted the receipt of the last share marks it as seen. */
  receiptChecked(): void {
    const index = this.lastShared ? this.uncheckedRefusals.indexOf(this.lastShared) : -1;
    if (index >= 0) this.uncheckedRefusals.splice(index, 1);
  }

  /** "Krav DEL-02, DEL-08: " before a failure message, so it names the rule the scenario checks. */
  rulePrefix(): string {
    return this.rules.length > 0 ? `Krav ${this.rules.join(', ')}: ` : '';
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

  /** No other scenario ran while this one did: a serial run, or a scenario tagged @alene (run/parallel-rules.ts). */
  ranAlone(): boolean {
    return Number(process.env.CUCUMBER_TOTAL_WORKERS ?? '1') <= 1 || this.tags.includes(RUN_ALONE_TAG);
  }

  /** The scenario's browser page: the run's shared page (run/shared-page.ts), cleared since the scenario before. */
  async page(): Promise<Page> {
    if (!this.currentPage) {
      const { context, page } = await runContext().page.forScenario();
      this.browserContext = context;
      this.currentPage = page;
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
