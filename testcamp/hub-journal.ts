/**
 * What the camp's hub received from one vendor's LPS, read from its journal (contracts/plsp.ts,
 * GET /plsp/v1/messages?system=...): per message the time, the receipt, the findings, the message and the receipt XML.
 */
import { PLSP_PATHS, type JournalPage, type ListedJournalEntry } from '../contracts/plsp';

export type HubMessages = { messages: ListedJournalEntry[] } | { error: string };

export async function recentHubMessages(plspUrl: string, system: string, limit = 10): Promise<HubMessages> {
  const url = `${plspUrl}${PLSP_PATHS.messages}?system=${encodeURIComponent(system)}&limit=${limit}`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) return { error: `PLSP's journal svarede ${response.status} på ${url}` };
    return { messages: ((await response.json()) as JournalPage).messages };
  } catch (error) {
    return { error: `PLSP's journal svarer ikke på ${url} (${(error as Error).message})` };
  }
}
