/**
 * Drives WireMock between PLSP and the databanks (its admin API, wiremock-admin.ts): puts faults in front of LABA or MiBa for the
 * scenario that asks, reads what PLSP sent, and takes the faults away again. A fault hits only uploads that PLSP
 * forwards for this run's LPS system (the X-LPS-System header), so other LPS systems sharing a remote hub at a
 * test camp are not disturbed, and, given a patient, only uploads about that patient (the CPR number in the
 * letter's Patient), so scenarios about other test persons, running at the same time (run/parallel-rules.ts), are
 * not disturbed either. It carries this driver's own metadata and a priority above the pass-through mappings, so
 * removing this driver's faults restores the plain proxy and leaves other runs' faults alone.
 */
import { randomUUID } from 'node:crypto';
import type { DatabankName } from '../../contracts/databank';
import { LPS_SYSTEM_HEADER } from '../../contracts/plsp';
import { DATABANK_PREFIXES, FAULT_PRIORITY, proxiedUploadPath, type FaultMappingMetadata } from '../../contracts/wiremock';
import { WireMockAdmin } from './wiremock-admin';

interface ProxyMapping {
  response: { proxyBaseUrl: string };
}

/** Which uploads a fault hits, beyond this driver's LPS system: those about this patient (CPR, 10 digits), if given. */
export interface FaultScope {
  patient?: string;
}

/** WireMock's body pattern for a letter about the patient: its CivilRegistrationNumber, with any namespace prefix. */
export function patientBodyPattern(cpr: string): { matches: string } {
  if (!/^\d{10}$/.test(cpr)) throw new Error(`A fault can be limited to a patient by a CPR number of 10 digits, not "${cpr}"`);
  return { matches: `(?s).*CivilRegistrationNumber>\\s*${cpr}\\s*</.*` };
}

export class DatabankProxyDriver {
  private readonly wiremock: WireMockAdmin;
  private readonly owner = randomUUID();
  /** Every fault this driver put in, with what it is in words, removed or not. */
  private readonly added: { id: string; what: string }[] = [];

  constructor(
    readonly baseUrl: string,
    /** Faults hit only uploads PLSP forwards for this LPS system. */
    private readonly lpsSystem: string,
  ) {
    this.wiremock = new WireMockAdmin(baseUrl);
  }

  private get metadata(): FaultMappingMetadata {
    return { lokalsvar: 'fault', owner: this.owner };
  }

  /** A fault's mapping: this run's uploads to the databank (about the patient, if given) get `response`, ahead of the pass-through. */
  private fault(databank: DatabankName, scope: FaultScope, response: object, scenario: object = {}): object {
    return {
      priority: FAULT_PRIORITY,
      request: {
        method: 'POST',
        url: proxiedUploadPath(databank),
        headers: { [LPS_SYSTEM_HEADER]: { equalTo: this.lpsSystem } },
        ...(scope.patient !== undefined ? { bodyPatterns: [patientBodyPattern(scope.patient)] } : {}),
      },
      response,
      metadata: this.metadata,
      ...scenario,
    };
  }

  private static errorAnswer(status: number, error: string): object {
    return { status, jsonBody: { error }, headers: { 'Content-Type': 'application/json; charset=utf-8' } };
  }

  /** The databank answers every upload with this HTTP status until the faults are removed. */
  async failUploads(databank: DatabankName, status: number, scope: FaultScope = {}): Promise<void> {
    await this.addFault(
      this.fault(databank, scope, DatabankProxyDriver.errorAnswer(status, `${databank} is down (fault injected by the scenario)`)),
      `fail uploads to ${databank}`,
    );
  }

  /** The next `times` uploads get this HTTP status; after that uploads reach the databank again. */
  async failNextUploads(databank: DatabankName, times: number, status: number, scope: FaultScope = {}): Promise<void> {
    const scenarioName = `fault-${randomUUID()}`;
    for (let index = 0; index < times; index += 1) {
      await this.addFault(
        this.fault(databank, scope, DatabankProxyDriver.errorAnswer(status, `${databank} failed (fault ${index + 1} of ${times} injected by the scenario)`), {
          scenarioName,
          requiredScenarioState: index === 0 ? 'Started' : `failed-${index}`,
          newScenarioState: `failed-${index + 1}`,
        }),
        `fail upload ${index + 1} of ${times} to ${databank}`,
      );
    }
  }

  /** The connection to the databank is dropped without an answer until the faults are removed. */
  async dropConnections(databank: DatabankName, scope: FaultScope = {}): Promise<void> {
    await this.addFault(this.fault(databank, scope, { fault: 'CONNECTION_RESET_BY_PEER' }), `drop connections to ${databank}`);
  }

  /** Every upload still reaches the databank, but only after this delay. */
  async slowUploads(databank: DatabankName, delayMs: number, scope: FaultScope = {}): Promise<void> {
    // The pass-through mapping's metadata names its databank (ProxyMappingMetadata).
    const [proxy] = await this.wiremock.findMappingsByMetadata<ProxyMapping>({ expression: '$.databank', equalTo: databank });
    if (!proxy) throw new Error(`WireMock at ${this.baseUrl} has no pass-through mapping for ${databank}`);
    const response = { proxyBaseUrl: proxy.response.proxyBaseUrl, proxyUrlPrefixToRemove: DATABANK_PREFIXES[databank], fixedDelayMilliseconds: delayMs };
    await this.addFault(this.fault(databank, scope, response), `delay uploads to ${databank}`);
  }

  private async addFault(mapping: object, what: string): Promise<void> {
    this.added.push({ id: await this.wiremock.addMapping(mapping, what), what });
  }

  /**
   * The faults this driver put in that no upload met (in words), removed or not: a fault scoped to a patient whose
   * uploads never matched it has shown nothing (steps/hooks.ts fails such a scenario).
   */
  async faultsNotMet(): Promise<string[]> {
    if (this.added.length === 0) return [];
    const met = new Set((await this.wiremock.journal()).map((entry) => entry.stubMapping?.id));
    return this.added.filter((fault) => !met.has(fault.id)).map((fault) => fault.what);
  }

  /** Removes this driver's faults: uploads pass straight through again. */
  async removeFaults(): Promise<void> {
    await this.wiremock.removeMappingsByMetadata({ expression: '$.owner', equalTo: this.owner });
  }

  /** The HTTP statuses of the uploads PLSP made to the databank that carried this envelope, oldest first. */
  async uploadsOf(databank: DatabankName, envelopeIdentifier: string): Promise<number[]> {
    const requests = await this.wiremock.requestsFor('POST', proxiedUploadPath(databank));
    return requests
      .filter((entry) => entry.request.body?.includes(`<Identifier>${envelopeIdentifier}</Identifier>`))
      .map((entry) => entry.response?.status ?? entry.responseDefinition?.status ?? 0)
      .reverse();
  }
}
