/**
 * Deterministic matching of a vendor LPS's messages to an instruction (vendor mode). Among the messages the hub
 * journalled since the instruction, the one carrying the result's identity (LPS system, CPR, analysis code, and the
 * sample number where known) that arrived FIRST is the LPS's answer; a later message with the same letter content,
 * or one repeating a letter already matched, is a resend: shown as such, never a fault by itself. Pure.
 */
import { readEmessage } from '../../medcom';
import { letterContentKey } from '../../medcom/content-key';
import type { ReportLetter } from '../../medcom/model';
import type { HubJournalEntry } from '../../contracts/plsp';

export interface ResultIdentity {
  system: string;
  cpr: string;
  code: string;
  /** The requisition the result goes under (national sample number, or the original's for a correction). */
  sampleNumber?: string;
}

export interface JournalLetter {
  entry: HubJournalEntry;
  letter?: ReportLetter;
  /** Same key = same letter content (letterContentKey); absent when the message could not be read. */
  contentKey?: string;
}

export interface Pick {
  match?: JournalLetter;
  /** Messages carrying the result whose content was matched before: resends. */
  resends: JournalLetter[];
}

export function readJournalLetter(entry: HubJournalEntry): JournalLetter {
  const letter = entry.xml ? readEmessage(entry.xml).message?.letters[0] : undefined;
  return { entry, ...(letter ? { letter, contentKey: letterContentKey(letter) } : {}) };
}

/** Oldest first: by arrival, ties in the order the hub journalled them (the hub lists newest first). */
export function inArrivalOrder(entries: readonly HubJournalEntry[]): HubJournalEntry[] {
  return [...entries].reverse().sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0));
}

export function requisitionOfLetter(letter: ReportLetter | undefined): string | undefined {
  const sample = letter?.requisitionInformation.sample;
  return sample?.requesterSampleIdentifier ?? sample?.laboratoryInternalSampleIdentifier;
}

export function carriesResult(candidate: JournalLetter, identity: ResultIdentity): boolean {
  const { entry } = candidate;
  return entry.lpsSystem === identity.system && entry.patientIds.includes(identity.cpr) && entry.analysisCodes.includes(identity.code);
}

/**
 * The first message carrying the result, skipping content already matched (seen) unless a resend is what was
 * asked for (allowSeen). Where the sample number is known, a message under it is preferred to one that is not.
 */
export function pickFirst(letters: readonly JournalLetter[], identity: ResultIdentity, seen: ReadonlySet<string>, allowSeen = false): Pick {
  const carrying = letters.filter((letter) => carriesResult(letter, identity));
  const resends: JournalLetter[] = [];
  const fresh: JournalLetter[] = [];
  const keys = new Set<string>();
  for (const letter of carrying) {
    const key = letter.contentKey;
    const repeat = key !== undefined && ((!allowSeen && seen.has(key)) || keys.has(key));
    if (repeat) resends.push(letter);
    else fresh.push(letter);
    if (key !== undefined) keys.add(key);
  }
  const known = identity.sampleNumber;
  const underSample = known === undefined ? undefined : fresh.find((letter) => requisitionOfLetter(letter.letter) === known);
  const match = underSample ?? fresh[0];
  return { ...(match ? { match } : {}), resends };
}
