/** Parts shared by XRPT01 and XRPT05 writers, each in the schema's element order. */
import type { CCReceiver, DateTime, Letter, Patient, ProducerOfLabResult, Receiver, ReferenceInterval, ReportLetter, Sender } from '../model';
import type { XmlWriter } from '../xml/writer';

export interface LetterCodes {
  versionCode: string;
  statisticalCode: string;
  typeCode: string;
}

export function writeDateTime(writer: XmlWriter, name: string, value: DateTime | undefined): void {
  if (!value) return;
  writer.element(name, (w) => w.leaf('Date', value.date).leaf('Time', value.time));
}

export function writeLetter(writer: XmlWriter, letter: Letter, codes: LetterCodes): void {
  writer.element('Letter', (w) => {
    w.leaf('Identifier', letter.identifier).leaf('VersionCode', codes.versionCode).leaf('StatisticalCode', codes.statisticalCode);
    writeDateTime(w, 'Authorisation', letter.authorisation);
    w.leaf('TypeCode', codes.typeCode);
  });
}

/** The parts every report letter starts with, in schema order: Letter, Sender, Receiver, CCReceiver, Patient. */
export function writeReportHead(writer: XmlWriter, report: ReportLetter, codes: LetterCodes): void {
  writeLetter(writer, report.letter, codes);
  writeSender(writer, report.sender);
  writeReceiver(writer, report.receiver);
  writeCCReceiver(writer, report.ccReceiver);
  writePatient(writer, report.patient);
}

export function writeSender(writer: XmlWriter, sender: Sender): void {
  writer.element('Sender', (w) =>
    w
      .leaf('EANIdentifier', sender.eanIdentifier)
      .leaf('Identifier', sender.identifier)
      .leaf('IdentifierCode', sender.identifierCode)
      .leaf('IdentifierLocal', sender.identifierLocal)
      .leaf('OrganisationName', sender.organisationName)
      .leaf('DepartmentName', sender.departmentName)
      .leaf('UnitName', sender.unitName)
      .leaf('MedicalSpecialityCode', sender.medicalSpecialityCode)
      .leaf('FromLabIdentifier', sender.fromLabIdentifier),
  );
}

export function writeReceiver(writer: XmlWriter, receiver: Receiver): void {
  writer.element('Receiver', (w) => {
    w.leaf('EANIdentifier', receiver.eanIdentifier)
      .leaf('Identifier', receiver.identifier)
      .leaf('IdentifierCode', receiver.identifierCode)
      .leaf('IdentifierLocal', receiver.identifierLocal)
      .leaf('OrganisationName', receiver.organisationName)
      .leaf('DepartmentName', receiver.departmentName)
      .leaf('UnitName', receiver.unitName)
      .leaf('StreetName', receiver.streetName)
      .leaf('SuburbName', receiver.suburbName)
      .leaf('DistrictName', receiver.districtName)
      .leaf('PostCodeIdentifier', receiver.postCodeIdentifier);
    if (receiver.physicianInitials !== undefined) {
      w.element('Physician', (p) => p.leaf('PersonInitials', receiver.physicianInitials));
    }
  });
}

export function writeCCReceiver(writer: XmlWriter, cc: CCReceiver | undefined): void {
  if (!cc) return;
  writer.element('CCReceiver', (w) =>
    w
      .leaf('Identifier', cc.identifier)
      .leaf('IdentifierCode', cc.identifierCode)
      .leaf('IdentifierLocal', cc.identifierLocal)
      .leaf('OrganisationName', cc.organisationName)
      .leaf('DepartmentName', cc.departmentName)
      .leaf('UnitName', cc.unitName),
  );
}

export function writePatient(writer: XmlWriter, patient: Patient): void {
  writer.element('Patient', (w) => {
    w.leaf('CivilRegistrationNumber', patient.civilRegistrationNumber)
      .leaf('AlternativeIdentifier', patient.alternativeIdentifier)
      .leaf('PersonSurnameName', patient.personSurnameName)
      .leaf('PersonGivenName', patient.personGivenName);
    if (patient.consentGiven !== undefined) {
      w.element('Consent', (c) => c.leaf('Given', patient.consentGiven ? 'true' : 'false'));
    }
  });
}

export function writeProducer(writer: XmlWriter, producer: ProducerOfLabResult): void {
  writer.element('ProducerOfLabResult', (w) => w.leaf('Identifier', producer.identifier).leaf('IdentifierCode', producer.identifierCode));
}

export function writeReferenceInterval(writer: XmlWriter, interval: ReferenceInterval | undefined): void {
  if (!interval) return;
  writer.element('ReferenceInterval', (w) =>
    w
      .leaf('TypeOfInterval', interval.typeOfInterval)
      .leaf('LowerLimit', interval.lowerLimit)
      .leaf('UpperLimit', interval.upperLimit)
      .leaf('IntervalText', interval.intervalText),
  );
}

/** ParagraphedTextType: one Paragraph a line. */
export function writeParagraphs(writer: XmlWriter, name: string, text: string): void {
  writer.element(name, (w) => {
    for (const line of text.split('\n')) w.leaf('Paragraph', line);
  });
}

/** IdentificationBasicType carrying only text. */
export function writeTextOnly(writer: XmlWriter, name: string, text: string | undefined): void {
  if (text === undefined) return;
  writer.element(name, (w) => writeParagraphs(w, 'Text', text));
}
