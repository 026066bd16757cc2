/** The 2014/10/08 Emessage: an envelope, then letters (EMessage.xsd, Letters.xsd). */
import { MEDCOM_NS_2014 } from '../../model';
import { choice, complex, el, repeat, seq, type UnsupportedType } from '../types';
import { ACKNOWLEDGEMENT_CODE, DATE_TIME, S1_14 } from './common-2014';
import { LABORATORY_REPORT } from './xrpt01';
import { MICROBIOLOGY_WEB_REPORT } from './xrpt05';

export const NAMESPACE_2014 = MEDCOM_NS_2014;

/** Letter element name -> the letter type (kind) the platform reads it as. */
export const SUPPORTED_LETTERS = { LaboratoryReport: 'XRPT01', MicrobiologyWebReport: 'XRPT05' } as const;

function unsupported(name: string): UnsupportedType {
  return {
    kind: 'unsupported',
    problem: {
      kind: 'project-rule',
      message: `${name} letters are not taken here: the platform shares XRPT01 (LaboratoryReport) and XRPT05 (MicrobiologyWebReport)`,
    },
  };
}

const OTHER_LETTERS = [
  'CervixcytologyReport',
  'DiabeticFootStatus',
  'GeneticsReport',
  'HistopathologyReport',
  'LaboratoryAnalysisFile',
  'MicrobiologyReport',
  'PathologyRequest',
];

export const ENVELOPE = complex(seq(el('Sent', DATE_TIME), el('Identifier', S1_14), el('AcknowledgementCode', ACKNOWLEDGEMENT_CODE)));

export const EMESSAGE_2014 = complex(
  seq(
    el('Envelope', ENVELOPE),
    repeat(
      choice(
        el('LaboratoryReport', LABORATORY_REPORT),
        el('MicrobiologyWebReport', MICROBIOLOGY_WEB_REPORT),
        ...OTHER_LETTERS.map((name) => el(name, unsupported(name))),
      ),
      1,
      Number.POSITIVE_INFINITY,
    ),
  ),
);
