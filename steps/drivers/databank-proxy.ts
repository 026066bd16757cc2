/**
 * Drives WireMock between PLSP and the databanks (wiremock-captain): puts faults in front of LABA or MiBa for the
 * scenario that asks, reads what PLSP sent, and takes the faults away again. A fault hits only uploads that PLSP
 * forwards for this run's LPS system (the X-LPS-System header), so other LPS systems sharing a remote hub at a
 * test camp are not disturbed; it carries this driver's own metadata and a priority above the pass-through
 * mappings, so removing this driver's faults restores the plain proxy and leaves other runs' faults alone.
 */
import { randomUUID } from 'node:crypto';
import { MatchingAttributes, WireMock, WireMockFault } from 'wiremock-captain';

export type ProxiedDatabank = 'LABA' | 'MiBa';

const PREFIX: Record<ProxiedDatabank, string> = { LABA: '/laba', MiBa: '/miba' };
const FAULT_PRIORITY = 1;

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

  private get metadata(): Record<string, string> {
    return { lokalsvar: 'fault', owner: this.owner };
  }

  private uploadRequest(databank: ProxiedDatabank) {
    return { method: 'POST' as const, endpoint: this.uploadPath(databank), metadata: this.metadata, headers: { 'X-LPS-System': this.lpsSystem } };
  }

  private uploadPath(databank: ProxiedDatabank): string {
    return `${PREFIX[databank]}/api/v1/upload`;
  }

  /** The databank answers every upload with this HTTP status until the faults are removed. */
  async failUploads(databank: ProxiedDatabank, status: number): Promise<void> {
    await this.wiremock.register(
      this.uploadRequest(databank),
      { status, body: { error: `${databank} is down (fault injected by the scenario)` } },
      { stubPriority: FAULT_PRIORITY },
    );
  }

  /** The next `times` uploads get this HTTP status; after that uploads reach the databank again. */
  async failNextUploads(databank: ProxiedDatabank, times: number, status: number): Promise<void> {
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
  async dropConnections(databank: ProxiedDatabank): Promise<void> {
    await this.wiremock.register(
      this.uploadRequest(databank),
      { status: 200 },
      { stubPriority: FAULT_PRIORITY, fault: WireMockFault.CONNECTION_RESET_BY_PEER },
    );
  }

  /** Every upload still reaches the databank, but only after this delay. */
  async slowUploads(databank: ProxiedDatabank, delayMs: number): Promise<void> {
    const [proxy] = (await this.wiremock.findMappingByMetadata(
      { expression: '$.databank', equalTo: PREFIX[databank].slice(1) },
      MatchingAttributes.MatchesJsonPath,
    )) as ProxyMapping[];
    if (!proxy) throw new Error(`WireMock at ${this.baseUrl} has no pass-through mapping for ${databank}`);
    const mapping = {
      priority: FAULT_PRIORITY,
      request: { method: 'POST', url: this.uploadPath(databank), headers: { 'X-LPS-System': { equalTo: this.lpsSystem } } },
      response: { proxyBaseUrl: proxy.response.proxyBaseUrl, proxyUrlPrefixToRemove: PREFIX[databank], fixedDelayMilliseconds: delayMs },
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
  async uploadsOf(databank: ProxiedDatabank, envelopeIdentifier: string): Promise<number[]> {
    const requests = (await this.wiremock.getRequestsForAPI('POST', this.uploadPath(databank))) as JournalRequest[];
    return requests
      .filter((entry) => entry.request.body?.includes(`<Identifier>${envelopeIdentifier}</Identifier>`))
      .map((entry) => entry.response?.status ?? entry.responseDefinition?.status ?? 0)
      .reverse();
  }
}

