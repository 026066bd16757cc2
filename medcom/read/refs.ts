/**
 * The references a receipt needs (envelope, sender and receiver, letters), read from whatever tree the parser
 * managed to build, valid or not, complete or partial.
 */
import { SUPPORTED_LETTERS } from '../schema/tables/emessage-2014';
import { pathOf } from '../validate/paths';
import { descend, type XmlElement } from '../xml/node';

export interface LetterRef {
  identifier?: string;
  versionCode?: string;
  kind?: 'XRPT01' | 'XRPT05';
  /** Where the letter is in the message, as findings name it, e.g. /Emessage/LaboratoryReport[2]. */
  path?: string;
}

export interface MessageRefs {
  envelopeIdentifier?: string;
  senderEan?: string;
  receiverEan?: string;
  letters: LetterRef[];
}

function letterRef(letter: XmlElement): LetterRef {
  const ref: LetterRef = {};
  const identifier = descend(letter, 'Letter', 'Identifier')?.text;
  const versionCode = descend(letter, 'Letter', 'VersionCode')?.text;
  const kind = SUPPORTED_LETTERS[letter.local as keyof typeof SUPPORTED_LETTERS];
  if (identifier !== undefined) ref.identifier = identifier;
  if (versionCode !== undefined) ref.versionCode = versionCode;
  if (kind) ref.kind = kind;
  ref.path = pathOf(letter);
  return ref;
}

export function readRefs(root: XmlElement | undefined): MessageRefs {
  const refs: MessageRefs = { letters: [] };
  if (!root || root.local !== 'Emessage') return refs;
  const identifier = descend(root, 'Envelope', 'Identifier')?.text;
  if (identifier !== undefined) refs.envelopeIdentifier = identifier;
  const letters = root.children.filter((child) => child.local !== 'Envelope');
  const first = letters[0];
  const senderEan = descend(first, 'Sender', 'EANIdentifier')?.text;
  const receiverEan = descend(first, 'Receiver', 'EANIdentifier')?.text;
  if (senderEan !== undefined) refs.senderEan = senderEan;
  if (receiverEan !== undefined) refs.receiverEan = receiverEan;
  refs.letters = letters.map(letterRef);
  return refs;
}
