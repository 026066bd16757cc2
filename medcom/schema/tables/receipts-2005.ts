/** The receipts of the 2005/08/07 set (PositiveReceipt.xsd, NegativeReceipt.xsd, EMessage.xsd) as data. */
import { both, fixed, oneOf, text } from '../simple-types';
import { ANY, choice, complex, el, opt, repeat, seq, UNBOUNDED, type TypeDef } from '../types';
// String_1_n, DateTimeType, BreakableText and the acknowledgement codes are defined alike in both sets
import { ACKNOWLEDGEMENT_CODE, BREAKABLE_TEXT, DATE_TIME, S1_14, S1_35, S1_8 } from './common-2014';

const EAN = complex(el('EANIdentifier', S1_35));

export const REFUSE_CODE = oneOf(['ikke_specificeret', 'ukendt_lokationsnummer', 'problem_med_modtagerID', 'problem_med_version', 'syntaksfejl']);

function receipt(versionCode: string, name: string, negative: boolean): TypeDef {
  const refusal = negative ? [opt('RefuseCode', REFUSE_CODE), opt('RefuseText', BREAKABLE_TEXT)] : [];
  return complex(
    seq(
      el('Letter', complex(seq(el('Identifier', S1_14), el('VersionCode', both(text(1, 11), fixed(versionCode, 'version', name))), el('StatisticalCode', S1_8)))),
      el('Sender', EAN),
      el('Receiver', EAN),
      el(
        'OriginalEmessage',
        complex(
          seq(
            el('OriginalEnvelopeIdentifier', S1_14),
            el('OriginalSender', EAN),
            el('OriginalReceiver', EAN),
            ...refusal,
            opt('OriginalLetter', complex(seq(el('OriginalLetterIdentifier', S1_14), el('OriginalVersionCode', text(1, 7)), ...refusal)), 99),
          ),
        ),
      ),
    ),
  );
}

export const RECEIPT_ELEMENTS = { PositiveReceipt: 'XCTL03', NegativeReceipt: 'XCTL02' } as const;

export const EMESSAGE_2005_RECEIPTS = complex(
  seq(
    el('Envelope', complex(seq(el('Sent', DATE_TIME), el('Identifier', S1_14), el('AcknowledgementCode', ACKNOWLEDGEMENT_CODE)))),
    repeat(
      seq(
        choice(el('PositiveReceipt', receipt('XC0330Q', 'a PositiveReceipt', false)), el('NegativeReceipt', receipt('XC0230Q', 'a NegativeReceipt', true))),
        opt('Local_Elements', ANY),
      ),
      1,
      UNBOUNDED,
    ),
  ),
);
