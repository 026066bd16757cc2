/** Receipts as XML in the 2005/08/07 set: XCTL03 PositiveReceipt (XC0330Q) or XCTL02 NegativeReceipt (XC0230Q). */
import { MEDCOM_NS_2005, type Receipt } from '../model';
import { writeDateTime } from '../write/common';
import { XmlWriter } from '../xml/writer';

export const RECEIPT_CODES = {
  XCTL03: { element: 'PositiveReceipt', versionCode: 'XC0330Q' },
  XCTL02: { element: 'NegativeReceipt', versionCode: 'XC0230Q' },
} as const;

function writeEan(writer: XmlWriter, name: string, ean: string): void {
  writer.element(name, (w) => w.leaf('EANIdentifier', ean));
}

export function writeReceipt(receipt: Receipt): string {
  const codes = RECEIPT_CODES[receipt.kind];
  const negative = receipt.kind === 'XCTL02';
  const writer = new XmlWriter();
  writer.start('Emessage', MEDCOM_NS_2005);
  writer.element('Envelope', (w) => {
    writeDateTime(w, 'Sent', receipt.envelope.sent);
    w.leaf('Identifier', receipt.envelope.identifier).leaf('AcknowledgementCode', receipt.envelope.acknowledgementCode);
  });
  writer.element(codes.element, (w) => {
    w.element('Letter', (l) => l.leaf('Identifier', receipt.letterIdentifier).leaf('VersionCode', codes.versionCode).leaf('StatisticalCode', receipt.kind));
    writeEan(w, 'Sender', receipt.senderEan);
    writeEan(w, 'Receiver', receipt.receiverEan);
    w.element('OriginalEmessage', (o) => {
      o.leaf('OriginalEnvelopeIdentifier', receipt.originalEnvelopeIdentifier);
      writeEan(o, 'OriginalSender', receipt.originalSenderEan);
      writeEan(o, 'OriginalReceiver', receipt.originalReceiverEan);
      if (negative) o.leaf('RefuseCode', receipt.refuseCode).breakable('RefuseText', receipt.refuseText);
      for (const letter of receipt.originalLetters) {
        o.element('OriginalLetter', (l) => {
          l.leaf('OriginalLetterIdentifier', letter.identifier).leaf('OriginalVersionCode', letter.versionCode);
          if (negative) l.leaf('RefuseCode', letter.refuseCode).breakable('RefuseText', letter.refuseText);
        });
      }
    });
  });
  writer.end();
  return writer.toString();
}
