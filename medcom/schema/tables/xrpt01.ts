/** XRPT01 LaboratoryReport (LaboratoryReport.xsd of 2014/10/08) as data. */
import { integer, oneOf, pattern } from '../simple-types';
import { choice, complex, el, opt, repeat, seq } from '../types';
import {
  ANALYSIS_CODE_TYPE,
  BREAKABLE_TEXT,
  DATE_TIME,
  FORMATTED_TEXT,
  IDENTIFIER_CODE,
  MEDICAL_SPECIALITY_CODE,
  PATIENT,
  PRODUCER_NOTE,
  REFERENCE,
  REPORT_STATUS_CODE,
  RESULT_STATUS_CODE,
  RESULT_VALIDATION,
  S1_12,
  S1_16,
  S1_17,
  S1_20,
  S1_3,
  S1_35,
  S1_70,
  S1_8,
  S1_15,
  letterType,
  producerOfLabResult,
  receiverTail,
  referenceInterval,
} from './common-2014';

const identifierCodeOrLocal = () => choice(el('IdentifierCode', IDENTIFIER_CODE), el('IdentifierLocal', S1_3));

const SENDER = complex(
  seq(
    el('EANIdentifier', S1_35),
    el('Identifier', S1_17),
    identifierCodeOrLocal(),
    el('OrganisationName', S1_35),
    opt('DepartmentName', S1_35),
    opt('UnitName', S1_35),
    opt('MedicalSpecialityCode', MEDICAL_SPECIALITY_CODE),
    el('FromLabIdentifier', S1_3),
  ),
);

const RECEIVER = complex(seq(el('EANIdentifier', S1_35), el('Identifier', S1_17), identifierCodeOrLocal(), ...receiverTail()));

const CC_RECEIVER = complex(
  seq(el('Identifier', S1_17), identifierCodeOrLocal(), opt('OrganisationName', S1_35), opt('DepartmentName', S1_35), opt('UnitName', S1_35)),
);

const SAMPLE = complex(
  seq(
    el('LaboratoryInternalSampleIdentifier', S1_20),
    opt('RequesterSampleIdentifier', S1_15),
    el('SamplingDateTime', DATE_TIME),
    opt('Volume', pattern(/^[0-9]{1,15}$/, '1 to 15 digits')),
    opt('UnitOfVolume', S1_17),
    opt('SamplingInterval', complex(seq(el('StartDateTime', DATE_TIME), el('EndDateTime', DATE_TIME)))),
  ),
);

const ANALYSIS = complex(
  seq(
    el('AnalysisCode', S1_8),
    el('AnalysisCodeType', ANALYSIS_CODE_TYPE),
    el('AnalysisCodeResponsible', S1_3),
    opt('AnalysisShortName', S1_35),
    el('AnalysisCompleteName', BREAKABLE_TEXT),
    repeat(
      seq(
        el('RequisitionGroup', complex(seq(el('Identifier', S1_8), el('IdentifierResponsible', S1_3), el('Name', S1_70)))),
        el('Order', integer(1, 999)),
      ),
      0,
      1,
    ),
  ),
);

const RESULT = complex(
  seq(
    el('ResultStatusCode', RESULT_STATUS_CODE),
    el('Analysis', ANALYSIS),
    el('ProducerOfLabResult', producerOfLabResult(S1_35), { note: PRODUCER_NOTE }),
    opt('ReferenceInterval', referenceInterval(S1_12)),
    el('ResultType', oneOf(['numerisk', 'alfanumerisk'])),
    opt('Operator', oneOf(['mindre_end', 'stoerre_end'])),
    el('Value', S1_12),
    opt('Unit', S1_16),
    opt('ResultValidation', RESULT_VALIDATION),
    repeat(choice(el('ResultTextValue', FORMATTED_TEXT), el('ResultComments', FORMATTED_TEXT)), 0, 20),
    opt('Reference', REFERENCE, 10),
    opt('ToLabIdentifier', S1_3),
  ),
);

export const LABORATORY_REPORT = complex(
  seq(
    el('Letter', letterType('XR0131K', 'XRPT01', 'an XRPT01 LaboratoryReport')),
    el('Sender', SENDER),
    el('Receiver', RECEIVER),
    opt('CCReceiver', CC_RECEIVER),
    el('Patient', PATIENT),
    el('RequisitionInformation', complex(seq(opt('Comments', BREAKABLE_TEXT), el('Sample', SAMPLE)))),
    el(
      'LaboratoryResults',
      complex(
        seq(
          el(
            'GeneralResultInformation',
            complex(
              seq(
                el('ReportStatusCode', REPORT_STATUS_CODE),
                el('LaboratoryInternalProductionIdentifier', S1_35),
                el('ResultsDateTime', DATE_TIME),
              ),
            ),
          ),
          el('Result', RESULT, { max: 99 }),
        ),
      ),
    ),
  ),
);
