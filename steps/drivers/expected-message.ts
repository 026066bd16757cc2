/**
 * What a correct LPS must send for what the tester was told to register, compared field by field with what the LPS
 * did send. Pure: no I/O, no clock. Each difference names the business rule it breaks, the path in the message, and
 * the expected and actual value, in words the project group reads.
 *
 * Decimal separator (value and interval limits): MedCom's XRPT01/XRPT05 schemas type Value, LowerLimit and
 * UpperLimit as free text (String_1_12), not as xs:decimal, so the schema fixes no separator; MedCom's examples
 * write a point ("8.0", "2.0"), Danish users and screens write a comma ("6,1"). The platform therefore takes comma
 * and point as the same decimal separator and nothing else as equal: "6,1" = "6.1", but "6.10", "6" or "6,2" is
 * not "6,1" (the number of decimals is the precision the practice measured, and is carried as registered).
 */
import { medcomDateTime } from '../../medcom/date-time';
import type { DateTime, LabResult, Operator, ReferenceInterval, ReportLetter } from '../../medcom/model';
import { decimalNumber, validationOf } from '../../medcom/result-validation';
import { findAnalysis, type CatalogueAnalysis } from '../../medcom/npu-catalogue';
import type { ResultToRegister } from '../drivers/lps';

/** One field in which the message differs from what a correct LPS sends. */
export interface Difference {
  /** The business rule the difference breaks (DESIGN.md §2). */
  rule: string;
  /** XPath-like path in the message, 1-based indexes. */
  path: string;
  /** What the field is, in Danish. */
  field: string;
  expected: string;
  actual: string;
}

export interface ExpectedShare {
  /** What the tester was told to register (the instruction's data). */
  result: ResultToRegister;
  /** The national sample number the result was registered under; undefined = any, as long as one is sent. */
  nationalSampleNumber?: string;
  /** A correction of a shared result: the new value, and the sample number the original went under. */
  correction?: { value: string; unit?: string; originalSampleNumber: string };
  /** From the instruction (or the request to the pilot LPS) until the message arrived. */
  window: { from: Date; to: Date };
  /** The producer code this practice already used in the run: its results must keep it. */
  knownProducerCode?: string;
  /** Producer codes of other producers in the scenario (laboratories, other practices): never on this practice's result. */
  foreignProducerCodes?: readonly string[];
}

const ABSENT = '(intet)';

/** ASSUMPTION (as medcom/compose-clinic-report.ts): how a clinic codes its analyses per letter type. */
const CODING = {
  XRPT01: { codeType: 'iupac', responsible: 'SST' },
  XRPT05: { codeType: 'lokal', responsible: 'MDS' },
} as const;

const ROOT = { XRPT01: '/Emessage/LaboratoryReport', XRPT05: '/Emessage/MicrobiologyWebReport' } as const;

/** "6,1" and "6.1" are the same number as written; nothing else is normalised. */
export function sameDecimal(expected: string | undefined, actual: string | undefined): boolean {
  if (expected === undefined || actual === undefined) return expected === actual;
  return expected.trim().replace(',', '.') === actual.trim().replace(',', '.');
}

/** A registered "<5" or ">300" is the operator and the value. */
export function splitOperator(registered: string): { operator?: Operator; value: string } {
  const match = /^\s*([<>])\s*(.+)$/.exec(registered);
  if (!match) return { value: registered.trim() };
  return { operator: match[1] === '<' ? 'mindre_end' : 'stoerre_end', value: (match[2] as string).trim() };
}

function show(value: string | boolean | undefined): string {
  return value === undefined || value === '' ? ABSENT : String(value);
}

function stamp(dateTime: DateTime): string {
  return `${dateTime.date} ${dateTime.time}`;
}

/** MedCom date and time (Danish local time, to the minute) of an instant, comparable as text. */
function localMinute(instant: Date): string {
  return stamp(medcomDateTime(instant));
}

class Comparison {
  readonly differences: Difference[] = [];

  check(rule: string, path: string, field: string, expected: string | boolean | undefined, actual: string | boolean | undefined, same = expected === actual): void {
    if (!same) this.differences.push({ rule, path, field, expected: show(expected), actual: show(actual) });
  }
}

function analysisOf(result: ResultToRegister): CatalogueAnalysis {
  const analysis = findAnalysis(result.analysis);
  if (!analysis) throw new Error(`"${result.analysis}" is not an analysis the platform knows (medcom/npu-catalogue.ts)`);
  return analysis;
}

function comparePatient(c: Comparison, root: string, letter: ReportLetter, expected: ExpectedShare): void {
  const { patient, consentGiven } = expected.result;
  const path = `${root}/Patient`;
  const replacement = !/^[0-9]{10}$/.test(patient.cpr);
  if (replacement) {
    c.check('DEL-01', `${path}/AlternativeIdentifier`, 'patientens erstatnings-CPR', patient.cpr, letter.patient.alternativeIdentifier);
  } else {
    c.check('DEL-01', `${path}/CivilRegistrationNumber`, 'patientens CPR-nummer', patient.cpr, letter.patient.civilRegistrationNumber);
  }
  c.check('DEL-01', `${path}/PersonGivenName`, 'patientens fornavn(e)', patient.givenName, letter.patient.personGivenName);
  c.check('DEL-01', `${path}/PersonSurnameName`, 'patientens efternavn', patient.surname, letter.patient.personSurnameName);
  c.check('DEL-03', `${path}/Consent/Given`, 'patientens samtykke til videregivelse', consentGiven ?? true, letter.patient.consentGiven);
}

function compareSampleAndTimes(c: Comparison, root: string, letter: ReportLetter, expected: ExpectedShare): void {
  const sample = letter.requisitionInformation.sample;
  const samplePath = `${root}/RequisitionInformation/Sample`;
  const sent = sample.requesterSampleIdentifier;
  if (expected.correction) {
    const requisition = sent ?? sample.laboratoryInternalSampleIdentifier;
    c.check('DEL-05', `${samplePath}/RequesterSampleIdentifier`, 'rettelsens prøvenummer (det oprindelige svars)', expected.correction.originalSampleNumber, requisition);
  } else if (expected.result.withoutSampleNumber) {
    c.check('LABA-03', `${samplePath}/RequesterSampleIdentifier`, 'nationalt prøvenummer (registreret uden)', undefined, sent);
  } else if (expected.nationalSampleNumber !== undefined) {
    c.check('LABA-03', `${samplePath}/RequesterSampleIdentifier`, 'nationalt prøvenummer', expected.nationalSampleNumber, sent);
  } else {
    c.check('LABA-03', `${samplePath}/RequesterSampleIdentifier`, 'nationalt prøvenummer', '(et nationalt prøvenummer)', sent, sent !== undefined);
  }
  const from = localMinute(expected.window.from);
  const to = localMinute(expected.window.to);
  const window = `mellem ${from} og ${to}`;
  const sampled = stamp(sample.samplingDateTime);
  // A correction keeps the original sampling time, which lies before the correction was asked for.
  const sampledOk = expected.correction ? sampled <= to : sampled >= from && sampled <= to;
  c.check('DEL-01', `${samplePath}/SamplingDateTime`, 'prøvetagningstidspunkt', expected.correction ? `senest ${to}` : window, sampled, sampledOk);
  const resulted = stamp(letter.generalResultInformation.resultsDateTime);
  const resultsPath = `${root}/LaboratoryResults/GeneralResultInformation/ResultsDateTime`;
  c.check('DEL-01', resultsPath, 'svartidspunkt', window, resulted, resulted >= from && resulted <= to);
}

function compareProducer(c: Comparison, path: string, producer: { identifier: string; identifierCode: string }, letter: ReportLetter, expected: ExpectedShare): void {
  const root = ROOT[letter.kind];
  if (letter.kind === 'XRPT01') {
    c.check('DEL-02', `${path}/Identifier`, 'producenten (praksis, der lavede analysen)', expected.result.clinic, producer.identifier);
  } else {
    // XRPT05 allows at most 17 characters here: the practice's name when it fits, else its ydernummer (the sender's Identifier).
    const allowed = [expected.result.clinic, letter.sender.identifier].filter((name) => name.length <= 17);
    c.check('DEL-02', `${path}/Identifier`, 'producenten (praksis, der lavede analysen: navn eller ydernummer, højst 17 tegn)', allowed.join(' eller '), producer.identifier, allowed.includes(producer.identifier));
  }
  c.check('DEL-02', `${root}/Sender/OrganisationName`, 'afsender (praksis, der lavede analysen)', expected.result.clinic, letter.sender.organisationName);
  c.check('DEL-02', `${path}/IdentifierCode`, 'producentkode (samme som afsenderens FromLabIdentifier)', letter.sender.fromLabIdentifier, producer.identifierCode);
  if (expected.knownProducerCode !== undefined) {
    c.check('DEL-02', `${path}/IdentifierCode`, 'producentkode (den, praksis ellers bruger i kørslen)', expected.knownProducerCode, producer.identifierCode);
  }
  if (expected.foreignProducerCodes?.includes(producer.identifierCode)) {
    c.check('DEL-02', `${path}/IdentifierCode`, 'producentkode (ikke en anden producents)', `praksis' egen, ikke ${producer.identifierCode}`, producer.identifierCode, false);
  }
}

function compareInterval(c: Comparison, path: string, expected: ReferenceInterval | undefined, actual: ReferenceInterval | undefined): void {
  if (!expected) {
    c.check('LABA-04', path, 'referenceinterval (ingen registreret)', undefined, actual ? JSON.stringify(actual) : undefined);
    return;
  }
  if (!actual) {
    c.check('LABA-04', path, 'referenceinterval', JSON.stringify(expected), undefined);
    return;
  }
  c.check('LABA-04', `${path}/TypeOfInterval`, 'intervallets type (fysiologisk / terapeutisk)', expected.typeOfInterval ?? 'fysiologisk', actual.typeOfInterval);
  c.check('LABA-04', `${path}/LowerLimit`, 'intervallets nedre grænse', expected.lowerLimit, actual.lowerLimit, sameDecimal(expected.lowerLimit, actual.lowerLimit));
  c.check('LABA-04', `${path}/UpperLimit`, 'intervallets øvre grænse', expected.upperLimit, actual.upperLimit, sameDecimal(expected.upperLimit, actual.upperLimit));
  if (expected.intervalText !== undefined) c.check('LABA-04', `${path}/IntervalText`, 'intervallets tekst', expected.intervalText, actual.intervalText);
}

function compareLaboratoryResult(c: Comparison, path: string, result: LabResult, letter: ReportLetter, expected: ExpectedShare, analysis: CatalogueAnalysis): void {
  const registered = splitOperator(expected.correction?.value ?? expected.result.value);
  const unit = expected.correction ? (expected.correction.unit ?? expected.result.unit) : expected.result.unit;
  const status = expected.correction ? 'svar_rettet' : 'svar_endeligt';
  c.check(expected.correction ? 'DEL-05' : 'DEL-01', `${path}/ResultStatusCode`, 'svarstatus', status, result.resultStatusCode);
  c.check('DEL-01', `${path}/Analysis/AnalysisCodeType`, 'analysekodens type', CODING.XRPT01.codeType, result.analysis.analysisCodeType);
  c.check('DEL-01', `${path}/Analysis/AnalysisCodeResponsible`, 'analysekodens ansvarlige', CODING.XRPT01.responsible, result.analysis.analysisCodeResponsible);
  c.check('DEL-01', `${path}/Analysis/AnalysisCompleteName`, 'analysens fulde navn (NPU)', analysis.completeName, result.analysis.analysisCompleteName);
  if (result.analysis.analysisShortName !== undefined) {
    c.check('DEL-01', `${path}/Analysis/AnalysisShortName`, 'analysens korte navn', analysis.shortName, result.analysis.analysisShortName);
  }
  compareProducer(c, `${path}/ProducerOfLabResult`, result.producerOfLabResult, letter, expected);
  compareInterval(c, `${path}/ReferenceInterval`, expected.result.referenceInterval, result.referenceInterval);
  const numeric = decimalNumber(registered.value) !== undefined;
  c.check('DEL-01', `${path}/ResultType`, 'resultattype', numeric ? 'numerisk' : 'alfanumerisk', result.resultType);
  c.check('DEL-01', `${path}/Operator`, 'operator (mindre end / større end)', registered.operator, result.operator);
  c.check('DEL-01', `${path}/Value`, 'værdi (som registreret; komma og punktum er samme decimaltegn)', registered.value, result.value, sameDecimal(registered.value, result.value));
  c.check('DEL-01', `${path}/Unit`, 'enhed', unit ?? analysis.unit, result.unit);
  c.check('LABA-04', `${path}/ResultValidation`, 'markering af værdi uden for intervallet', validationOf(registered.value, expected.result.referenceInterval, registered.operator), result.resultValidation);
}

function compareLaboratoryReport(c: Comparison, letter: ReportLetter & { kind: 'XRPT01' }, expected: ExpectedShare, analysis: CatalogueAnalysis): void {
  const results = `${ROOT.XRPT01}/LaboratoryResults/Result`;
  const index = letter.results.findIndex((result) => result.analysis.analysisCode === analysis.code);
  const found = letter.results[index];
  if (!found) {
    c.check('DEL-01', `${results}/Analysis/AnalysisCode`, `analysekode for ${analysis.shortName}`, analysis.code, letter.results.map((result) => result.analysis.analysisCode).join(', '), false);
    return;
  }
  if (letter.results.length > 1) {
    const others = letter.results.filter((_, i) => i !== index).map((result) => result.analysis.analysisCode);
    c.check('DEL-01', results, 'svar i beskeden (kun det registrerede)', analysis.code, [analysis.code, ...others].join(', '), false);
  }
  compareLaboratoryResult(c, `${results}[${index + 1}]`, found, letter, expected, analysis);
}

function compareMicrobiologyReport(c: Comparison, letter: ReportLetter & { kind: 'XRPT05' }, expected: ExpectedShare, analysis: CatalogueAnalysis): void {
  const base = `${ROOT.XRPT05}/LaboratoryResults`;
  const status = expected.correction ? 'svar_rettet' : 'svar_endeligt';
  c.check(expected.correction ? 'DEL-05' : 'DEL-01', `${base}/GeneralResultInformation/ResultStatusCode`, 'svarstatus', status, letter.generalResultInformation.resultStatusCode);
  const index = letter.investigations.findIndex((investigation) => investigation.examination.micAnalysisCode === analysis.code);
  const found = letter.investigations[index];
  if (!found) {
    const codes = letter.investigations.map((investigation) => investigation.examination.micAnalysisCode).join(', ');
    c.check('DEL-01', `${base}/Investigation/Examination/MICAnalysisCode`, `analysekode for ${analysis.shortName}`, analysis.code, codes, false);
    return;
  }
  const path = `${base}/Investigation[${index + 1}]/Examination`;
  const { examination } = found;
  c.check('DEL-01', `${path}/AnalysisCodeType`, 'analysekodens type', CODING.XRPT05.codeType, examination.analysisCodeType);
  c.check('DEL-01', `${path}/AnalysisCodeResponsible`, 'analysekodens ansvarlige', CODING.XRPT05.responsible, examination.analysisCodeResponsible);
  c.check('DEL-01', `${path}/AnalysisMDSName/Examination`, 'analysens navn', analysis.completeName, examination.mdsName?.examination);
  compareProducer(c, `${path}/ProducerOfLabResult`, examination.producerOfLabResult, letter, expected);
  const value = expected.correction?.value ?? expected.result.value;
  const interpretations = found.quantitativeFindings.map((finding) => finding.interpretation).join('; ');
  c.check('DEL-01', `${base}/Investigation[${index + 1}]/QuantitativeFindings/AnalysisFindings/Findings/InterPretation`, 'resultat (som registreret)', value, interpretations);
}

/** Every field in which the letter differs from what a correct LPS sends for the expected share; [] when none. */
export function compareWithExpected(letter: ReportLetter | undefined, expected: ExpectedShare): Difference[] {
  const analysis = analysisOf(expected.result);
  const c = new Comparison();
  if (!letter) {
    c.check('DEL-01', '/Emessage', 'brev i beskeden', analysis.letterType, undefined);
    return c.differences;
  }
  c.check('DEL-08', `/Emessage/${letter.kind === 'XRPT01' ? 'LaboratoryReport' : 'MicrobiologyWebReport'}`, `brevtype for ${analysis.shortName}`, analysis.letterType, letter.kind);
  if (letter.kind !== analysis.letterType) return c.differences;
  comparePatient(c, ROOT[letter.kind], letter, expected);
  compareSampleAndTimes(c, ROOT[letter.kind], letter, expected);
  if (letter.kind === 'XRPT01') compareLaboratoryReport(c, letter, expected, analysis);
  else compareMicrobiologyReport(c, letter, expected, analysis);
  return c.differences;
}

/** One difference a line: "[DEL-02] producentkode ... (sti): forventet "X", sendt "Y"". */
export function describeDifferences(differences: readonly Difference[]): string {
  return differences.map((d) => `[${d.rule}] ${d.field} (${d.path}): forventet "${d.expected}", sendt "${d.actual}"`).join('\n');
}

/** The rules the differences break, each once, in order of first appearance. */
export function rulesBroken(differences: readonly Difference[]): string[] {
  return [...new Set(differences.map((difference) => difference.rule))];
}
