/** XRPT01 LaboratoryReport (XR0131K) in the schema's element order. */
import type { LabResult, LaboratoryReport } from '../model';
import type { XmlWriter } from '../xml/writer';
import {
  writeDateTime,
  writeProducer,
  writeReferenceInterval,
  writeReportHead,
} from './common';

export const XRPT01_CODES = { versionCode: 'XR0131K', statisticalCode: 'XRPT01', typeCode: 'XRPT01' } as const;

export function writeLaboratoryReport(writer: XmlWriter, report: LaboratoryReport): void {
  writer.element('LaboratoryReport', (w) => {
    writeReportHead(w, report, XRPT01_CODES);
    const { comments, sample } = report.requisitionInformation;
    w.element('RequisitionInformation', (r) => {
      r.breakable('Comments', comments);
      r.element('Sample', (s) => {
        s.leaf('LaboratoryInternalSampleIdentifier', sample.laboratoryInternalSampleIdentifier);
        s.leaf('RequesterSampleIdentifier', sample.requesterSampleIdentifier);
        writeDateTime(s, 'SamplingDateTime', sample.samplingDateTime);
        s.leaf('Volume', sample.volume).leaf('UnitOfVolume', sample.unitOfVolume);
        if (sample.samplingInterval) {
          const interval = sample.samplingInterval;
          s.element('SamplingInterval', (i) => {
            writeDateTime(i, 'StartDateTime', interval.start);
            writeDateTime(i, 'EndDateTime', interval.end);
          });
        }
      });
    });
    w.element('LaboratoryResults', (results) => {
      const general = report.generalResultInformation;
      results.element('GeneralResultInformation', (g) => {
        g.leaf('ReportStatusCode', general.reportStatusCode);
        g.leaf('LaboratoryInternalProductionIdentifier', general.laboratoryInternalProductionIdentifier);
        writeDateTime(g, 'ResultsDateTime', general.resultsDateTime);
      });
      for (const result of report.results) writeResult(results, result);
    });
  });
}

function writeResult(writer: XmlWriter, result: LabResult): void {
  writer.element('Result', (w) => {
    w.leaf('ResultStatusCode', result.resultStatusCode);
    const analysis = result.analysis;
    w.element('Analysis', (a) => {
      a.leaf('AnalysisCode', analysis.analysisCode)
        .leaf('AnalysisCodeType', analysis.analysisCodeType)
        .leaf('AnalysisCodeResponsible', analysis.analysisCodeResponsible)
        .leaf('AnalysisShortName', analysis.analysisShortName)
        .breakable('AnalysisCompleteName', analysis.analysisCompleteName);
      const group = analysis.requisitionGroup;
      if (group) {
        a.element('RequisitionGroup', (g) =>
          g.leaf('Identifier', group.identifier).leaf('IdentifierResponsible', group.identifierResponsible).leaf('Name', group.name),
        );
      }
      a.leaf('Order', analysis.order === undefined ? undefined : String(analysis.order));
    });
    writeProducer(w, result.producerOfLabResult);
    writeReferenceInterval(w, result.referenceInterval);
    w.leaf('ResultType', result.resultType).leaf('Operator', result.operator).leaf('Value', result.value);
    w.leaf('Unit', result.unit).leaf('ResultValidation', result.resultValidation);
    for (const text of result.resultTextValues ?? []) w.breakable('ResultTextValue', text);
    for (const text of result.resultComments ?? []) w.breakable('ResultComments', text);
    w.leaf('ToLabIdentifier', result.toLabIdentifier);
  });
}
