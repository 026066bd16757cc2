/** Reading the parts XRPT01 and XRPT05 share. */
import type { CCReceiver, Letter, Patient, ProducerOfLabResult, Receiver, ReferenceInterval, ReportLetter, Sender, TypeOfInterval } from '../model';
import { childNamed, type XmlElement } from '../xml/node';
import { compact, dateTime, optionalText, required, requiredText } from './tree';

/** The parts every report letter starts with, in schema order: Letter, Sender, Receiver, CCReceiver, Patient. */
export function readReportHead(report: XmlElement): Pick<ReportLetter, 'letter' | 'sender' | 'receiver' | 'ccReceiver' | 'patient'> {
  return {
    letter: readLetter(report),
    sender: readSender(report),
    receiver: readReceiver(report),
    ccReceiver: readCCReceiver(report),
    patient: readPatient(report),
  };
}

export function readLetter(report: XmlElement): Letter {
  const letter = required(report, 'Letter');
  return { identifier: requiredText(letter, 'Identifier'), authorisation: dateTime(required(letter, 'Authorisation')) };
}

export function readSender(report: XmlElement): Sender {
  const sender = required(report, 'Sender');
  return compact({
    eanIdentifier: requiredText(sender, 'EANIdentifier'),
    identifier: requiredText(sender, 'Identifier'),
    identifierCode: optionalText(sender, 'IdentifierCode'),
    identifierLocal: optionalText(sender, 'IdentifierLocal'),
    organisationName: requiredText(sender, 'OrganisationName'),
    departmentName: optionalText(sender, 'DepartmentName'),
    unitName: optionalText(sender, 'UnitName'),
    medicalSpecialityCode: optionalText(sender, 'MedicalSpecialityCode'),
    fromLabIdentifier: requiredText(sender, 'FromLabIdentifier'),
  });
}

export function readReceiver(report: XmlElement): Receiver {
  const receiver = required(report, 'Receiver');
  return compact({
    eanIdentifier: requiredText(receiver, 'EANIdentifier'),
    identifier: requiredText(receiver, 'Identifier'),
    identifierCode: optionalText(receiver, 'IdentifierCode'),
    identifierLocal: optionalText(receiver, 'IdentifierLocal'),
    organisationName: optionalText(receiver, 'OrganisationName'),
    departmentName: optionalText(receiver, 'DepartmentName'),
    unitName: optionalText(receiver, 'UnitName'),
    streetName: optionalText(receiver, 'StreetName'),
    suburbName: optionalText(receiver, 'SuburbName'),
    districtName: optionalText(receiver, 'DistrictName'),
    postCodeIdentifier: optionalText(receiver, 'PostCodeIdentifier'),
    physicianInitials: optionalText(childNamed(receiver, 'Physician'), 'PersonInitials'),
  });
}

export function readCCReceiver(report: XmlElement): CCReceiver | undefined {
  const cc = childNamed(report, 'CCReceiver');
  if (!cc) return undefined;
  return compact({
    identifier: requiredText(cc, 'Identifier'),
    identifierCode: optionalText(cc, 'IdentifierCode'),
    identifierLocal: optionalText(cc, 'IdentifierLocal'),
    organisationName: optionalText(cc, 'OrganisationName'),
    departmentName: optionalText(cc, 'DepartmentName'),
    unitName: optionalText(cc, 'UnitName'),
  });
}

/** xs:boolean after whitespace collapse. */
export function booleanValue(text: string): boolean {
  const value = text.trim();
  return value === 'true' || value === '1';
}

export function readPatient(report: XmlElement): Patient {
  const patient = required(report, 'Patient');
  const given = childNamed(childNamed(patient, 'Consent'), 'Given');
  return compact({
    civilRegistrationNumber: optionalText(patient, 'CivilRegistrationNumber'),
    alternativeIdentifier: optionalText(patient, 'AlternativeIdentifier'),
    personSurnameName: requiredText(patient, 'PersonSurnameName'),
    personGivenName: optionalText(patient, 'PersonGivenName'),
    consentGiven: given ? booleanValue(given.text) : undefined,
  });
}

export function readProducer(holder: XmlElement): ProducerOfLabResult {
  const producer = required(holder, 'ProducerOfLabResult');
  return { identifier: requiredText(producer, 'Identifier'), identifierCode: requiredText(producer, 'IdentifierCode') };
}

export function readReferenceInterval(holder: XmlElement): ReferenceInterval | undefined {
  const interval = childNamed(holder, 'ReferenceInterval');
  if (!interval) return undefined;
  return compact({
    typeOfInterval: optionalText(interval, 'TypeOfInterval') as TypeOfInterval | undefined,
    lowerLimit: optionalText(interval, 'LowerLimit'),
    upperLimit: optionalText(interval, 'UpperLimit'),
    intervalText: optionalText(interval, 'IntervalText'),
  });
}
