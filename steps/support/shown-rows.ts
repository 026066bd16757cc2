/**
 * The rows a citizen sees in Sundhedsjournalen, compared with the rows a scenario expects: a scenario's table row
 * read as the whole row a citizen must see, then compared field by field, with a failure text in Danish that says
 * row by row what was expected and what was shown. Pure: no browser, no scenario.
 */
import type { ShownResult } from '../drivers/sundhedsjournal-page';
import { AS_SHARED, type SharedFacts } from './as-shared';
import { shownToday } from './clinic-times';

/** Every field of a row a citizen sees, in the page's own words ('' where the page shows nothing). */
export interface CitizenRow {
  analysis: string;
  value: string;
  unit: string;
  referenceInterval: string;
  intervalType: string;
  assessment: string;
  status: string;
  producer: string;
  producerCode: string;
  samplingTime: string;
  resultTime: string;
}

/** The Danish name of each field, as the scenarios' tables name their columns. */
export const FIELD_NAMES: Readonly<Record<keyof CitizenRow, string>> = {
  analysis: 'analyse',
  value: 'værdi',
  unit: 'enhed',
  referenceInterval: 'referenceinterval',
  intervalType: 'intervaltype',
  assessment: 'vurdering',
  status: 'status',
  producer: 'producent',
  producerCode: 'producentkode',
  samplingTime: 'prøvetid',
  resultTime: 'svartid',
};

const FIELDS = Object.keys(FIELD_NAMES) as (keyof CitizenRow)[];
const COLUMNS = new Map(FIELDS.map((field) => [FIELD_NAMES[field], field]));
const MAY_BE_AS_SHARED: readonly (keyof SharedFacts)[] = ['producerCode', 'samplingTime', 'resultTime'];

function mayBeAsShared(field: keyof CitizenRow): field is keyof SharedFacts {
  return (MAY_BE_AS_SHARED as readonly string[]).includes(field);
}

/**
 * One table row as the row a citizen must see. Every field is compared: a column the table leaves out, or a cell
 * left empty, means the page must show nothing there. Times "hh:mm" are today; "som delt" (producer code and times)
 * takes the value from the message the LPS shared, which `asShared` reads for the row's analysis. Unknown columns,
 * and "som delt" in any other column, are refused in Danish.
 */
export function expectedRow(row: Readonly<Record<string, string>>, asShared: (analysisName: string) => SharedFacts): CitizenRow {
  const unknown = Object.keys(row).filter((column) => !COLUMNS.has(column));
  if (unknown.length > 0) throw new Error(`Tabellen har ukendte kolonner: ${unknown.join(', ')}; kendte: ${[...COLUMNS.keys()].join(', ')}`);
  const expected = Object.fromEntries(FIELDS.map((field) => [field, ''])) as unknown as CitizenRow;
  for (const [column, cell] of Object.entries(row)) expected[COLUMNS.get(column) as keyof CitizenRow] = cell.trim();
  let facts: SharedFacts | undefined;
  for (const field of FIELDS) {
    if (expected[field] === AS_SHARED) {
      if (!mayBeAsShared(field)) throw new Error(`"${AS_SHARED}" kan kun stå i kolonnerne ${MAY_BE_AS_SHARED.map((name) => FIELD_NAMES[name]).join(', ')}, ikke i ${FIELD_NAMES[field]}`);
      facts ??= asShared(expected.analysis);
      expected[field] = facts[field];
    } else if ((field === 'samplingTime' || field === 'resultTime') && /^\d\d:\d\d$/.test(expected[field])) {
      expected[field] = shownToday(expected[field]);
    }
  }
  return expected;
}

/** The row as a citizen reads it, without the page's internal attributes. */
export function citizenRow(shown: ShownResult): CitizenRow {
  return {
    analysis: shown.analysis,
    value: shown.value,
    unit: shown.unit,
    referenceInterval: shown.referenceInterval,
    intervalType: shown.intervalType,
    assessment: shown.assessment ?? '',
    status: shown.status,
    producer: shown.producer,
    producerCode: shown.producerCode,
    samplingTime: shown.samplingTime,
    resultTime: shown.resultTime,
  };
}

function quoted(text: string): string {
  return text === '' ? '(tomt)' : `"${text}"`;
}

/** "CRP 45 mg/L (Endeligt) fra Lægerne Testgade (LT)": a row in a few words. */
export function rowInWords(row: CitizenRow): string {
  const value = [row.value, row.unit].filter((part) => part !== '').join(' ');
  return `${row.analysis} ${value} (${row.status}) fra ${row.producer}${row.producerCode ? ` (${row.producerCode})` : ''}`;
}

function differingFields(expected: CitizenRow, seen: CitizenRow): (keyof CitizenRow)[] {
  return FIELDS.filter((field) => expected[field] !== seen[field]);
}

/** The shown row that best matches an expected one: same analysis, then the fewest differing fields. */
function bestMatch(expected: CitizenRow, candidates: readonly CitizenRow[]): CitizenRow | undefined {
  return candidates
    .filter((candidate) => candidate.analysis === expected.analysis)
    .sort((a, b) => differingFields(expected, a).length - differingFields(expected, b).length)[0];
}

/**
 * Every difference between the expected rows and the rows shown, one line each, in Danish; [] when the page shows
 * exactly the expected rows (in any order). A row with differences lists each differing field with what was
 * expected and what was shown; a row not shown and a row shown but not expected get a line of their own.
 */
export function compareRows(expected: readonly CitizenRow[], seen: readonly CitizenRow[]): string[] {
  const unmatched = [...seen];
  const paired: { expected: CitizenRow; seen?: CitizenRow }[] = [];
  // Exact matches first, so a near-identical row elsewhere in the list cannot steal a row that is shown as expected.
  const rest = expected.filter((want) => {
    const index = unmatched.findIndex((row) => differingFields(want, row).length === 0);
    if (index < 0) return true;
    unmatched.splice(index, 1);
    return false;
  });
  for (const want of rest) {
    const match = bestMatch(want, unmatched);
    if (match) unmatched.splice(unmatched.indexOf(match), 1);
    paired.push({ expected: want, ...(match ? { seen: match } : {}) });
  }
  const lines: string[] = [];
  for (const pair of paired) {
    const number = expected.indexOf(pair.expected) + 1;
    if (!pair.seen) {
      lines.push(`række ${number} (${rowInWords(pair.expected)}): vises ikke`);
      continue;
    }
    for (const field of differingFields(pair.expected, pair.seen)) {
      lines.push(`række ${number} (${pair.expected.analysis}), ${FIELD_NAMES[field]}: forventet ${quoted(pair.expected[field])}, vist ${quoted(pair.seen[field])}`);
    }
  }
  for (const extra of unmatched) lines.push(`vist, men ikke forventet: ${rowInWords(extra)}`);
  return lines;
}
