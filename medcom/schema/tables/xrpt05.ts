/** XRPT05 MicrobiologyWebReport (MicrobiologyWebReport.xsd of 2014/10/08) as data. */
import { integer, oneOf } from '../simple-types';
import { complex, el, opt, repeat, seq, type TypeDef } from '../types';
import {
  ANALYSIS_CODE_TYPE,
  DATE_TIME,
  IDENTIFIER_CODE,
  MEDICAL_SPECIALITY_CODE,
  PARAGRAPHED_TEXT,
  PATIENT,
  PRODUCER_NOTE,
  REFERENCE,
  REPORT_STATUS_CODE,
  RESULT_STATUS_CODE,
  RESULT_VALIDATION,
  S1_12,
  S1_15,
  S1_16,
  S1_17,
  S1_20,
  S1_3,
  S1_35,
  S1_70,
  S1_8,
  letterType,
  producerOfLabResult,
  receiverTail,
  referenceInterval,
} from './common-2014';

const IDENTIFICATION_BASIC = complex(
  seq(
    repeat(seq(el('Code', S1_20), el('CodeType', oneOf(['lokal', 'mds', 'iupac'])), el('CodeResponsible', S1_20)), 0, 1),
    el('Text', PARAGRAPHED_TEXT),
  ),
);

const comments = () => opt('Comments', IDENTIFICATION_BASIC, 10);

const OPERATOR = oneOf(['mindre_end', 'stoerre_end', 'lig_med', 'ikke_angivet']);

/** FindingsType and PatternFindingsType differ only in the interpretation and the result validation. */
function findingsType(withInterpretation: boolean): TypeDef {
  return complex(
    seq(
      ...(withInterpretation ? [el('InterPretation', IDENTIFICATION_BASIC)] : []),
      opt('ReferenceInterval', referenceInterval(S1_8)),
      repeat(seq(el('Operator', OPERATOR), el('Value', S1_12), opt('Unit', S1_16)), 0, 1),
      ...(withInterpretation ? [opt('ResultValidation', RESULT_VALIDATION)] : []),
      opt('Reference', REFERENCE, 10),
      comments(),
    ),
  );
}

const SENDER = complex(
  seq(
    el('EANIdentifier', S1_35),
    el('Identifier', S1_17),
    el('IdentifierCode', IDENTIFIER_CODE),
    el('OrganisationName', S1_35),
    opt('DepartmentName', S1_35),
    opt('UnitName', S1_35),
    el('MedicalSpecialityCode', MEDICAL_SPECIALITY_CODE),
    el('FromLabIdentifier', S1_3),
  ),
);

const RECEIVER_IDENTIFIER_CODE = oneOf([
  'sygehusafdelingsnummer',
  'ydernummer',
  'lokationsnummer',
  'kommunenummer',
  'amt',
  'sorkode',
  'lokal_kode',
]);

const RECEIVER = complex(
  seq(el('EANIdentifier', S1_35), el('Identifier', S1_17), el('IdentifierCode', RECEIVER_IDENTIFIER_CODE), ...receiverTail()),
);

const CC_RECEIVER = complex(
  seq(el('Identifier', S1_17), el('IdentifierCode', IDENTIFIER_CODE), opt('OrganisationName', S1_35), opt('DepartmentName', S1_35), opt('UnitName', S1_35)),
);

const EXAMINATION = complex(
  seq(
    el(
      'ExaminationTypeCode',
      oneOf(['maalemetode', 'maaleprocedure', 'maalbar_kvantitet', 'overskrift', 'observerbar_egenskab', 'antibiotika_sammensaetning', 'dyrkning']),
    ),
    el('MICAnalysisCode', S1_17),
    el('AnalysisCodeType', ANALYSIS_CODE_TYPE),
    el('AnalysisCodeResponsible', S1_3),
    opt('AnalysisShortName', S1_35),
    el('AnalysisMDSName', complex(seq(el('Examination', S1_70), opt('Material', S1_70), opt('Location', S1_70)))),
    opt('SupplementaryLocation', S1_70),
    el('Examinator', S1_70),
    el('ProducerOfLabResult', producerOfLabResult(S1_17), { note: PRODUCER_NOTE }),
    opt('Summary', S1_70),
  ),
);

const QUANTITATIVE_FINDINGS = complex(
  seq(
    opt('InterPretation', IDENTIFICATION_BASIC),
    opt('AnalysisFindings', complex(seq(el('Analysis', IDENTIFICATION_BASIC), el('Findings', findingsType(true)))), 20),
    comments(),
  ),
);

const PATTERN = complex(
  seq(
    el('Headline', S1_35),
    el('Antibiotic', complex(seq(el('AntibioticName', IDENTIFICATION_BASIC), opt('SusceptibilityMethod', IDENTIFICATION_BASIC))), { max: 80 }),
    el(
      'PatternEntry',
      complex(
        seq(
          el('RefMicroorganism', integer(1, 10)),
          el('RefAntibiotic', integer(1, 80)),
          el('Susceptibility', S1_8),
          opt('SusceptibilityValue', findingsType(false)),
        ),
      ),
      { max: 80 },
    ),
    el('SusceptibilityInterpretation', PARAGRAPHED_TEXT),
  ),
);

const CULTURE_FINDINGS = complex(
  seq(
    el('Headline', S1_35),
    opt(
      'Microorganism',
      complex(seq(el('Identification', IDENTIFICATION_BASIC), opt('GrowthValue', IDENTIFICATION_BASIC), opt('SpeciesComment', IDENTIFICATION_BASIC, 10))),
      10,
    ),
    opt('Pattern', PATTERN),
    comments(),
  ),
);

const MICROSCOPIC_TYPE = complex(
  seq(
    el('Type', oneOf(['celler', 'mikroorganisme', 'konsistens', 'udseende', 'vurdering', 'flora'])),
    opt('Details', complex(seq(el('Identification', IDENTIFICATION_BASIC), el('Value', IDENTIFICATION_BASIC))), 10),
  ),
);

const MICROSCOPIC_FINDINGS = complex(
  seq(
    el('Headline', S1_35),
    el('Comments', PARAGRAPHED_TEXT),
    opt('Grouping', complex(seq(el('Headline', IDENTIFICATION_BASIC), opt('MicroscopicType', MICROSCOPIC_TYPE, 10))), 5),
  ),
);

const INVESTIGATION = complex(
  seq(
    el('Examination', EXAMINATION),
    opt('QuantitativeFindings', QUANTITATIVE_FINDINGS),
    opt('CultureFindings', CULTURE_FINDINGS),
    opt('MicroscopicFindings', MICROSCOPIC_FINDINGS),
  ),
);

export const MICROBIOLOGY_WEB_REPORT = complex(
  seq(
    el('Letter', letterType('XR0532M', 'XRPT05', 'an XRPT05 MicrobiologyWebReport')),
    el('Sender', SENDER),
    el('Receiver', RECEIVER),
    opt('CCReceiver', CC_RECEIVER),
    el('Patient', PATIENT),
    el(
      'RequisitionInformation',
      complex(
        seq(
          opt('ClinicalInformation', PARAGRAPHED_TEXT),
          comments(),
          el(
            'Sample',
            complex(
              seq(
                el('LaboratoryInternalSampleIdentifier', S1_20),
                opt('RequesterSampleIdentifier', S1_15),
                el('SamplingDateTime', DATE_TIME),
                el('SampleReceivedDateTime', DATE_TIME),
              ),
            ),
          ),
        ),
      ),
    ),
    el(
      'LaboratoryResults',
      complex(
        seq(
          el(
            'GeneralResultInformation',
            complex(
              seq(
                el('ReportStatusCode', REPORT_STATUS_CODE),
                el('ResultStatusCode', RESULT_STATUS_CODE),
                opt('ToLabIdentifier', S1_3),
                el('LaboratoryInternalProductionIdentifier', S1_20),
                el('ResultsDateTime', DATE_TIME),
                opt('Summary', S1_70),
              ),
            ),
          ),
          el('Investigation', INVESTIGATION, { max: 90 }),
          comments(),
        ),
      ),
    ),
  ),
);
