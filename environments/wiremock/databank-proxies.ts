/**
 * WireMock between PLSP and the databanks: PLSP sends to <wiremock>/laba/... and <wiremock>/miba/..., and these
 * lowest-priority mappings pass everything on to the real databank stubs. Scenarios put faults (errors, delays,
 * dropped connections) in front of them with higher priority, and read WireMock's request journal.
 */

export const DATABANK_PREFIXES = { laba: '/laba', miba: '/miba' } as const;
export type ProxiedDatabank = keyof typeof DATABANK_PREFIXES;

/** Priority of the pass-through mappings: WireMock's 1 is highest, so faults at 1..9 win. */
export const PROXY_PRIORITY = 10;

/** Installs the pass-through to each databank, as WireMock reaches it (a loopback URL or a network alias). */
export async function installDatabankProxies(wiremockUrl: string, targets: Record<ProxiedDatabank, string>): Promise<void> {
  for (const [databank, prefix] of Object.entries(DATABANK_PREFIXES) as [ProxiedDatabank, string][]) {
    const mapping = {
      priority: PROXY_PRIORITY,
      request: { urlPattern: `${prefix}/.*` },
      response: { proxyBaseUrl: targets[databank], proxyUrlPrefixToRemove: prefix },
      metadata: { lokalsvar: 'databank-proxy', databank },
    };
    const response = await fetch(`${wiremockUrl}/__admin/mappings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(mapping),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`WireMock at ${wiremockUrl} refused the ${databank} proxy mapping: ${response.status} ${await response.text()}`);
  }
}
