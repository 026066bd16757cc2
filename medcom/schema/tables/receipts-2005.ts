/** The receipts of the 2005/08/07 set (PositiveReceipt.xsd, NegativeReceipt.xsd, EMessage.xsd) as data. */
import { both, fixed, oneOf, pattern, text, xsDate } from '../simple-types';
import { ANY, choice, complex, el, opt, repeat, seq, UNBOUNDED, type TypeDef } from '../types';

const S1_8 = text(1, 8);
const S1_14 = text(1, 14);
const EAN = complex(el('EANIdentifier', text(1, 35)));
const DATE_TIME = complex(
  seq(el('Date', xsDate), el('Time', pattern(/^(([0-1][0-9])|(2[0-3])):[0-5][0-9]$/, 'a time of the form hh:mm (00:00 to 23:59)'))),
);

export const REFUSE_CODE = oneOf(['ikke_specificeret', 'ukendt_lokationsnummer', 'problem_med_modtagerID', 'problem_med_version', 'syntaksfejl']);

const BREAKABLE_TEXT = complex(repeat(choice(el('Space', complex(undefined)), el('Break', complex(undefined))), 0, UNBOUNDED), true);

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
    el('Envelope', complex(seq(el('Sent', DATE_TIME), el('Identifier', S1_14), el('AcknowledgementCode', oneOf(['minuspositivkvitt', 'pluspositivkvitt']))))),
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
