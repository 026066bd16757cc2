/**
 * Installs WireMock's pass-through to the databanks (contracts/wiremock.ts): PLSP sends to <wiremock>/laba/... and
 * <wiremock>/miba/..., and these lowest-priority mappings pass everything on to the databank stubs.
 */
import { DATABANKS, type DatabankName } from '../../contracts/databank';
import { DATABANK_PREFIXES, PROXY_PRIORITY, type ProxyMappingMetadata } from '../../contracts/wiremock';

/**
 * Installs the pass-through to each databank, as WireMock reaches it (a loopback URL, in-process or in the run's pod). headers:
 * what reaching wiremockUrl takes (the access token, when it is the gate in front of WireMock).
 */
export async function installDatabankProxies(wiremockUrl: string, targets: Record<DatabankName, string>, headers: Record<string, string> = {}): Promise<void> {
  for (const databank of DATABANKS) {
    const prefix = DATABANK_PREFIXES[databank];
    const metadata: ProxyMappingMetadata = { lokalsvar: 'databank-proxy', databank };
    const mapping = {
      priority: PROXY_PRIORITY,
      request: { urlPattern: `${prefix}/.*` },
      response: { proxyBaseUrl: targets[databank], proxyUrlPrefixToRemove: prefix },
      metadata,
    };
    const response = await fetch(`${wiremockUrl}/__admin/mappings`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(mapping),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`WireMock at ${wiremockUrl} refused the ${databank} proxy mapping: ${response.status} ${await response.text()}`);
  }
}
