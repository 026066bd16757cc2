/** A validated MicrobiologyWebReport element as the XRPT05 model. */
import type {
  AnalysisCodeType,
  MicrobiologyCultureFindings,
  MicrobiologyExamination,
  MicrobiologyFinding,
  MicrobiologyGeneralResultInformation,
  MicrobiologyInvestigation,
  MicrobiologyMicroscopicFindings,
  MicrobiologyOperator,
  MicrobiologyWebReport,
  ReportStatusCode,
  ResultStatusCode,
  ResultValidation,
  Sample,
} from '../model';
import { childNamed, childrenNamed, type XmlElement } from '../xml/node';
import { readProducer, readReferenceInterval, readReportHead } from './common';
import { basicText, compact, dateTime, optionalDateTime, optionalText, required, requiredText } from './tree';

export function readMicrobiologyWebReport(report: XmlElement): MicrobiologyWebReport {
  const requisition = required(report, 'RequisitionInformation');
  const comments = childrenNamed(requisition, 'Comments');
  const results = required(report, 'LaboratoryResults');
  return compact({
    kind: 'XRPT05' as const,
    ...readReportHead(report),
    requisitionInformation: compact({
      comments: comments.length > 0 ? comments.map(basicText).join('\n') : undefined,
      sample: readSample(required(requisition, 'Sample')),
    }),
    generalResultInformation: readGeneral(required(results, 'GeneralResultInformation')),
    investigations: childrenNamed(results, 'Investigation').map(readInvestigation),
  });
}

function readSample(sample: XmlElement): Sample {
  return compact({
    laboratoryInternalSampleIdentifier: requiredText(sample, 'LaboratoryInternalSampleIdentifier'),
    requesterSampleIdentifier: optionalText(sample, 'RequesterSampleIdentifier'),
    samplingDateTime: dateTime(required(sample, 'SamplingDateTime')),
    sampleReceivedDateTime: optionalDateTime(sample, 'SampleReceivedDateTime'),
  });
}

function readGeneral(general: XmlElement): MicrobiologyGeneralResultInformation {
  return compact({
    reportStatusCode: requiredText(general, 'ReportStatusCode') as ReportStatusCode,
    resultStatusCode: requiredText(general, 'ResultStatusCode') as ResultStatusCode,
    toLabIdentifier: optionalText(general, 'ToLabIdentifier'),
    laboratoryInternalProductionIdentifier: requiredText(general, 'LaboratoryInternalProductionIdentifier'),
    resultsDateTime: dateTime(required(general, 'ResultsDateTime')),
    summary: optionalText(general, 'Summary'),
  });
}

function readExamination(examination: XmlElement): MicrobiologyExamination {
  const mds = childNamed(examination, 'AnalysisMDSName');
  return compact({
    examinationTypeCode: requiredText(examination, 'ExaminationTypeCode'),
    micAnalysisCode: requiredText(examination, 'MICAnalysisCode'),
    analysisCodeType: requiredText(examination, 'AnalysisCodeType') as AnalysisCodeType,
    analysisCodeResponsible: requiredText(examination, 'AnalysisCodeResponsible'),
    analysisShortName: optionalText(examination, 'AnalysisShortName'),
    mdsName: mds
      ? compact({ examination: requiredText(mds, 'Examination'), material: optionalText(mds, 'Material'), location: optionalText(mds, 'Location') })
      : undefined,
    supplementaryLocation: optionalText(examination, 'SupplementaryLocation'),
    examinator: optionalText(examination, 'Examinator'),
    producerOfLabResult: readProducer(examination),
    summary: optionalText(examination, 'Summary'),
  });
}

function readFinding(analysisFindings: XmlElement): MicrobiologyFinding {
  const findings = required(analysisFindings, 'Findings');
  const value = optionalText(findings, 'Value');
  return compact({
    analysis: basicText(required(analysisFindings, 'Analysis')),
    interpretation: basicText(required(findings, 'InterPretation')),
    referenceInterval: readReferenceInterval(findings),
    quantity:
      value === undefined
        ? undefined
        : compact({ operator: requiredText(findings, 'Operator') as MicrobiologyOperator, value, unit: optionalText(findings, 'Unit') }),
    resultValidation: optionalText(findings, 'ResultValidation') as ResultValidation | undefined,
  });
}

function readCulture(culture: XmlElement | undefined): MicrobiologyCultureFindings | undefined {
  if (!culture) return undefined;
  return {
    headline: requiredText(culture, 'Headline'),
    microorganisms: childrenNamed(culture, 'Microorganism').map((organism) => {
      const growth = childNamed(organism, 'GrowthValue');
      return compact({ identification: basicText(required(organism, 'Identification')), growthValue: growth ? basicText(growth) : undefined });
    }),
  };
}

function readMicroscopic(microscopic: XmlElement | undefined): MicrobiologyMicroscopicFindings | undefined {
  if (!microscopic) return undefined;
  return {
    headline: requiredText(microscopic, 'Headline'),
    comments: childrenNamed(required(microscopic, 'Comments'), 'Paragraph').map((paragraph) => paragraph.text),
  };
}

function readInvestigation(investigation: XmlElement): MicrobiologyInvestigation {
  const quantitative = childNamed(investigation, 'QuantitativeFindings');
  return compact({
    examination: readExamination(required(investigation, 'Examination')),
    quantitativeFindings: quantitative ? childrenNamed(quantitative, 'AnalysisFindings').map(readFinding) : [],
    cultureFindings: readCulture(childNamed(investigation, 'CultureFindings')),
    microscopicFindings: readMicroscopic(childNamed(investigation, 'MicroscopicFindings')),
  });
}
