/**
 * Installs WireMock's pass-through to the databanks (contracts/wiremock.ts): PLSP sends to <wiremock>/laba/... and
 * <wiremock>/miba/..., and these lowest-priority mappings pass everything on to the databank stubs.
 */
import { DATABANKS, type DatabankName } from '../../contracts/databank';
import { DATABANK_PREFIXES, PROXY_PRIORITY, type ProxyMappingMetadata } from '../../contracts/wiremock';

/** WireMock's mapping of the pass-through to one databank, as reached at target (a loopback URL, in-process or in the run's pod). */
export function databankProxyMapping(databank: DatabankName, target: string): Record<string, unknown> {
  const prefix = DATABANK_PREFIXES[databank];
  const metadata: ProxyMappingMetadata = { lokalsvar: 'databank-proxy', databank };
  return {
    priority: PROXY_PRIORITY,
    request: { urlPattern: `${prefix}/.*` },
    response: { proxyBaseUrl: target, proxyUrlPrefixToRemove: prefix },
    metadata,
  };
}

/**
 * Installs the pass-through to each databank through WireMock's admin API, once WireMock runs (local mode: the
 * databanks' ports are known only after WireMock has started), on loopback. Containers mode gives WireMock the same mappings as files it loads at start (environments/containers/wiremock-container.ts).
 */
export async function installDatabankProxies(wiremockUrl: string, targets: Record<DatabankName, string>): Promise<void> {
  for (const databank of DATABANKS) {
    const response = await fetch(`${wiremockUrl}/__admin/mappings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(databankProxyMapping(databank, targets[databank])),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`WireMock at ${wiremockUrl} refused the ${databank} proxy mapping: ${response.status} ${await response.text()}`);
  }
}
