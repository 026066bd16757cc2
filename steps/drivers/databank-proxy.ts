/**
 * Drives WireMock between PLSP and the databanks (wiremock-captain): puts faults in front of LABA or MiBa for the
 * scenario that asks, reads what PLSP sent, and takes the faults away again. A fault hits only uploads that PLSP
 * forwards for this run's LPS system (the X-LPS-System header), so other LPS systems sharing a remote hub at a
 * test camp are not disturbed; it carries this driver's own metadata and a priority above the pass-through
 * mappings, so removing this driver's faults restores the plain proxy and leaves other runs' faults alone.
 */
import { randomUUID } from 'node:crypto';
import { MatchingAttributes, WireMock, WireMockFault } from 'wiremock-captain';
import type { DatabankName } from '../../contracts/databank';
import { LPS_SYSTEM_HEADER } from '../../contracts/plsp';
import { DATABANK_PREFIXES, FAULT_PRIORITY, proxiedUploadPath, type FaultMappingMetadata } from '../../contracts/wiremock';

interface JournalRequest {
  request: { url: string; method: string; body?: string };
  response?: { status?: number };
  responseDefinition?: { status?: number };
}

interface ProxyMapping {
  response: { proxyBaseUrl: string };
}

export class DatabankProxyDriver {
  private readonly wiremock: WireMock;
  private readonly owner = randomUUID();

  constructor(
    readonly baseUrl: string,
    /** Faults hit only uploads PLSP forwards for this LPS system. */
    private readonly lpsSystem: string,
  ) {
    this.wiremock = new WireMock(baseUrl);
  }

  private get metadata(): FaultMappingMetadata {
    return { lokalsvar: 'fault', owner: this.owner };
  }

  private uploadRequest(databank: DatabankName) {
    return { method: 'POST' as const, endpoint: proxiedUploadPath(databank), metadata: this.metadata, headers: { [LPS_SYSTEM_HEADER]: this.lpsSystem } };
  }

  /** The databank answers every upload with this HTTP status until the faults are removed. */
  async failUploads(databank: DatabankName, status: number): Promise<void> {
    await this.wiremock.register(
      this.uploadRequest(databank),
      { status, body: { error: `${databank} is down (fault injected by the scenario)` } },
      { stubPriority: FAULT_PRIORITY },
    );
  }

  /** The next `times` uploads get this HTTP status; after that uploads reach the databank again. */
  async failNextUploads(databank: DatabankName, times: number, status: number): Promise<void> {
    const scenarioName = `fault-${randomUUID()}`;
    for (let index = 0; index < times; index += 1) {
      await this.wiremock.register(
        this.uploadRequest(databank),
        { status, body: { error: `${databank} failed (fault ${index + 1} of ${times} injected by the scenario)` } },
        {
          stubPriority: FAULT_PRIORITY,
          scenario: { scenarioName, requiredScenarioState: index === 0 ? 'Started' : `failed-${index}`, newScenarioState: `failed-${index + 1}` },
        },
      );
    }
  }

  /** The connection to the databank is dropped without an answer until the faults are removed. */
  async dropConnections(databank: DatabankName): Promise<void> {
    await this.wiremock.register(
      this.uploadRequest(databank),
      { status: 200 },
      { stubPriority: FAULT_PRIORITY, fault: WireMockFault.CONNECTION_RESET_BY_PEER },
    );
  }

  /** Every upload still reaches the databank, but only after this delay. */
  async slowUploads(databank: DatabankName, delayMs: number): Promise<void> {
    // The pass-through mapping's metadata names its databank (ProxyMappingMetadata).
    const [proxy] = (await this.wiremock.findMappingByMetadata(
      { expression: '$.databank', equalTo: databank },
      MatchingAttributes.MatchesJsonPath,
    )) as ProxyMapping[];
    if (!proxy) throw new Error(`WireMock at ${this.baseUrl} has no pass-through mapping for ${databank}`);
    const mapping = {
      priority: FAULT_PRIORITY,
      request: { method: 'POST', url: proxiedUploadPath(databank), headers: { [LPS_SYSTEM_HEADER]: { equalTo: this.lpsSystem } } },
      response: { proxyBaseUrl: proxy.response.proxyBaseUrl, proxyUrlPrefixToRemove: DATABANK_PREFIXES[databank], fixedDelayMilliseconds: delayMs },
      metadata: this.metadata,
    };
    // wiremock-captain cannot express a delayed proxy answer: this one mapping goes to WireMock's admin API itself.
    const response = await fetch(`${this.baseUrl}/__admin/mappings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(mapping),
    });
    if (!response.ok) throw new Error(`WireMock refused the delay for ${databank}: ${response.status} ${await response.text()}`);
  }

  /** Removes this driver's faults: uploads pass straight through again. */
  async removeFaults(): Promise<void> {
    await this.wiremock.removeMappingByMetadata({ expression: '$.owner', equalTo: this.owner }, MatchingAttributes.MatchesJsonPath);
  }

  /** The HTTP statuses of the uploads PLSP made to the databank that carried this envelope, oldest first. */
  async uploadsOf(databank: DatabankName, envelopeIdentifier: string): Promise<number[]> {
    const requests = (await this.wiremock.getRequestsForAPI('POST', proxiedUploadPath(databank))) as JournalRequest[];
    return requests
      .filter((entry) => entry.request.body?.includes(`<Identifier>${envelopeIdentifier}</Identifier>`))
      .map((entry) => entry.response?.status ?? entry.responseDefinition?.status ?? 0)
      .reverse();
  }
}

