/**
 * Typed model of the MedCom messages the platform speaks: XRPT01 (LaboratoryReport, XR0131K) and
 * XRPT05 (MicrobiologyWebReport, XR0532M) in the 2014/10/08 set, and the receipts XCTL03/XCTL02 of the
 * 2005/08/07 set. Field names follow the XML element names in camelCase; optional XML elements are optional
 * properties. The order of elements in XML is the writer's business, not the model's.
 */

export const MEDCOM_NS_2014 = 'http://rep.oio.dk/medcom.dk/xml/schemas/2014/10/08/';
export const MEDCOM_NS_2005 = 'http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2005/08/07/';

/** xs:date (YYYY-MM-DD) and MedCom time (hh:mm). */
export interface DateTime {
  date: string;
  time: string;
}

export type AcknowledgementCode = 'plustwosupplkvitt' | 'pluspositivkvitt' | 'minuspositivkvitt';

export interface Envelope {
  sent: DateTime;
  /** String 1..14 */
  identifier: string;
  acknowledgementCode: AcknowledgementCode;
}

export interface Letter {
  /** String 1..14 */
  identifier: string;
  authorisation: DateTime;
}

export interface Sender {
  eanIdentifier: string;
  identifier: string;
  /** Either identifierCode (e.g. 'ydernummer') or identifierLocal (≤3 chars). */
  identifierCode?: string;
  identifierLocal?: string;
  organisationName: string;
  departmentName?: string;
  unitName?: string;
  medicalSpecialityCode?: string;
  /** String 1..3, required by XRPT01/XRPT05. */
  fromLabIdentifier: string;
}

export interface Receiver {
  eanIdentifier: string;
  identifier: string;
  identifierCode?: string;
  identifierLocal?: string;
  organisationName?: string;
  departmentName?: string;
  unitName?: string;
}

export interface Patient {
  /** 10 digits, no dash. Exactly one of civilRegistrationNumber and alternativeIdentifier. */
  civilRegistrationNumber?: string;
  /** Replacement CPR (erstatnings-CPR). */
  alternativeIdentifier?: string;
  personSurnameName: string;
  personGivenName?: string;
  /** Patient/Consent/Given. Absent = not stated (the project's rules want it explicit). */
  consentGiven?: boolean;
}

export interface Sample {
  laboratoryInternalSampleIdentifier: string;
  /** National sample number (LABA-03, recommended). String 1..15. */
  requesterSampleIdentifier?: string;
  samplingDateTime: DateTime;
  /** XRPT05 only. */
  sampleReceivedDateTime?: DateTime;
}

export interface RequisitionInformation {
  comments?: string;
  sample: Sample;
}

export type ReportStatusCode = 'del_svar' | 'komplet_svar' | 'modtaget';
export type ResultStatusCode = 'proeve_modtaget' | 'svar_midlertidigt' | 'svar_endeligt' | 'svar_rettet';
export type AnalysisCodeType = 'iupac' | 'mds' | 'lokal';
export type TypeOfInterval = 'fysiologisk' | 'terapeutisk' | 'uspecificeret';
export type ResultType = 'numerisk' | 'alfanumerisk';
export type Operator = 'mindre_end' | 'stoerre_end';
export type ResultValidation = 'for_hoej' | 'for_lav' | 'unormal';

export interface GeneralResultInformation {
  reportStatusCode: ReportStatusCode;
  laboratoryInternalProductionIdentifier: string;
  resultsDateTime: DateTime;
}

export interface Analysis {
  /** e.g. NPU19748 */
  analysisCode: string;
  analysisCodeType: AnalysisCodeType;
  /** e.g. SST for NPU codes */
  analysisCodeResponsible: string;
  analysisShortName?: string;
  analysisCompleteName: string;
}

export interface ProducerOfLabResult {
  /** String 1..35 */
  identifier: string;
  /** String 1..3 */
  identifierCode: string;
}

export interface ReferenceInterval {
  typeOfInterval?: TypeOfInterval;
  lowerLimit?: string;
  upperLimit?: string;
  intervalText?: string;
}

export interface LabResult {
  resultStatusCode: ResultStatusCode;
  analysis: Analysis;
  producerOfLabResult: ProducerOfLabResult;
  referenceInterval?: ReferenceInterval;
  resultType: ResultType;
  operator?: Operator;
  /** String 1..12 */
  value: string;
  unit?: string;
  resultValidation?: ResultValidation;
  /** ResultTextValue / ResultComments as plain paragraphs, in document order. */
  resultTextValues?: string[];
  resultComments?: string[];
  toLabIdentifier?: string;
}

export interface LaboratoryReport {
  kind: 'XRPT01';
  letter: Letter;
  sender: Sender;
  receiver: Receiver;
  patient: Patient;
  requisitionInformation: RequisitionInformation;
  generalResultInformation: GeneralResultInformation;
  /** 1..99 */
  results: LabResult[];
}

/** XRPT05: an in-clinic microbiology investigation (e.g. Strep A rapid antigen test). */
export interface MicrobiologyExamination {
  examinationTypeCode: string;
  micAnalysisCode: string;
  analysisCodeType: AnalysisCodeType;
  analysisCodeResponsible: string;
  analysisShortName?: string;
  mdsName?: { examination: string; material?: string; location?: string };
  examinator?: string;
  producerOfLabResult: ProducerOfLabResult;
}

export interface MicrobiologyFinding {
  /** Text of the analysis, e.g. 'Streptococcus gruppe A antigen' */
  analysis: string;
  /** Interpretation text, e.g. 'Positiv' / 'Negativ' */
  interpretation: string;
}

export interface MicrobiologyInvestigation {
  examination: MicrobiologyExamination;
  quantitativeFindings: MicrobiologyFinding[];
}

export interface MicrobiologyWebReport {
  kind: 'XRPT05';
  letter: Letter;
  sender: Sender;
  receiver: Receiver;
  patient: Patient;
  requisitionInformation: RequisitionInformation;
  generalResultInformation: GeneralResultInformation & { resultStatusCode: ResultStatusCode };
  investigations: MicrobiologyInvestigation[];
}

export type ReportLetter = LaboratoryReport | MicrobiologyWebReport;

/** One Emessage: an envelope and one or more letters. */
export interface Emessage {
  envelope: Envelope;
  letters: ReportLetter[];
}

export type RefuseCode =
  | 'ikke_specificeret'
  | 'ukendt_lokationsnummer'
  | 'problem_med_modtagerID'
  | 'problem_med_version'
  | 'syntaksfejl';

export interface OriginalLetterRef {
  identifier: string;
  versionCode: string;
  /** Negative receipts only. */
  refuseCode?: RefuseCode;
  refuseText?: string;
}

/** XCTL03 (positive) or XCTL02 (negative), 2005/08/07 namespace. */
export interface Receipt {
  kind: 'XCTL03' | 'XCTL02';
  envelope: Envelope;
  letterIdentifier: string;
  senderEan: string;
  receiverEan: string;
  originalEnvelopeIdentifier: string;
  originalSenderEan: string;
  originalReceiverEan: string;
  /** Negative receipt for an envelope that could not be read at all may name no letter. */
  originalLetters: OriginalLetterRef[];
  /** Negative receipt without letters: refusal of the envelope itself. */
  refuseCode?: RefuseCode;
  refuseText?: string;
}

export type Severity = 'error' | 'warning';

/** One validation finding: path is XPath-like with 1-based indexes, e.g. /Emessage/LaboratoryReport/LaboratoryResults/Result[2]/Analysis/AnalysisCodeType */
export interface Finding {
  severity: Severity;
  path: string;
  message: string;
}
