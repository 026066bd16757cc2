/**
 * The Cucumber Expression parameter types of the Danish steps: what a step's words mean, parsed once, here.
 *   {databank}           LABA | MiBa
 *   {analysis}           an analysis of medcom/npu-catalogue.ts by its short name (CRP, HbA1c, Strep A ...)
 *   {decimal}            a measured value as the Danish text writes it, with a decimal comma: 45, 6,1
 *   {reference-interval} "med referenceinterval under 10", "med referenceinterval 4,0-6,0",
 *                        "med behandlingsmål under 53" or "uden referenceinterval"
 *   {registration-option} "med nægtet samtykke" | "uden nationalt prøvenummer"
 *   {lps-system}         an LPS system's name in double quotes: "Mit-LPS"
 *   {test-person}        a MedCom test person as name and CPR: Nancy Ann Test Berggren (2512489996)
 *   {letter-type}        XRPT01 | XRPT05
 * Whole numbers (HTTP statuses, counts, seconds) are Cucumber's own {int}; quoted texts its {string}.
 */
import { defineParameterType } from '@cucumber/cucumber';
import { DATABANKS, type DatabankName } from '../contracts/databank';
import type { ReferenceInterval } from '../medcom/model';
import { findAnalysis, knownAnalysisNames } from '../medcom/npu-catalogue';
import type { TestPerson } from './drivers/lps';
import { testPerson } from './support/test-persons';

const DECIMAL = /-?\d+(?:,\d+)?/.source;

function alternatives(words: readonly string[]): RegExp {
  // Longest first, so that "HbA1c" is never read as "Hb" followed by more text.
  const escaped = [...words].sort((a, b) => b.length - a.length).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.join('|'));
}

defineParameterType({
  name: 'databank',
  regexp: alternatives(DATABANKS),
  transformer: (name: string): DatabankName => name as DatabankName,
});

defineParameterType({
  name: 'analysis',
  regexp: alternatives(knownAnalysisNames()),
  /** The catalogue's short name (the key a scenario's results are kept under). */
  transformer: (name: string): string => {
    const found = findAnalysis(name);
    if (!found) throw new Error(`"${name}" is not an analysis the platform knows (medcom/npu-catalogue.ts)`);
    return found.shortName;
  },
});

defineParameterType({
  name: 'decimal',
  regexp: new RegExp(DECIMAL),
  /** Kept as written: a MedCom value is text, sent and shown with its decimal comma. */
  transformer: (text: string): string => text,
});

defineParameterType({
  name: 'reference-interval',
  regexp: new RegExp(`med (?:referenceinterval|behandlingsmål) under ${DECIMAL}|med referenceinterval ${DECIMAL}-${DECIMAL}|uden referenceinterval`),
  transformer: (words: string): ReferenceInterval | undefined => intervalFromWords(words),
});

export interface RegistrationOption {
  consentDenied?: boolean;
  withoutSampleNumber?: boolean;
}

defineParameterType({
  name: 'registration-option',
  regexp: /med nægtet samtykke|uden nationalt prøvenummer/,
  transformer: (words: string): RegistrationOption => (words === 'med nægtet samtykke' ? { consentDenied: true } : { withoutSampleNumber: true }),
});

defineParameterType({
  name: 'lps-system',
  regexp: /"([^"]+)"/,
  transformer: (name: string): string => name,
});

defineParameterType({
  name: 'test-person',
  regexp: /(.+) \(([0-9-]+)\)/,
  transformer: (name: string, cpr: string): TestPerson => testPerson(name, cpr),
});

defineParameterType({
  name: 'letter-type',
  regexp: /XRPT01|XRPT05/,
  transformer: (kind: string): 'XRPT01' | 'XRPT05' => kind as 'XRPT01' | 'XRPT05',
});

/**
 * A reference interval as a step says it: "med referenceinterval under 10", "med referenceinterval 4,0-6,0",
 * "med behandlingsmål under 53" (a therapeutic interval), or "uden referenceinterval".
 */
function intervalFromWords(words: string): ReferenceInterval | undefined {
  if (words === 'uden referenceinterval') return undefined;
  const under = /^med (referenceinterval|behandlingsmål) under (\S+)$/.exec(words);
  if (under) return { typeOfInterval: under[1] === 'behandlingsmål' ? 'terapeutisk' : 'fysiologisk', upperLimit: under[2] as string };
  const range = /^med referenceinterval (\S+?)-(\S+)$/.exec(words);
  if (range) return { typeOfInterval: 'fysiologisk', lowerLimit: range[1] as string, upperLimit: range[2] as string };
  throw new Error(`"${words}" is not a reference interval the steps know: "med referenceinterval under N", "med referenceinterval A-B", "med behandlingsmål under N" or "uden referenceinterval"`);
}
