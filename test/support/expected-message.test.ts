/** The expected message: a correct LPS's letter passes; each planted defect is one difference, at its rule and path. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clinicEmessage, type ClinicResult } from '../../medcom/compose-clinic-report';
import { validationOf } from '../../medcom/result-validation';
import type { LaboratoryReport, MicrobiologyWebReport, ReportLetter } from '../../medcom/model';
import { findAnalysis } from '../../medcom/npu-catalogue';
import type { ResultToRegister } from '../../steps/drivers/lps';
import { compareWithExpected, describeDifferences, sameDecimal, splitOperator, type ExpectedShare } from '../../steps/drivers/expected-message';

const from = new Date('2026-03-14T09:40:10Z');
const at = new Date('2026-03-14T09:41:30Z');
const to = new Date('2026-03-14T09:42:00Z');
const patient = { cpr: '2512489996', givenName: 'Nancy Ann', surname: 'Test Berggren' };

const crp: ResultToRegister = {
  clinic: 'Lægerne Testgade',
  patient,
  consentGiven: true,
  analysis: 'CRP',
  value: '45',
  unit: 'mg/L',
  referenceInterval: { typeOfInterval: 'fysiologisk', upperLimit: '10' },
};

function letterFor(result: ResultToRegister, overrides: Partial<ClinicResult> = {}): ReportLetter {
  const analysis = findAnalysis(result.analysis);
  assert.ok(analysis);
  const validation = validationOf(result.value, result.referenceInterval);
  const message = clinicEmessage(
    {
      clinic: { name: result.clinic, ydernummer: '054321', ean: '5790000000123', producerCode: 'LTG' },
      patient: { ...result.patient, consentGiven: result.consentGiven ?? true },
      analysis,
      value: result.value,
      ...(result.unit ? { unit: result.unit } : {}),
      ...(result.referenceInterval ? { referenceInterval: { ...result.referenceInterval } } : {}),
      ...(validation ? { resultValidation: validation } : {}),
      sampleNumber: '1234567890',
      sampledAt: at,
      resultAt: at,
      ...overrides,
    },
    at,
  );
  const [letter] = message.letters;
  assert.ok(letter);
  return letter;
}

function expected(result: ResultToRegister, extra: Partial<ExpectedShare> = {}): ExpectedShare {
  return { result, nationalSampleNumber: '1234567890', window: { from, to }, ...extra };
}

function lab(letter: ReportLetter): LaboratoryReport {
  assert.equal(letter.kind, 'XRPT01');
  return letter as LaboratoryReport;
}

const RESULT = '/Emessage/LaboratoryReport/LaboratoryResults/Result[1]';

/** Plants one defect in a correct CRP letter and returns the differences found. */
function planted(defect: (letter: LaboratoryReport) => void, extra: Partial<ExpectedShare> = {}, result = crp) {
  const letter = lab(letterFor(result));
  defect(letter);
  return compareWithExpected(letter, expected(result, extra));
}

function only(differences: ReturnType<typeof planted>, rule: string, path: string): void {
  assert.equal(differences.length, 1, describeDifferences(differences));
  assert.equal(differences[0]?.rule, rule, describeDifferences(differences));
  assert.equal(differences[0]?.path, path, describeDifferences(differences));
}

describe('expected message', () => {
  it('finds nothing to fault in what a correct LPS sends, value outside the interval marked for_hoej', () => {
    const letter = lab(letterFor(crp));
    assert.equal(letter.results[0]?.resultValidation, 'for_hoej');
    assert.deepEqual(compareWithExpected(letter, expected(crp)), []);
  });

  it('takes a decimal comma and a decimal point as the same separator, and nothing else as the same value', () => {
    assert.ok(sameDecimal('6,1', '6.1'));
    assert.ok(!sameDecimal('6,1', '6.10'));
    assert.ok(!sameDecimal('6,0', '6'));
    const glucose: ResultToRegister = { ...crp, analysis: 'Glukose', value: '6,1', unit: 'mmol/L', referenceInterval: { typeOfInterval: 'fysiologisk', lowerLimit: '4,0', upperLimit: '6,0' } };
    const letter = lab(letterFor(glucose));
    const result = letter.results[0];
    assert.ok(result?.referenceInterval);
    result.value = '6.1';
    result.referenceInterval.lowerLimit = '4.0';
    assert.deepEqual(compareWithExpected(letter, expected(glucose)), []);
    result.value = '6.10';
    only(compareWithExpected(letter, expected(glucose)), 'DEL-01', `${RESULT}/Value`);
  });

  it('reads "<5" as the operator mindre_end and the value 5', () => {
    assert.deepEqual(splitOperator('<5'), { operator: 'mindre_end', value: '5' });
    assert.deepEqual(splitOperator('45'), { value: '45' });
  });

  const defects: { field: string; rule: string; path: string; plant: (letter: LaboratoryReport) => void; extra?: Partial<ExpectedShare> }[] = [
    { field: 'CPR', rule: 'DEL-01', path: '/Emessage/LaboratoryReport/Patient/CivilRegistrationNumber', plant: (l) => (l.patient.civilRegistrationNumber = '0201609995') },
    { field: 'given name', rule: 'DEL-01', path: '/Emessage/LaboratoryReport/Patient/PersonGivenName', plant: (l) => (l.patient.personGivenName = 'Nanci Ann') },
    { field: 'surname', rule: 'DEL-01', path: '/Emessage/LaboratoryReport/Patient/PersonSurnameName', plant: (l) => (l.patient.personSurnameName = 'Test Bergren') },
    { field: 'consent', rule: 'DEL-03', path: '/Emessage/LaboratoryReport/Patient/Consent/Given', plant: (l) => (l.patient.consentGiven = false) },
    { field: 'consent not stated', rule: 'DEL-03', path: '/Emessage/LaboratoryReport/Patient/Consent/Given', plant: (l) => delete l.patient.consentGiven },
    { field: 'analysis code type', rule: 'DEL-01', path: `${RESULT}/Analysis/AnalysisCodeType`, plant: (l) => (l.results[0]!.analysis.analysisCodeType = 'lokal') },
    { field: 'analysis responsible', rule: 'DEL-01', path: `${RESULT}/Analysis/AnalysisCodeResponsible`, plant: (l) => (l.results[0]!.analysis.analysisCodeResponsible = 'LAB') },
    { field: 'analysis complete name', rule: 'DEL-01', path: `${RESULT}/Analysis/AnalysisCompleteName`, plant: (l) => (l.results[0]!.analysis.analysisCompleteName = 'CRP') },
    { field: 'analysis short name', rule: 'DEL-01', path: `${RESULT}/Analysis/AnalysisShortName`, plant: (l) => (l.results[0]!.analysis.analysisShortName = 'C-reakt') },
    { field: 'value', rule: 'DEL-01', path: `${RESULT}/Value`, plant: (l) => (l.results[0]!.value = '4.5') },
    { field: 'unit', rule: 'DEL-01', path: `${RESULT}/Unit`, plant: (l) => (l.results[0]!.unit = 'mg/dL') },
    { field: 'operator', rule: 'DEL-01', path: `${RESULT}/Operator`, plant: (l) => (l.results[0]!.operator = 'stoerre_end') },
    { field: 'result type', rule: 'DEL-01', path: `${RESULT}/ResultType`, plant: (l) => (l.results[0]!.resultType = 'alfanumerisk') },
    { field: 'interval type', rule: 'LABA-04', path: `${RESULT}/ReferenceInterval/TypeOfInterval`, plant: (l) => (l.results[0]!.referenceInterval!.typeOfInterval = 'terapeutisk') },
    { field: 'interval limit', rule: 'LABA-04', path: `${RESULT}/ReferenceInterval/UpperLimit`, plant: (l) => (l.results[0]!.referenceInterval!.upperLimit = '20') },
    { field: 'interval dropped', rule: 'LABA-04', path: `${RESULT}/ReferenceInterval`, plant: (l) => delete l.results[0]!.referenceInterval },
    { field: 'result validation', rule: 'LABA-04', path: `${RESULT}/ResultValidation`, plant: (l) => delete l.results[0]!.resultValidation },
    { field: 'status', rule: 'DEL-01', path: `${RESULT}/ResultStatusCode`, plant: (l) => (l.results[0]!.resultStatusCode = 'svar_midlertidigt') },
    { field: 'producer name', rule: 'DEL-02', path: `${RESULT}/ProducerOfLabResult/Identifier`, plant: (l) => (l.results[0]!.producerOfLabResult.identifier = 'Lægehuset Nord') },
    { field: 'producer code', rule: 'DEL-02', path: `${RESULT}/ProducerOfLabResult/IdentifierCode`, plant: (l) => (l.results[0]!.producerOfLabResult.identifierCode = 'LHN') },
    { field: 'sender', rule: 'DEL-02', path: '/Emessage/LaboratoryReport/Sender/OrganisationName', plant: (l) => (l.sender.organisationName = 'Lægehuset Nord') },
    { field: 'national sample number', rule: 'LABA-03', path: '/Emessage/LaboratoryReport/RequisitionInformation/Sample/RequesterSampleIdentifier', plant: (l) => delete l.requisitionInformation.sample.requesterSampleIdentifier },
    { field: 'sampling time', rule: 'DEL-01', path: '/Emessage/LaboratoryReport/RequisitionInformation/Sample/SamplingDateTime', plant: (l) => (l.requisitionInformation.sample.samplingDateTime = { date: '2026-03-13', time: '10:41' }) },
    { field: 'result time', rule: 'DEL-01', path: '/Emessage/LaboratoryReport/LaboratoryResults/GeneralResultInformation/ResultsDateTime', plant: (l) => (l.generalResultInformation.resultsDateTime = { date: '2026-03-14', time: '11:30' }) },
  ];
  for (const defect of defects) {
    it(`catches a wrong ${defect.field} at ${defect.rule}`, () => {
      only(planted(defect.plant, defect.extra), defect.rule, defect.path);
    });
  }

  it('catches a producer code that is not the one the practice used before, and a foreign producer code', () => {
    only(planted(() => undefined, { knownProducerCode: 'ABC' }), 'DEL-02', `${RESULT}/ProducerOfLabResult/IdentifierCode`);
    only(planted(() => undefined, { foreignProducerCodes: ['LTG'] }), 'DEL-02', `${RESULT}/ProducerOfLabResult/IdentifierCode`);
  });

  it('catches a treatment target sent as a physiological interval', () => {
    const hba1c: ResultToRegister = { ...crp, analysis: 'HbA1c', value: '48', unit: 'mmol/mol', referenceInterval: { typeOfInterval: 'terapeutisk', upperLimit: '53' } };
    only(planted((l) => (l.results[0]!.referenceInterval!.typeOfInterval = 'fysiologisk'), {}, hba1c), 'LABA-04', `${RESULT}/ReferenceInterval/TypeOfInterval`);
  });

  it('catches a national sample number sent for a result registered without one', () => {
    const noSample = { ...crp, withoutSampleNumber: true };
    only(planted(() => undefined, {}, noSample), 'LABA-03', '/Emessage/LaboratoryReport/RequisitionInformation/Sample/RequesterSampleIdentifier');
  });

  it('catches a result in the wrong letter type at DEL-08', () => {
    const strep: ResultToRegister = { clinic: 'Lægerne Testgade', patient, analysis: 'Strep A', value: 'Positiv' };
    const differences = compareWithExpected(letterFor(crp), expected(strep));
    assert.deepEqual(differences.map((d) => [d.rule, d.expected, d.actual]), [['DEL-08', 'XRPT05', 'XRPT01']]);
  });

  it('holds a correction to svar_rettet under the original sample number', () => {
    const correction = { value: '52', unit: 'mg/L', originalSampleNumber: '1234567890' };
    const corrected = lab(letterFor({ ...crp, value: '52' }, { status: 'svar_rettet' }));
    assert.deepEqual(compareWithExpected(corrected, expected(crp, { correction })), []);
    const asNew = lab(letterFor({ ...crp, value: '52' }));
    only(compareWithExpected(asNew, expected(crp, { correction })), 'DEL-05', `${RESULT}/ResultStatusCode`);
    const otherSample = lab(letterFor({ ...crp, value: '52' }, { status: 'svar_rettet', sampleNumber: '999' }));
    only(compareWithExpected(otherSample, expected(crp, { correction })), 'DEL-05', '/Emessage/LaboratoryReport/RequisitionInformation/Sample/RequesterSampleIdentifier');
  });

  it('compares a microbiology result (XRPT05): value and producer', () => {
    const strep: ResultToRegister = { clinic: 'Lægerne Testgade', patient, analysis: 'Strep A', value: 'Positiv' };
    const letter = letterFor(strep) as MicrobiologyWebReport;
    assert.deepEqual(compareWithExpected(letter, expected(strep)), []);
    letter.investigations[0]!.quantitativeFindings[0]!.interpretation = 'Negativ';
    const differences = compareWithExpected(letter, expected(strep));
    assert.equal(differences.length, 1, describeDifferences(differences));
    assert.match(describeDifferences(differences), /^\[DEL-01\] resultat \(som registreret\) \(.*InterPretation\): forventet "Positiv", sendt "Negativ"$/);
  });

  it("accepts the practice's name or its ydernummer as an XRPT05 producer, and nothing else", () => {
    const strep: ResultToRegister = { clinic: 'Lægerne Testgade', patient, analysis: 'Strep A', value: 'Positiv' };
    const letter = letterFor(strep) as MicrobiologyWebReport;
    const producer = letter.investigations[0]!.examination.producerOfLabResult;
    assert.equal(producer.identifier, letter.sender.identifier, 'the clinic report names the producer by ydernummer');
    producer.identifier = 'Lægerne Testgade';
    assert.deepEqual(compareWithExpected(letter, expected(strep)), [], 'the name (17 characters or less) is allowed too');
    producer.identifier = '099999';
    only(compareWithExpected(letter, expected(strep)), 'DEL-02', '/Emessage/MicrobiologyWebReport/LaboratoryResults/Investigation[1]/Examination/ProducerOfLabResult/Identifier');
  });

  it('says each difference with its rule, the field in Danish, the path, expected and sent', () => {
    const text = describeDifferences(planted((l) => (l.results[0]!.producerOfLabResult.identifierCode = 'LHN')));
    assert.equal(text, `[DEL-02] producentkode (samme som afsenderens FromLabIdentifier) (${RESULT}/ProducerOfLabResult/IdentifierCode): forventet "LTG", sendt "LHN"`);
  });
});
