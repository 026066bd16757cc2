/**
 * fast-check arbitraries for valid models: every value within the schema's limits, every optional part sometimes
 * absent, and the project's rules kept (consent stated, producers named). Texts include Danish letters, XML's
 * special characters, tabs, line ends and characters outside the BMP, so escaping and lengths are exercised.
 */
import fc from 'fast-check';
import type {
  CCReceiver,
  DateTime,
  Emessage,
  LabResult,
  LaboratoryReport,
  MicrobiologyFinding,
  MicrobiologyInvestigation,
  MicrobiologyWebReport,
  Patient,
  Receiver,
  ReferenceInterval,
  ReportLetter,
  Sender,
} from '../../medcom/model';

const CHARS = [...'abcdefghXYZ æøåÆØÅ0123456789&<>"\'-_./:;', '\t', '\r', '😀', 'é'];
const LINE_CHARS = [...CHARS, '\n'];

/** 1..max characters (code points), possibly blank. */
export const text = (max: number, min = 1) => fc.string({ unit: fc.constantFrom(...CHARS), minLength: min, maxLength: max });
/** Text with line feeds (for BreakableText/FormattedText). */
const lines = (max: number) => fc.string({ unit: fc.constantFrom(...LINE_CHARS), minLength: 0, maxLength: max });
/** At least one character that is not whitespace (producer names, where the project forbids blanks). */
const named = (max: number) =>
  fc.tuple(fc.constantFrom(...'ABCDEFæø0123'), text(max - 1, 0)).map(([first, rest]) => first + rest);
/** Text for ParagraphedText: up to 10 paragraphs (joined by line feeds) of bounded length. */
const paragraphs = fc.array(text(40, 0), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('\n'));
const digits = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

const pad = (value: number) => String(value).padStart(2, '0');
export const dateTime: fc.Arbitrary<DateTime> = fc
  .record({
    year: fc.integer({ min: 1900, max: 2099 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
  })
  .map(({ year, month, day, hour, minute }) => ({ date: `${year}-${pad(month)}-${pad(day)}`, time: `${pad(hour)}:${pad(minute)}` }));

const IDENTIFIER_CODES = ['sygehusafdelingsnummer', 'ydernummer', 'lokationsnummer', 'kommunenummer', 'sorkode'] as const;
const RECEIVER_CODES_XRPT05 = [...IDENTIFIER_CODES, 'amt', 'lokal_kode'] as const;
const SPECIALITIES = ['almen_medicin', 'klin_biokemi', 'klin_mikrobiologi', 'ikkeklassificeret', 'vagtlaege'] as const;

type Kind = 'XRPT01' | 'XRPT05';

/** Optional keys are sometimes absent (never present with the value undefined). */
function record<T extends object>(shape: { [K in keyof T]: fc.Arbitrary<T[K]> }, required: (keyof T)[]): fc.Arbitrary<T> {
  return fc.record(shape, { requiredKeys: required }) as unknown as fc.Arbitrary<T>;
}

function identification(kind: Kind) {
  return kind === 'XRPT01'
    ? fc.oneof(fc.record({ identifierCode: fc.constantFrom(...IDENTIFIER_CODES) }), fc.record({ identifierLocal: text(3) }))
    : fc.record({ identifierCode: fc.constantFrom(...IDENTIFIER_CODES) });
}

function sender(kind: Kind): fc.Arbitrary<Sender> {
  const base = record<Omit<Sender, 'identifierCode' | 'identifierLocal'>>(
    {
      eanIdentifier: text(35),
      identifier: text(17),
      organisationName: text(35),
      departmentName: text(35),
      unitName: text(35),
      medicalSpecialityCode: fc.constantFrom(...SPECIALITIES),
      fromLabIdentifier: text(3),
    },
    kind === 'XRPT01'
      ? ['eanIdentifier', 'identifier', 'organisationName', 'fromLabIdentifier']
      : ['eanIdentifier', 'identifier', 'organisationName', 'fromLabIdentifier', 'medicalSpecialityCode'],
  );
  return fc.tuple(base, identification(kind)).map(([head, id]) => ({ ...head, ...id }));
}

function receiver(kind: Kind): fc.Arbitrary<Receiver> {
  const id =
    kind === 'XRPT01'
      ? identification(kind)
      : fc.record({ identifierCode: fc.constantFrom<string>(...RECEIVER_CODES_XRPT05) });
  const base = record<Omit<Receiver, 'identifierCode' | 'identifierLocal'>>(
    {
      eanIdentifier: text(35),
      identifier: text(17),
      organisationName: text(35),
      departmentName: text(35),
      unitName: text(35),
      streetName: text(35),
      suburbName: text(35),
      districtName: text(35),
      postCodeIdentifier: text(9, 0),
      physicianInitials: text(17),
    },
    ['eanIdentifier', 'identifier'],
  );
  return fc.tuple(base, id).map(([head, ids]) => ({ ...head, ...ids }));
}

function ccReceiver(kind: Kind): fc.Arbitrary<CCReceiver> {
  const base = record<Omit<CCReceiver, 'identifierCode' | 'identifierLocal'>>(
    { identifier: text(17), organisationName: text(35), departmentName: text(35), unitName: text(35) },
    ['identifier'],
  );
  return fc.tuple(base, identification(kind)).map(([head, id]) => ({ ...head, ...id }));
}

const patient: fc.Arbitrary<Patient> = fc
  .tuple(
    fc.oneof(fc.record({ civilRegistrationNumber: digits(10) }), fc.record({ alternativeIdentifier: text(10, 10) })),
    record<Omit<Patient, 'civilRegistrationNumber' | 'alternativeIdentifier'>>(
      { personSurnameName: text(70), personGivenName: text(70), consentGiven: fc.boolean() },
      ['personSurnameName', 'consentGiven'],
    ),
  )
  .map(([id, rest]) => ({ ...id, ...rest }));

function referenceInterval(limit: number): fc.Arbitrary<ReferenceInterval> {
  return fc.oneof(
    record<ReferenceInterval>(
      {
        typeOfInterval: fc.constantFrom('fysiologisk', 'terapeutisk', 'uspecificeret'),
        lowerLimit: text(limit),
        upperLimit: text(limit),
        intervalText: text(70),
      },
      ['typeOfInterval'],
    ),
    fc.record({ intervalText: text(70) }),
  );
}

const producer = (identifierMax: number) => fc.record({ identifier: named(identifierMax), identifierCode: named(3) });

const labResult: fc.Arbitrary<LabResult> = record<LabResult>(
  {
    resultStatusCode: fc.constantFrom('proeve_modtaget', 'svar_midlertidigt', 'svar_endeligt', 'svar_rettet'),
    analysis: fc
      .tuple(
        record(
          {
            analysisCode: text(8),
            analysisCodeType: fc.constantFrom('iupac', 'mds', 'lokal'),
            analysisCodeResponsible: text(3),
            analysisShortName: text(35),
            analysisCompleteName: lines(60),
          },
          ['analysisCode', 'analysisCodeType', 'analysisCodeResponsible', 'analysisCompleteName'],
        ),
        fc.option(
          fc.record({
            requisitionGroup: fc.record({ identifier: text(8), identifierResponsible: text(3), name: text(70) }),
            order: fc.integer({ min: 1, max: 999 }),
          }),
          { nil: undefined },
        ),
      )
      .map(([analysis, group]) => ({ ...analysis, ...(group ?? {}) })),
    producerOfLabResult: producer(35),
    referenceInterval: referenceInterval(12),
    resultType: fc.constantFrom('numerisk', 'alfanumerisk'),
    operator: fc.constantFrom('mindre_end', 'stoerre_end'),
    value: text(12),
    unit: text(16),
    resultValidation: fc.constantFrom('for_hoej', 'for_lav', 'unormal'),
    resultTextValues: fc.array(lines(40), { minLength: 1, maxLength: 3 }),
    resultComments: fc.array(lines(40), { minLength: 1, maxLength: 3 }),
    toLabIdentifier: text(3),
  },
  ['resultStatusCode', 'analysis', 'producerOfLabResult', 'resultType', 'value'],
);

const common = (kind: Kind) => ({
  letter: fc.record({ identifier: text(14), authorisation: dateTime }),
  sender: sender(kind),
  receiver: receiver(kind),
  ccReceiver: ccReceiver(kind),
  patient,
});

const laboratoryReport: fc.Arbitrary<LaboratoryReport> = record<LaboratoryReport>(
  {
    kind: fc.constant('XRPT01' as const),
    ...common('XRPT01'),
    requisitionInformation: record(
      {
        comments: lines(60),
        sample: record(
          {
            laboratoryInternalSampleIdentifier: text(20),
            requesterSampleIdentifier: text(15),
            samplingDateTime: dateTime,
            volume: fc.integer({ min: 1, max: 15 }).chain((length) => digits(length)),
            unitOfVolume: text(17),
            samplingInterval: fc.record({ start: dateTime, end: dateTime }),
          },
          ['laboratoryInternalSampleIdentifier', 'requesterSampleIdentifier', 'samplingDateTime'],
        ),
      },
      ['sample'],
    ),
    generalResultInformation: fc.record({
      reportStatusCode: fc.constantFrom('del_svar', 'komplet_svar', 'modtaget'),
      laboratoryInternalProductionIdentifier: text(35),
      resultsDateTime: dateTime,
    }),
    results: fc.array(labResult, { minLength: 1, maxLength: 4 }),
  },
  ['kind', 'letter', 'sender', 'receiver', 'patient', 'requisitionInformation', 'generalResultInformation', 'results'],
);

const microbiologyFinding: fc.Arbitrary<MicrobiologyFinding> = record<MicrobiologyFinding>(
  {
    analysis: paragraphs,
    interpretation: paragraphs,
    referenceInterval: referenceInterval(8),
    quantity: record(
      { operator: fc.constantFrom('mindre_end', 'stoerre_end', 'lig_med', 'ikke_angivet'), value: text(12), unit: text(16) },
      ['operator', 'value'],
    ),
    resultValidation: fc.constantFrom('for_hoej', 'for_lav', 'unormal'),
  },
  ['analysis', 'interpretation'],
);

const investigation: fc.Arbitrary<MicrobiologyInvestigation> = record<MicrobiologyInvestigation>(
  {
    examination: record(
      {
        examinationTypeCode: fc.constantFrom('maalemetode', 'maaleprocedure', 'dyrkning', 'overskrift'),
        micAnalysisCode: text(17),
        analysisCodeType: fc.constantFrom('iupac', 'mds', 'lokal'),
        analysisCodeResponsible: text(3),
        analysisShortName: text(35),
        mdsName: record({ examination: text(70), material: text(70), location: text(70) }, ['examination']),
        supplementaryLocation: text(70),
        examinator: text(70),
        producerOfLabResult: producer(17),
        summary: text(70),
      },
      ['examinationTypeCode', 'micAnalysisCode', 'analysisCodeType', 'analysisCodeResponsible', 'mdsName', 'examinator', 'producerOfLabResult'],
    ),
    quantitativeFindings: fc.array(microbiologyFinding, { maxLength: 3 }),
    cultureFindings: fc.record({
      headline: text(35),
      microorganisms: fc.array(record({ identification: paragraphs, growthValue: paragraphs }, ['identification']), { maxLength: 3 }),
    }),
    microscopicFindings: fc.record({ headline: text(35), comments: fc.array(text(60, 0), { minLength: 1, maxLength: 3 }) }),
  },
  ['examination', 'quantitativeFindings'],
);

const microbiologyWebReport: fc.Arbitrary<MicrobiologyWebReport> = record<MicrobiologyWebReport>(
  {
    kind: fc.constant('XRPT05' as const),
    ...common('XRPT05'),
    requisitionInformation: record(
      {
        comments: paragraphs,
        sample: fc.record({
          laboratoryInternalSampleIdentifier: text(20),
          requesterSampleIdentifier: text(15),
          samplingDateTime: dateTime,
          sampleReceivedDateTime: dateTime,
        }),
      },
      ['sample'],
    ),
    generalResultInformation: record(
      {
        reportStatusCode: fc.constantFrom('del_svar', 'komplet_svar', 'modtaget'),
        resultStatusCode: fc.constantFrom('proeve_modtaget', 'svar_midlertidigt', 'svar_endeligt', 'svar_rettet'),
        toLabIdentifier: text(3),
        laboratoryInternalProductionIdentifier: text(20),
        resultsDateTime: dateTime,
        summary: text(70),
      },
      ['reportStatusCode', 'resultStatusCode', 'laboratoryInternalProductionIdentifier', 'resultsDateTime'],
    ),
    investigations: fc.array(investigation, { minLength: 1, maxLength: 3 }),
  },
  ['kind', 'letter', 'sender', 'receiver', 'patient', 'requisitionInformation', 'generalResultInformation', 'investigations'],
);

export const reportLetter: fc.Arbitrary<ReportLetter> = fc.oneof(laboratoryReport, microbiologyWebReport);

/** Plain objects (fast-check's records have a null prototype, which deep equality tells apart). */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A valid Emessage: valid against the official schema and the project's rules. */
export const emessage: fc.Arbitrary<Emessage> = fc.record({
  envelope: fc.record({
    sent: dateTime,
    identifier: text(14),
    acknowledgementCode: fc.constantFrom('pluspositivkvitt' as const, 'minuspositivkvitt' as const),
  }),
  letters: fc.array(reportLetter, { minLength: 1, maxLength: 3 }),
}).map(plain);
