/** Messages a scenario sends to PLSP itself, standing in for an LPS: valid ones and deliberately broken ones. */
import { writeEmessage } from '../../medcom';
import { clinicEmessage } from '../../medcom/compose-clinic-report';
import { findAnalysis } from '../../medcom/npu-catalogue';
import type { TestPerson } from '../drivers/lps';

export interface SampleMessage {
  envelopeIdentifier: string;
  xml: string;
}

export function laboratoryReportXml(person: TestPerson): SampleMessage {
  const crp = findAnalysis('CRP');
  if (!crp) throw new Error('CRP is missing from the NPU catalogue');
  const now = new Date();
  const message = clinicEmessage({
    clinic: { name: 'Lægerne Testgade', ydernummer: '012345', ean: '5790000000000', producerCode: 'LT' },
    patient: { ...person, consentGiven: true },
    analysis: crp,
    value: '12',
    sampleNumber: String(now.getTime()).slice(-10),
    sampledAt: now,
    resultAt: now,
  });
  return { envelopeIdentifier: message.envelope.identifier, xml: writeEmessage(message) };
}

/** The same message, no longer well-formed: the closing tag of the first Value element is gone. */
export function brokenXml(xml: string): string {
  const broken = xml.replace('</Value>', '');
  if (broken === xml) throw new Error('the message has no </Value> to break');
  return broken;
}
