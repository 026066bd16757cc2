/**
 * Corpora for the validator benchmark. "clinic": messages like a GP clinic shares (1 to 6 results, or a Strep A
 * test), 4 of 5 valid and the rest mutated; "fuzz": the agreement test's generated corpus (every optional part,
 * long texts, half of them mutated), which is heavier than real traffic.
 */
import fc from 'fast-check';
import { writeEmessage } from '../medcom';
import type { LabResult } from '../medcom/model';
import { buildCorpus } from '../corpora/medcom/corpus';
import { crpReport, message, strepAReport } from '../corpora/medcom/fixtures';
import { mutate, mutation } from '../corpora/medcom/mutate';

const ANALYSES: [string, string, string, string][] = [
  ['NPU19748', 'CRP', 'P—C-reaktivt protein; massek. = ? mg/L', 'mg/L'],
  ['NPU27300', 'HbA1c', 'B—Hæmoglobin A1c (IFCC); stofrel. = ? mmol/mol', 'mmol/mol'],
  ['NPU01685', 'INR', 'P—Koagulation, vævsfaktor-induceret; rel. tid(INR) = ?', ''],
  ['NPU02319', 'Hb', 'B—Hæmoglobin; stofk. = ? mmol/L', 'mmol/L'],
  ['NPU22089', 'Glukose', 'cB—Glukose; stofk. = ? mmol/L', 'mmol/L'],
  ['NPU03987', 'U-Leukocytter', 'U—Leukocytter; arb.k.(proc.) = ?', ''],
];

function clinicMessage(index: number): string {
  if (index % 5 === 4) return writeEmessage(message(strepAReport()));
  const report = crpReport();
  const template = report.results[0] as LabResult;
  report.results = ANALYSES.slice(0, 1 + (index % ANALYSES.length)).map(([code, short, name, unit], position) => ({
    ...template,
    analysis: { ...template.analysis, analysisCode: code, analysisShortName: short, analysisCompleteName: name },
    value: String(10 + ((index + position) % 90)),
    ...(unit ? { unit } : {}),
  }));
  report.letter.identifier = `L${String(index).padStart(12, '0')}`;
  return writeEmessage(message(report));
}

export function clinicCorpus(size: number): string[] {
  const plans = fc.sample(fc.array(mutation, { minLength: 1, maxLength: 2 }), { seed: 42, numRuns: size });
  return Array.from({ length: size }, (_, index) => {
    const xml = clinicMessage(index);
    return index % 5 === 3 ? mutate(xml, plans[index] ?? []) : xml;
  });
}

export function fuzzCorpus(size: number): string[] {
  return buildCorpus({ seed: 20250314, valid: size / 2, mutantsPerValid: 1 }).map((entry) => entry.xml);
}
