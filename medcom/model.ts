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
  streetName?: string;
  suburbName?: string;
  districtName?: string;
  /** 0..9 characters. */
  postCodeIdentifier?: string;
  /** Receiver/Physician/PersonInitials. */
  physicianInitials?: string;
}

/** A copy receiver (CCReceiver). XRPT05 allows only identifierCode. */
export interface CCReceiver {
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
  /** XRPT05 only (required there). */
  sampleReceivedDateTime?: DateTime;
  /** XRPT01 only: digits, 1..15. */
  volume?: string;
  /** XRPT01 only. */
  unitOfVolume?: string;
  /** XRPT01 only. */
  samplingInterval?: { start: DateTime; end: DateTime };
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
  /** Analysis/RequisitionGroup and Analysis/Order go together (both or neither). */
  requisitionGroup?: { identifier: string; identifierResponsible: string; name: string };
  /** 1..999 */
  order?: number;
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
  ccReceiver?: CCReceiver;
  patient: Patient;
  requisitionInformation: RequisitionInformation;
  generalResultInformation: GeneralResultInformation;
  /** 1..99 */
  results: LabResult[];
}

export interface MicrobiologyGeneralResultInformation extends GeneralResultInformation {
  resultStatusCode: ResultStatusCode;
  toLabIdentifier?: string;
  summary?: string;
}

/** XRPT05: an in-clinic microbiology investigation (e.g. Strep A rapid antigen test). */
export interface MicrobiologyExamination {
  examinationTypeCode: string;
  micAnalysisCode: string;
  analysisCodeType: AnalysisCodeType;
  analysisCodeResponsible: string;
  analysisShortName?: string;
  mdsName?: { examination: string; material?: string; location?: string };
  supplementaryLocation?: string;
  /** Required by the schema (String 1..70). */
  examinator?: string;
  /** Identifier is 1..17 characters in XRPT05. */
  producerOfLabResult: ProducerOfLabResult;
  summary?: string;
}

export type MicrobiologyOperator = 'mindre_end' | 'stoerre_end' | 'lig_med' | 'ikke_angivet';

export interface MicrobiologyFinding {
  /** Text of the analysis, e.g. 'Streptococcus gruppe A antigen' */
  analysis: string;
  /** Interpretation text, e.g. 'Positiv' / 'Negativ' */
  interpretation: string;
  /** Limits are 1..8 characters in XRPT05. */
  referenceInterval?: ReferenceInterval;
  /** Findings/Operator, Value, Unit (the operator is required whenever a value is given). */
  quantity?: { operator: MicrobiologyOperator; value: string; unit?: string };
  resultValidation?: ResultValidation;
}

/** CultureFindings without a susceptibility pattern (what a clinic's culture, e.g. a urine dipslide, reports). */
export interface MicrobiologyCultureFindings {
  /** 1..35 */
  headline: string;
  /** 0..10 */
  microorganisms: { identification: string; growthValue?: string }[];
}

export interface MicrobiologyMicroscopicFindings {
  /** 1..35 */
  headline: string;
  /** Comments as paragraphs (1..10). */
  comments: string[];
}

export interface MicrobiologyInvestigation {
  examination: MicrobiologyExamination;
  quantitativeFindings: MicrobiologyFinding[];
  cultureFindings?: MicrobiologyCultureFindings;
  microscopicFindings?: MicrobiologyMicroscopicFindings;
}

export interface MicrobiologyWebReport {
  kind: 'XRPT05';
  letter: Letter;
  sender: Sender;
  receiver: Receiver;
  ccReceiver?: CCReceiver;
  patient: Patient;
  requisitionInformation: RequisitionInformation;
  generalResultInformation: MicrobiologyGeneralResultInformation;
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
  /** What kind of fault (see FindingKind); absent on findings made elsewhere (e.g. by the hub). */
  kind?: FindingKind;
  /** Line in the document, when known. */
  line?: number;
}

export type FindingKind =
  /** The text is not XML (parse error at a line and column). */
  | 'not-well-formed'
  /** Refused for safety: DOCTYPE, size or depth limit. */
  | 'unsafe'
  /** Root element or namespace is not a MedCom 2014/10/08 Emessage. */
  | 'wrong-root'
  /** An element where the schema does not allow it (wrong order, not allowed, too many). */
  | 'unexpected-element'
  /** A required element is missing. */
  | 'missing-element'
  /** Text where only elements are allowed, or elements where only text is. */
  | 'content'
  | 'attribute'
  /** A value outside its enumeration. */
  | 'enumeration'
  | 'length'
  /** A pattern: date, time, CPR, digits, fixed version and type codes. */
  | 'pattern'
  /** VersionCode of a letter is not the one the platform speaks. */
  | 'version'
  /** A rule of the project beyond the schema (consent stated, national sample number, supported letters). */
  | 'project-rule';
