/**
 * A mixed message for tests: one XRPT01 (CRP, to LABA) and one XRPT05 (Strep A, to MiBa) in one Emessage, with
 * what a rewrite from the model would lose: text formatting (Bold, Italic, Break) and a Reference in the XRPT01
 * result, ClinicalInformation in the XRPT05 requisition, and an XML comment inside each letter.
 */
import { writeEmessage } from '../../medcom';
import { clinicEmessage, type ClinicResult } from '../../medcom/compose-clinic-report';
import { findAnalysis } from '../../medcom/npu-catalogue';

export interface MixedMessage {
  xml: string;
  envelopeIdentifier: string;
  cpr: string;
  /** The exact source text of each letter element in `xml`. */
  xrpt01: string;
  xrpt05: string;
}

function insertAfter(text: string, anchor: string, from: number, insert: string): string {
  const at = text.indexOf(anchor, from);
  if (at === -1) throw new Error(`${anchor} not found`);
  return text.slice(0, at + anchor.length) + insert + text.slice(at + anchor.length);
}

function elementSource(xml: string, name: string): string {
  const start = xml.indexOf(`<${name}>`);
  const end = xml.indexOf(`</${name}>`) + `</${name}>`.length;
  return xml.slice(start, end);
}

export function mixedMessage(cpr = '0201609995', crpValue = '45'): MixedMessage {
  const now = new Date('2026-11-25T09:52:00Z');
  const common: Omit<ClinicResult, 'analysis' | 'value'> = {
    clinic: { name: 'Lægerne Testgade', ydernummer: '012345', ean: '5790000000000', producerCode: 'LT' },
    patient: { cpr, givenName: 'Einer', surname: 'Test Lauridsen', consentGiven: true },
    sampleNumber: '1234567890',
    sampledAt: now,
    resultAt: now,
  };
  const crp = clinicEmessage({ ...common, analysis: findAnalysis('CRP')!, value: crpValue, referenceInterval: { typeOfInterval: 'fysiologisk', upperLimit: '10' } }, now);
  const strep = clinicEmessage({ ...common, analysis: findAnalysis('Strep A')!, value: 'Positiv' }, now);
  let xml = writeEmessage({ envelope: crp.envelope, letters: [crp.letters[0]!, strep.letters[0]!] });
  const mibaAt = xml.indexOf('<MicrobiologyWebReport');
  xml = insertAfter(xml, '<RequisitionInformation>', mibaAt, '<!-- klinik --><ClinicalInformation><Paragraph>Ondt i halsen, feber i 3 døgn</Paragraph></ClinicalInformation>');
  const resultEnd = xml.indexOf('</Result>');
  xml = `${xml.slice(0, resultEnd)}<ResultComments>Se <Bold>fed</Bold> og <Italic>kursiv</Italic><Break/>tekst</ResultComments>` +
    `<Reference><RefDescription>Vejledning</RefDescription><URL>https://example.org/crp</URL></Reference><!-- svar -->${xml.slice(resultEnd)}`;
  return {
    xml,
    envelopeIdentifier: crp.envelope.identifier,
    cpr,
    xrpt01: elementSource(xml, 'LaboratoryReport'),
    xrpt05: elementSource(xml, 'MicrobiologyWebReport'),
  };
}
