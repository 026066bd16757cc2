/**
 * What the camp's hub received from one vendor's LPS, read from its journal (GET /plsp/v1/messages?system=...,
 * README "Running the stubs"): per message the time, the receipt, the findings, the message and the receipt XML.
 */

export interface HubMessage {
  id?: number;
  envelopeIdentifier?: string;
  receivedAt: string;
  httpStatus: number;
  receipt: string;
  refuseCode?: string;
  findings: { severity: string; path: string; message: string }[];
  xml?: string;
  receiptXml: string;
  letterTypes: string[];
  patientIds: string[];
  analysisCodes: string[];
}

export type HubMessages = { messages: HubMessage[] } | { error: string };

export async function recentHubMessages(plspUrl: string, system: string, limit = 10): Promise<HubMessages> {
  const url = `${plspUrl}/plsp/v1/messages?system=${encodeURIComponent(system)}&limit=${limit}`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) return { error: `PLSP's journal svarede ${response.status} på ${url}` };
    const body = (await response.json()) as { messages?: HubMessage[] };
    return { messages: body.messages ?? [] };
  } catch (error) {
    return { error: `PLSP's journal svarer ikke på ${url} (${(error as Error).message})` };
  }
}
