/**
 * Names of evidence files that more than one part reads: the scenario evidence (steps/support/scenario-evidence.ts)
 * names each message and receipt with these prefixes, and the official schema verdicts (official-verdicts.ts) find
 * them by them.
 */
export const MESSAGE_FILE_PREFIX = 'besked-';
export const RECEIPT_FILE_PREFIX = 'kvittering-';
/** MedCom's official schemas' verdicts on a scenario's messages and receipts, among its evidence. */
export const OFFICIAL_VERDICTS_FILE = 'medcom-skema.json';
/** The same for the whole run, beside its messages (messages.ndjson), by each document's SHA-256. */
export const RUN_VERDICTS_FILE = 'medcom-skema-koersel.json';
