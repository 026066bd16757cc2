/** A validated LaboratoryReport element as the XRPT01 model. */
import type { Analysis, AnalysisCodeType, GeneralResultInformation, LabResult, LaboratoryReport, Operator, ReportStatusCode, ResultStatusCode, ResultType, ResultValidation, Sample } from '../model';
import { childNamed, childrenNamed, type XmlElement } from '../xml/node';
import { readProducer, readReferenceInterval, readReportHead } from './common';
import { compact, dateTime, mixedText, optionalText, required, requiredText } from './tree';

export function readLaboratoryReport(report: XmlElement): LaboratoryReport {
  const requisition = required(report, 'RequisitionInformation');
  const comments = childNamed(requisition, 'Comments');
  const results = required(report, 'LaboratoryResults');
  return compact({
    kind: 'XRPT01' as const,
    ...readReportHead(report),
    requisitionInformation: compact({
      comments: comments ? mixedText(comments) : undefined,
      sample: readSample(required(requisition, 'Sample')),
    }),
    generalResultInformation: readGeneral(required(results, 'GeneralResultInformation')),
    results: childrenNamed(results, 'Result').map(readResult),
  });
}

function readSample(sample: XmlElement): Sample {
  const interval = childNamed(sample, 'SamplingInterval');
  return compact({
    laboratoryInternalSampleIdentifier: requiredText(sample, 'LaboratoryInternalSampleIdentifier'),
    requesterSampleIdentifier: optionalText(sample, 'RequesterSampleIdentifier'),
    samplingDateTime: dateTime(required(sample, 'SamplingDateTime')),
    volume: optionalText(sample, 'Volume'),
    unitOfVolume: optionalText(sample, 'UnitOfVolume'),
    samplingInterval: interval
      ? { start: dateTime(required(interval, 'StartDateTime')), end: dateTime(required(interval, 'EndDateTime')) }
      : undefined,
  });
}

function readGeneral(general: XmlElement): GeneralResultInformation {
  return {
    reportStatusCode: requiredText(general, 'ReportStatusCode') as ReportStatusCode,
    laboratoryInternalProductionIdentifier: requiredText(general, 'LaboratoryInternalProductionIdentifier'),
    resultsDateTime: dateTime(required(general, 'ResultsDateTime')),
  };
}

function readAnalysis(analysis: XmlElement): Analysis {
  const group = childNamed(analysis, 'RequisitionGroup');
  const order = optionalText(analysis, 'Order');
  return compact({
    analysisCode: requiredText(analysis, 'AnalysisCode'),
    analysisCodeType: requiredText(analysis, 'AnalysisCodeType') as AnalysisCodeType,
    analysisCodeResponsible: requiredText(analysis, 'AnalysisCodeResponsible'),
    analysisShortName: optionalText(analysis, 'AnalysisShortName'),
    analysisCompleteName: mixedText(required(analysis, 'AnalysisCompleteName')),
    requisitionGroup: group
      ? {
          identifier: requiredText(group, 'Identifier'),
          identifierResponsible: requiredText(group, 'IdentifierResponsible'),
          name: requiredText(group, 'Name'),
        }
      : undefined,
    order: order === undefined ? undefined : Number(order.trim()),
  });
}

function nonEmpty(values: string[]): string[] | undefined {
  return values.length > 0 ? values : undefined;
}

function readResult(result: XmlElement): LabResult {
  return compact({
    resultStatusCode: requiredText(result, 'ResultStatusCode') as ResultStatusCode,
    analysis: readAnalysis(required(result, 'Analysis')),
    producerOfLabResult: readProducer(result),
    referenceInterval: readReferenceInterval(result),
    resultType: requiredText(result, 'ResultType') as ResultType,
    operator: optionalText(result, 'Operator') as Operator | undefined,
    value: requiredText(result, 'Value'),
    unit: optionalText(result, 'Unit'),
    resultValidation: optionalText(result, 'ResultValidation') as ResultValidation | undefined,
    resultTextValues: nonEmpty(childrenNamed(result, 'ResultTextValue').map(mixedText)),
    resultComments: nonEmpty(childrenNamed(result, 'ResultComments').map(mixedText)),
    toLabIdentifier: optionalText(result, 'ToLabIdentifier'),
  });
}
