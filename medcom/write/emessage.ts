/** Writes an Emessage (2014/10/08 namespace): the envelope, then every letter in order. */
import { MEDCOM_NS_2014, type Emessage } from '../model';
import { XmlWriter } from '../xml/writer';
import { writeDateTime } from './common';
import { writeLaboratoryReport } from './xrpt01';
import { writeMicrobiologyWebReport } from './xrpt05';

/**
 * The XML of `message`: UTF-8 declaration, default namespace 2014/10/08, elements in schema order, text escaped.
 * A valid model gives a document valid against the official EMessage.xsd. Throws only for text XML cannot carry.
 */
export function writeEmessage(message: Emessage): string {
  const writer = new XmlWriter();
  writer.start('Emessage', MEDCOM_NS_2014);
  writer.element('Envelope', (w) => {
    writeDateTime(w, 'Sent', message.envelope.sent);
    w.leaf('Identifier', message.envelope.identifier).leaf('AcknowledgementCode', message.envelope.acknowledgementCode);
  });
  for (const letter of message.letters) {
    if (letter.kind === 'XRPT01') writeLaboratoryReport(writer, letter);
    else writeMicrobiologyWebReport(writer, letter);
  }
  writer.end();
  return writer.toString();
}
