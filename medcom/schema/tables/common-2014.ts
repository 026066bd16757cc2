/** Types and elements of the 2014/10/08 set shared by XRPT01 and XRPT05 (GeneralTypes, GeneralElements, ...). */
import { both, fixed, integer, oneOf, pattern, text, trueOnly, xsBoolean, xsDate } from '../simple-types';
import { choice, complex, el, EMPTY, opt, repeat, seq, UNBOUNDED, type TypeDef } from '../types';

export const S1_3 = text(1, 3);
export const S1_8 = text(1, 8);
export const S1_12 = text(1, 12);
export const S1_14 = text(1, 14);
export const S1_15 = text(1, 15);
export const S1_16 = text(1, 16);
export const S1_17 = text(1, 17);
export const S1_20 = text(1, 20);
export const S1_35 = text(1, 35);
export const S1_70 = text(1, 70);
export const S1_350 = text(1, 350);

export const TIME_HH_MM = pattern(/^(([0-1][0-9])|(2[0-3])):[0-5][0-9]$/, 'a time of the form hh:mm (00:00 to 23:59)');
export const DATE_TIME = complex(seq(el('Date', xsDate), el('Time', TIME_HH_MM)));

export const REPORT_STATUS_CODE = oneOf(['del_svar', 'komplet_svar', 'modtaget']);
export const RESULT_STATUS_CODE = oneOf(['proeve_modtaget', 'svar_midlertidigt', 'svar_endeligt', 'svar_rettet']);
export const ANALYSIS_CODE_TYPE = oneOf(['iupac', 'mds', 'lokal']);
export const TYPE_OF_INTERVAL = oneOf(['fysiologisk', 'terapeutisk', 'uspecificeret']);
export const RESULT_VALIDATION = oneOf(['for_hoej', 'for_lav', 'unormal']);
export const ACKNOWLEDGEMENT_CODE = oneOf(['minuspositivkvitt', 'pluspositivkvitt']);

export const IDENTIFIER_CODE = oneOf(['sygehusafdelingsnummer', 'ydernummer', 'lokationsnummer', 'kommunenummer', 'sorkode']);

export const VERSION_CODES = ['XA0140Z', 'XR0130F', 'XR0131K', 'XR0231M', 'XR0331P', 'XR0432P', 'XR0532M', 'XR0730G', 'XQ0331P'];
export const TYPE_CODES = ['XDAO01', 'XRPT01', 'XRPT02', 'XRPT03', 'XRPT04', 'XRPT05', 'XRPT07', 'XREQ03'];

export const MEDICAL_SPECIALITY_CODE = oneOf(
  (
    'ikkeklassificeret intern_medicin_sygehus geriatri hepatologi haematologi infektionsmedicin kardiologi ' +
    'med_allergologi med_endokrinologi med_gastroenterologi med_lungesygdomme nefrologi reumatologi ' +
    'dermato_venerologi_sygehus neurologi onkologi kirurgi_sygehus karkirurgi kir_gastroenterologi plastikkirurgi ' +
    'thoraxkirurgi urologi gynaekologi_obstetrik_sygehus neurokirurgi ortopaedisk_kirurgi_sygehus oftalmologi ' +
    'oto_rhino_laryngologi hospitalsodontologi psykiatri_sygehus boerne_ungdomspsykiatri klin_biokemi ' +
    'klin_fys_nuklearmedicin klin_immunologi klin_mikrobiologi klin_neurofysiologi patologisk_anatomi ' +
    'diagnostisk_radiologi klin_farmakologi klin_genetik anaestesiologi_sygehus arbejdsmedicin almen_medicin ' +
    'samfundsmedicin almenlaege_laegevagt oejenlaege oere_naese_halslaege anaestesiologi_praksis roentgen_kbh ' +
    'dermato_venerologi_praksis roentgen reumatologi_fysiurgi gynaekologi_obstetrik_praksis intern_medicin_praksis ' +
    'kirurgi_praksis klinisk_kemi neuromedicin ortopaedisk_kirurgi_praksis patologi plastkirurgi psykiatri_praksis ' +
    'paediatri boernepsykiatri tropemedicin tandlaege fysioterapi kiropraktor briller fodterapi fodbehandlking ' +
    'med_laboratorier omegnslaboratorier psykolog akut almenlaege_vagtkoersel almenlaege_vagtlaegehjaelp blandet ' +
    'fodterapi_leddegigt fodterapi_radioaktiv fysioterapi_sygehus fysioterapi_vederlagsfri kiropraktor_64 ' +
    'med_laboratorier_kpll med_laboratorier_ssi neurokirurgi_praksis paediatri_sygehus palliativ retsmedicin ' +
    'ridefysioterapi ridefysioterapi_vederlagsfri sexologi tandplejere teddy vagtlaege vagtlaegehjaelp vagtlaegehjaelp_kbh'
  ).split(' '),
);

export const CPR = pattern(/^[0-9]{10}$/, 'a CPR number: 10 digits without a dash (a replacement CPR goes in AlternativeIdentifier)');
export const ALTERNATIVE_CPR = text(10, 10);
export const POST_CODE = text(0, 9);

/** FormattedText.xsd: mixed content with line breaks, spaces and emphasis. */
const breakOrSpace = () => [el('Space', EMPTY), el('Break', EMPTY)];
export const BREAKABLE_TEXT = complex(repeat(choice(...breakOrSpace()), 0, UNBOUNDED), true);
const emphasis = () => ['Right', 'Center', 'Bold', 'Italic', 'Underline'].map((name) => el(name, BREAKABLE_TEXT));
const SIMPLE_FORMATTED_TEXT = complex(repeat(choice(...breakOrSpace(), ...emphasis()), 0, UNBOUNDED), true);
export const FORMATTED_TEXT = complex(
  repeat(choice(...breakOrSpace(), ...emphasis(), el('FixedFont', SIMPLE_FORMATTED_TEXT)), 0, UNBOUNDED),
  true,
);

export const PARAGRAPHED_TEXT = complex(el('Paragraph', text(0, 500), { max: 10 }));

const UUID = pattern(
  /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/,
  'a UUID (8-4-4-4-12 hexadecimal digits)',
);
const OBJECT_CODE = oneOf(['tekstfil', 'billede', 'program', 'vektor_grafik', 'biosignaler', 'multimedie', 'proprietaert_indhold']);
const OBJECT_EXTENSION_CODE = oneOf(
  'pcx tiff jpeg gif bmp png mpg dcm scp txt rtf doc xls wpd exe pdf wav avi mid rmi com zip bin inh plo fnx'.split(' '),
);

/** Reference.xsd: a reference to further material (URL, supplementary or binary object). */
export const REFERENCE = complex(
  seq(
    el('RefDescription', S1_70),
    choice(
      el('URL', S1_350),
      el('SUP', both(xsBoolean, trueOnly)),
      el(
        'BIN',
        complex(
          seq(
            el('ObjectIdentifier', UUID),
            el('ObjectCode', OBJECT_CODE),
            el('ObjectExtensionCode', OBJECT_EXTENSION_CODE),
            el('OriginalObjectSize', integer(1, UNBOUNDED)),
          ),
        ),
      ),
    ),
  ),
);

/** The letter head of a report type: VersionCode and TypeCode fixed to the letter's own. */
export function letterType(versionCode: string, typeCode: string, letterName: string): TypeDef {
  return complex(
    seq(
      el('Identifier', S1_14),
      el('VersionCode', both(oneOf(VERSION_CODES, 'version'), fixed(versionCode, 'version', letterName))),
      el('StatisticalCode', S1_8),
      el('Authorisation', DATE_TIME),
      el('TypeCode', both(oneOf(TYPE_CODES), fixed(typeCode, 'pattern', letterName))),
    ),
  );
}

export const PATIENT = complex(
  seq(
    choice(el('CivilRegistrationNumber', CPR), el('AlternativeIdentifier', ALTERNATIVE_CPR)),
    el('PersonSurnameName', S1_70),
    opt('PersonGivenName', S1_70),
    opt('Consent', complex(el('Given', xsBoolean))),
  ),
);

export const PHYSICIAN = complex(el('PersonInitials', S1_17));

/** Receiver address elements, the same in both letter types. */
export function receiverTail() {
  return [
    opt('OrganisationName', S1_35),
    opt('DepartmentName', S1_35),
    opt('UnitName', S1_35),
    opt('StreetName', S1_35),
    opt('SuburbName', S1_35),
    opt('DistrictName', S1_35),
    opt('PostCodeIdentifier', POST_CODE),
    opt('Physician', PHYSICIAN),
  ];
}

/** A reference interval with the limits' length (12 in XRPT01 results, 8 in XRPT05 findings). */
export function referenceInterval(limit: TypeDef) {
  return complex(
    seq(
      repeat(seq(el('TypeOfInterval', TYPE_OF_INTERVAL), opt('LowerLimit', limit), opt('UpperLimit', limit)), 0, 1),
      opt('IntervalText', S1_70),
    ),
  );
}

export const PRODUCER_NOTE = 'every result must name its producer (DEL-02)';

export function producerOfLabResult(identifier: TypeDef) {
  return complex(seq(el('Identifier', identifier), el('IdentifierCode', S1_3)));
}
