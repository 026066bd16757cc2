/**
 * Building receipts for a received Emessage from its references (refs are read even from broken documents).
 * Values that would make the receipt itself invalid (missing, empty, too long) are replaced or shortened, so a
 * receipt can always be written: an unknown reference becomes "ukendt" (unknown).
 */
import { medcomDateTime } from '../date-time';
import { newIdentifier } from '../identifiers';
import type { Finding, OriginalLetterRef, Receipt, RefuseCode } from '../model';
import type { MessageRefs } from '../read/refs';
import { refuseCodeFor } from './refuse-code';
import { refuseText } from './refuse-text';

export const UNKNOWN = 'ukendt';
const MAX_LETTERS = 99;
const DEFAULT_VERSION = { XRPT01: 'XR0131K', XRPT05: 'XR0532M' } as const;

function clip(value: string | undefined, max: number): string {
  const trimmed = value?.trim();
  if (!trimmed) return UNKNOWN;
  return [...trimmed].slice(0, max).join('');
}

function originalLetters(refs: MessageRefs): OriginalLetterRef[] {
  return refs.letters.slice(0, MAX_LETTERS).map((letter) => ({
    identifier: clip(letter.identifier, 14),
    versionCode: clip(letter.versionCode ?? (letter.kind ? DEFAULT_VERSION[letter.kind] : undefined), 7),
  }));
}

function base(kind: Receipt['kind'], refs: MessageRefs, from: { ean: string }, now: Date): Receipt {
  return {
    kind,
    envelope: { sent: medcomDateTime(now), identifier: newIdentifier('E'), acknowledgementCode: 'minuspositivkvitt' },
    letterIdentifier: newIdentifier('L'),
    senderEan: clip(from.ean, 35),
    receiverEan: clip(refs.senderEan, 35),
    originalEnvelopeIdentifier: clip(refs.envelopeIdentifier, 14),
    originalSenderEan: clip(refs.senderEan, 35),
    originalReceiverEan: clip(refs.receiverEan, 35),
    originalLetters: originalLetters(refs),
  };
}

/** XCTL03: the message was received and accepted. */
export function positiveReceipt(refs: MessageRefs, from: { ean: string }, now = new Date()): Receipt {
  return base('XCTL03', refs, from, now);
}

/** Whether a finding lies inside the letter at `path` (e.g. /Emessage/LaboratoryReport[2]). */
function inside(finding: Finding, path: string | undefined): boolean {
  return path !== undefined && (finding.path === path || finding.path.startsWith(`${path}/`));
}

/**
 * XCTL02: the message is refused. The envelope level carries `refuseCode` and every error finding; each letter
 * with faults of its own also carries its own code and text, so the sender sees which letters failed.
 */
export function negativeReceipt(
  refs: MessageRefs,
  from: { ean: string },
  refuseCode: RefuseCode,
  findings: readonly Finding[],
  now = new Date(),
): Receipt {
  const receipt = base('XCTL02', refs, from, now);
  receipt.refuseCode = refuseCode;
  const text = refuseText(findings);
  if (text !== undefined) receipt.refuseText = text;
  receipt.originalLetters.forEach((letter, index) => {
    const own = findings.filter((finding) => finding.severity === 'error' && inside(finding, refs.letters[index]?.path));
    const ownText = refuseText(own);
    if (ownText === undefined) return;
    letter.refuseCode = refuseCodeFor(own);
    letter.refuseText = ownText;
  });
  return receipt;
}
