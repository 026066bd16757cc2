/** XRPT05 MicrobiologyWebReport (XR0532M) in the schema's element order. */
import type { MicrobiologyFinding, MicrobiologyInvestigation, MicrobiologyWebReport } from '../model';
import type { XmlWriter } from '../xml/writer';
import {
  writeDateTime,
  writeProducer,
  writeReferenceInterval,
  writeReportHead,
  writeTextOnly,
} from './common';

export const XRPT05_CODES = { versionCode: 'XR0532M', statisticalCode: 'XRPT05', typeCode: 'XRPT05' } as const;

export function writeMicrobiologyWebReport(writer: XmlWriter, report: MicrobiologyWebReport): void {
  writer.element('MicrobiologyWebReport', (w) => {
    writeReportHead(w, report, XRPT05_CODES);
    const { comments, sample } = report.requisitionInformation;
    w.element('RequisitionInformation', (r) => {
      writeTextOnly(r, 'Comments', comments);
      r.element('Sample', (s) => {
        s.leaf('LaboratoryInternalSampleIdentifier', sample.laboratoryInternalSampleIdentifier);
        s.leaf('RequesterSampleIdentifier', sample.requesterSampleIdentifier);
        writeDateTime(s, 'SamplingDateTime', sample.samplingDateTime);
        writeDateTime(s, 'SampleReceivedDateTime', sample.sampleReceivedDateTime);
      });
    });
    w.element('LaboratoryResults', (results) => {
      const general = report.generalResultInformation;
      results.element('GeneralResultInformation', (g) => {
        g.leaf('ReportStatusCode', general.reportStatusCode)
          .leaf('ResultStatusCode', general.resultStatusCode)
          .leaf('ToLabIdentifier', general.toLabIdentifier)
          .leaf('LaboratoryInternalProductionIdentifier', general.laboratoryInternalProductionIdentifier);
        writeDateTime(g, 'ResultsDateTime', general.resultsDateTime);
        g.leaf('Summary', general.summary);
      });
      for (const investigation of report.investigations) writeInvestigation(results, investigation);
    });
  });
}

function writeInvestigation(writer: XmlWriter, investigation: MicrobiologyInvestigation): void {
  writer.element('Investigation', (w) => {
    const examination = investigation.examination;
    w.element('Examination', (e) => {
      e.leaf('ExaminationTypeCode', examination.examinationTypeCode)
        .leaf('MICAnalysisCode', examination.micAnalysisCode)
        .leaf('AnalysisCodeType', examination.analysisCodeType)
        .leaf('AnalysisCodeResponsible', examination.analysisCodeResponsible)
        .leaf('AnalysisShortName', examination.analysisShortName);
      const mds = examination.mdsName;
      if (mds) {
        e.element('AnalysisMDSName', (m) => m.leaf('Examination', mds.examination).leaf('Material', mds.material).leaf('Location', mds.location));
      }
      e.leaf('SupplementaryLocation', examination.supplementaryLocation).leaf('Examinator', examination.examinator);
      writeProducer(e, examination.producerOfLabResult);
      e.leaf('Summary', examination.summary);
    });
    if (investigation.quantitativeFindings.length > 0) {
      w.element('QuantitativeFindings', (q) => {
        for (const finding of investigation.quantitativeFindings) writeAnalysisFindings(q, finding);
      });
    }
    const culture = investigation.cultureFindings;
    if (culture) {
      w.element('CultureFindings', (c) => {
        c.leaf('Headline', culture.headline);
        for (const organism of culture.microorganisms) {
          c.element('Microorganism', (m) => {
            writeTextOnly(m, 'Identification', organism.identification);
            writeTextOnly(m, 'GrowthValue', organism.growthValue);
          });
        }
      });
    }
    const microscopic = investigation.microscopicFindings;
    if (microscopic) {
      w.element('MicroscopicFindings', (m) => {
        m.leaf('Headline', microscopic.headline);
        m.element('Comments', (c) => {
          for (const paragraph of microscopic.comments) c.leaf('Paragraph', paragraph);
        });
      });
    }
  });
}

function writeAnalysisFindings(writer: XmlWriter, finding: MicrobiologyFinding): void {
  writer.element('AnalysisFindings', (w) => {
    writeTextOnly(w, 'Analysis', finding.analysis);
    w.element('Findings', (f) => {
      writeTextOnly(f, 'InterPretation', finding.interpretation);
      writeReferenceInterval(f, finding.referenceInterval);
      const quantity = finding.quantity;
      if (quantity) f.leaf('Operator', quantity.operator).leaf('Value', quantity.value).leaf('Unit', quantity.unit);
      f.leaf('ResultValidation', finding.resultValidation);
    });
  });
}
