/**
 * The PLSP Health Hub's HTTP interface: every LPS sends to it; it answers with a MedCom receipt and forwards
 * XRPT01 to LABA and XRPT05 to MiBa (contracts/databank.ts), through WireMock in local and containers mode.
 *
 * ASSUMPTION: PLSP has not published its interface (DESIGN.md §5). Until it does:
 *   POST /plsp/v1/xrpt           Emessage XML (application/xml), header X-LPS-System: <LPS system name>;
 *                                200 + positive receipt (XCTL03), or 400/403/422/502 + negative receipt (XCTL02)
 *                                whose RefuseText names every fault with its path
 *   POST /plsp/v1/cancellations  Cancellation (contracts/databank.ts) as application/json, header X-LPS-System: cancel
 *                                every result that producer sent for that patient id in both databanks (LABA-05;
 *                                ASSUMPTION: XRPT01 has no cancel status) -> 200 + HubCancellationResponse; refused
 *                                (400/403/413/415/502) with a negative receipt (XCTL02) naming no original message,
 *                                whose RefuseText names the field or header, like every refusal under /plsp/v1/
 *   GET  /plsp/v1/messages?envelope=&patient=&system=&since=&limit=&before=  the hub's journal, newest first, a page
 *                                of `limit` entries (default 100, at most 1000), `before` the `next` of the previous
 *                                page: JournalPage
 *   GET  /metrics                the monitoring counters (MON-01), Prometheus text format: PLSP_METRICS
 * The hub forwards to a databank with the sender's X-LPS-System (ASSUMPTION), so what sits between (WireMock) can
 * tell senders apart. The hub's own EAN location number, the sender of its receipts, is a placeholder (ASSUMPTION).
 */
import type { Finding, Receipt } from '../medcom/model';
import type { DatabankName } from './databank';

export const PLSP_DEFAULT_PORT = 8701;

/** The header an LPS names itself in; the hub passes it on to the databanks. */
export const LPS_SYSTEM_HEADER = 'X-LPS-System';

export const PLSP_PATHS = {
  xrpt: '/plsp/v1/xrpt',
  cancellations: '/plsp/v1/cancellations',
  messages: '/plsp/v1/messages',
  metrics: '/metrics',
} as const;

/** The hub's reply to an Emessage, as a client (an LPS, a driver) reads it. */
export interface ReceiptReply {
  /** 200 with a positive receipt (XCTL03); 400/403/422/502 with a negative one (XCTL02). */
  httpStatus: number;
  receipt: Receipt;
  /** The receipt exactly as the hub sent it. */
  receiptXml: string;
}

/** ASSUMPTION: placeholder EAN of the hub until PLSP gives one. */
export const PLSP_DEFAULT_EAN = '5790000000009';

/** The hub's journal entry for one message it received: its outcome, every finding (warnings too) and what it carried. */
export interface HubJournalEntry {
  envelopeIdentifier?: string;
  lpsSystem?: string;
  receivedAt: string;
  httpStatus: number;
  receipt: 'XCTL03' | 'XCTL02';
  refuseCode?: string;
  findings: Finding[];
  /** The message as received (absent for very large ones and for messages about a real person). */
  xml?: string;
  /** The receipt the hub sent back. */
  receiptXml: string;
  /** Letter types, patient ids and analysis codes the message carried (for correlating a vendor's message). */
  letterTypes: string[];
  patientIds: string[];
  analysisCodes: string[];
}

/** What `GET /plsp/v1/messages` narrows the journal to; every field narrows it further. */
export interface JournalFilter {
  envelope?: string;
  patient?: string;
  system?: string;
  /** ISO time: only messages received at or after it. */
  since?: string;
}

/** Which page of the journal `GET /plsp/v1/messages` returns. */
export interface JournalPageRequest {
  /** Entries per page: default 100, at most 1000. */
  limit?: number;
  /** The `next` of the previous page: only entries older than it. */
  before?: number;
}

export type JournalQuery = JournalFilter & JournalPageRequest;

/** A journal entry as listed, with its id (newer entries have higher ids). */
export type ListedJournalEntry = HubJournalEntry & { id: number };

/** `GET /plsp/v1/messages`: newest first; `next` is there when older entries remain (pass it as `before`). */
export interface JournalPage {
  messages: ListedJournalEntry[];
  next?: number;
}

/**
 * `POST /plsp/v1/cancellations`: the 200 answer, what each databank cancelled. A refusal is a negative receipt (XCTL02),
 * not this; `error` is the refusal's text as the hub's cancellation journal keeps it.
 */
export interface HubCancellationResponse {
  cancelled?: Record<DatabankName, number>;
  error?: string;
}

/** The counters of `GET /metrics` (MON-01) and their labels. */
export const PLSP_METRICS = {
  /** Labels lps_system, outcome (accepted | refused). */
  received: 'plsp_messages_received_total',
  /** Labels lps_system, letter_type. */
  shared: 'plsp_results_shared_total',
  /** Labels databank (LABA | MiBa), lps_system. */
  forwarded: 'plsp_results_forwarded_total',
  /** Labels lps_system, databank: results sent again with the same content (a resend, not counted in shared or forwarded). */
  resent: 'plsp_results_resent_total',
  /** Label lps_system. */
  cancelled: 'plsp_results_cancelled_total',
} as const;
