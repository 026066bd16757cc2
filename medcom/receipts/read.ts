/** Reading receipts (2005/08/07 XCTL03/XCTL02), checked against the receipt tables first. */
import { MEDCOM_NS_2005, type OriginalLetterRef, type Receipt, type RefuseCode } from '../model';
import { dateTime, mixedText, optionalText, required, requiredText } from '../read/tree';
import { EMESSAGE_2005_RECEIPTS, RECEIPT_ELEMENTS } from '../schema/tables/receipts-2005';
import { validateElement } from '../validate/engine';
import { FindingCollector } from '../validate/findings';
import { failureFinding } from '../validate/validate-emessage';
import { childNamed, childrenNamed, descend, type XmlElement } from '../xml/node';
import { parseXml } from '../xml/parse';

function refusal(holder: XmlElement): { refuseCode?: RefuseCode; refuseText?: string } {
  const out: { refuseCode?: RefuseCode; refuseText?: string } = {};
  const code = optionalText(holder, 'RefuseCode');
  const text = childNamed(holder, 'RefuseText');
  if (code !== undefined) out.refuseCode = code as RefuseCode;
  if (text) out.refuseText = mixedText(text);
  return out;
}

function toReceipt(envelope: XmlElement, letter: XmlElement): Receipt {
  const original = required(letter, 'OriginalEmessage');
  const ean = (holder: XmlElement, name: string) => requiredText(required(holder, name), 'EANIdentifier');
  const originalLetters: OriginalLetterRef[] = childrenNamed(original, 'OriginalLetter').map((ref) => ({
    identifier: requiredText(ref, 'OriginalLetterIdentifier'),
    versionCode: requiredText(ref, 'OriginalVersionCode'),
    ...refusal(ref),
  }));
  return {
    kind: RECEIPT_ELEMENTS[letter.local as keyof typeof RECEIPT_ELEMENTS],
    envelope: {
      sent: dateTime(required(envelope, 'Sent')),
      identifier: requiredText(envelope, 'Identifier'),
      acknowledgementCode: requiredText(envelope, 'AcknowledgementCode') as Receipt['envelope']['acknowledgementCode'],
    },
    letterIdentifier: requiredText(required(letter, 'Letter'), 'Identifier'),
    senderEan: ean(letter, 'Sender'),
    receiverEan: ean(letter, 'Receiver'),
    originalEnvelopeIdentifier: requiredText(original, 'OriginalEnvelopeIdentifier'),
    originalSenderEan: ean(original, 'OriginalSender'),
    originalReceiverEan: ean(original, 'OriginalReceiver'),
    originalLetters,
    ...refusal(original),
  };
}

/** Every receipt in the document, in order. Throws an Error that names the problem when it is not receipts. */
export function readReceipts(xml: string): Receipt[] {
  const parsed = parseXml(xml);
  const problem = (what: string) => new Error(`not a MedCom receipt: ${what}`);
  if (parsed.failure) {
    const finding = failureFinding(parsed.failure);
    throw problem(`${finding.path}: ${finding.message}`);
  }
  const root = parsed.root as XmlElement;
  if (root.local !== 'Emessage' || root.ns !== MEDCOM_NS_2005) {
    const letter = descend(root, 'Envelope') ? root.children[1]?.local : undefined;
    throw problem(
      `the root is {${root.ns}}${root.local}${letter ? ` holding ${letter}` : ''}; receipts are an Emessage in ${MEDCOM_NS_2005}`,
    );
  }
  const out = new FindingCollector(xml);
  validateElement(root, EMESSAGE_2005_RECEIPTS, { namespace: MEDCOM_NS_2005, out });
  if (out.hasErrors) {
    throw problem(out.findings.filter((f) => f.severity === 'error').map((f) => `${f.path}: ${f.message}`).join('; '));
  }
  const envelope = required(root, 'Envelope');
  return root.children.filter((child) => child.local in RECEIPT_ELEMENTS).map((letter) => toReceipt(envelope, letter));
}

/** The first receipt in the document (see readReceipts). */
export function readReceipt(xml: string): Receipt {
  return readReceipts(xml)[0] as Receipt;
}
