/**
 * Analyses produced in general practice, by their everyday short name, with NPU code (IUPAC, responsible SST),
 * complete name and unit. Shared by anyone who composes or reads results (the pilot LPS, drivers, reports).
 */

export interface CatalogueAnalysis {
  shortName: string;
  code: string;
  completeName: string;
  unit?: string;
  /** Letter type that carries it: XRPT01 (clinical biochemistry) or XRPT05 (microbiology). */
  letterType: 'XRPT01' | 'XRPT05';
  /** XRPT05 only: material and location of the sample (AnalysisMDSName). */
  microbiology?: { material: string; location: string };
}

const ANALYSES: readonly CatalogueAnalysis[] = [
  { shortName: 'CRP', code: 'NPU19748', completeName: 'P—C-reaktivt protein; massek. = ? mg/L', unit: 'mg/L', letterType: 'XRPT01' },
  { shortName: 'HbA1c', code: 'NPU27300', completeName: 'B—Hæmoglobin A1c (IFCC); stofrel. = ? mmol/mol', unit: 'mmol/mol', letterType: 'XRPT01' },
  { shortName: 'INR', code: 'NPU01685', completeName: 'P—Koagulation, vævsfaktor-induceret; rel. tid(INR) = ?', letterType: 'XRPT01' },
  { shortName: 'Hb', code: 'NPU02319', completeName: 'B—Hæmoglobin; stofk. = ? mmol/L', unit: 'mmol/L', letterType: 'XRPT01' },
  { shortName: 'Glukose', code: 'NPU22089', completeName: 'cB—Glukose; stofk. = ? mmol/L', unit: 'mmol/L', letterType: 'XRPT01' },
  { shortName: 'U-Leukocytter', code: 'NPU03987', completeName: 'U—Leukocytter; arb.k.(proc.) = ?', letterType: 'XRPT01' },
  { shortName: 'U-Nitrit', code: 'NPU21578', completeName: 'U—Nitrit; arb.k.(proc.) = ?', letterType: 'XRPT01' },
  { shortName: 'U-Protein', code: 'NPU04206', completeName: 'U—Protein; arb.k.(proc.) = ?', letterType: 'XRPT01' },
  // ASSUMPTION: MiBa's code for an in-clinic Strep A rapid test is not known; a local placeholder code until SSI gives one.
  {
    shortName: 'Strep A',
    code: 'LOKSTREPA',
    completeName: 'Streptococcus gruppe A antigen',
    letterType: 'XRPT05',
    microbiology: { material: 'Podning', location: 'Svælg' },
  },
];

/** Finds an analysis by short name (case-insensitive) or NPU code. */
export function findAnalysis(nameOrCode: string): CatalogueAnalysis | undefined {
  const wanted = nameOrCode.trim().toLowerCase();
  return ANALYSES.find((analysis) => analysis.shortName.toLowerCase() === wanted || analysis.code.toLowerCase() === wanted);
}

export function knownAnalysisNames(): string[] {
  return ANALYSES.map((analysis) => analysis.shortName);
}
