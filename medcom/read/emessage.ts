/** readEmessage: validate, then (only when there is no error) the typed model; refs in every case. */
import type { Emessage, Finding, ReportLetter } from '../model';
import { analyseEmessage, type ValidateOptions } from '../validate/validate-emessage';
import type { XmlElement } from '../xml/node';
import { readRefs, type MessageRefs } from './refs';
import { dateTime, required, requiredText } from './tree';
import { readLaboratoryReport } from './xrpt01';
import { readMicrobiologyWebReport } from './xrpt05';

export interface ReadOutcome {
  /** Set only when there is no error finding (warnings allowed). */
  message?: Emessage;
  /** As much as could be read, even from an invalid or broken document (for naming it in a receipt). */
  refs: MessageRefs;
  findings: Finding[];
  /** The message's text as decoded; undefined when its bytes could not be decoded. */
  text?: string;
}

function readLetterElement(letter: XmlElement): ReportLetter {
  return letter.local === 'LaboratoryReport' ? readLaboratoryReport(letter) : readMicrobiologyWebReport(letter);
}

function toModel(root: XmlElement): Emessage {
  const envelope = required(root, 'Envelope');
  return {
    envelope: {
      sent: dateTime(required(envelope, 'Sent')),
      identifier: requiredText(envelope, 'Identifier'),
      acknowledgementCode: requiredText(envelope, 'AcknowledgementCode') as Emessage['envelope']['acknowledgementCode'],
    },
    letters: root.children.filter((child) => child !== envelope).map(readLetterElement),
  };
}

/** `message` as bytes when it was received from outside (see parseXml), or as text the platform wrote itself. */
export function readEmessage(message: string | Uint8Array, options: ValidateOptions = {}): ReadOutcome {
  const analysis = analyseEmessage(message, options);
  const refs = readRefs(analysis.root);
  const findings = analysis.findings;
  const text = analysis.text === undefined ? {} : { text: analysis.text };
  if (!analysis.root || findings.some((finding) => finding.severity === 'error')) return { refs, findings, ...text };
  return { message: toModel(analysis.root), refs, findings, ...text };
}
