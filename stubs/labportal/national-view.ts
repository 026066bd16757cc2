/**
 * The national view of a patient's results (what Laboratoriesvarportalen hands to sundhed.dk): the latest
 * version of every result, never a cancelled one (LABA-05) and never one with denied consent (DEL-03).
 */

/** A databank's stored result, as its API returns it (only the fields the portal reads). */
export interface DatabankResult {
  id: number;
  key: string;
  version: number;
  cancelled: boolean;
  record: {
    requisitionId: string;
    consentGiven: boolean | null;
    resultStatusCode: string;
    analysisCode: string;
    analysisName: string;
    value: string;
    unit: string | null;
    operator: string | null;
    referenceType: string | null;
    referenceLower: string | null;
    referenceUpper: string | null;
    referenceText: string | null;
    validation: string | null;
    producerIdentifier: string;
    producerCode: string;
    producerName?: string | null;
    samplingTime: string;
    resultTime: string;
    comments: string[];
  };
}

export type Databank = 'LABA' | 'MiBa';
export type ViewStatus = 'endeligt' | 'foreloebigt' | 'rettet' | 'annulleret';

export interface PortalResult {
  id: string;
  databank: Databank;
  requisitionId: string;
  analysisCode: string;
  analysisName: string;
  value: string;
  unit?: string;
  operator?: string;
  referenceInterval?: { type?: string; lower?: string; upper?: string; text?: string };
  status: ViewStatus;
  /** The producer's name (its identifier when the databank knows no name), its identifier and code. */
  producer: { name: string; identifier: string; code: string };
  samplingTime: string;
  resultTime: string;
  comments?: string[];
  validation?: string;
}

const STATUS: Record<string, ViewStatus> = {
  svar_endeligt: 'endeligt',
  svar_rettet: 'rettet',
  svar_midlertidigt: 'foreloebigt',
  proeve_modtaget: 'foreloebigt',
};

function latestVersions(results: DatabankResult[]): DatabankResult[] {
  const latest = new Map<string, DatabankResult>();
  for (const result of results) {
    const current = latest.get(result.key);
    if (!current || result.version > current.version) latest.set(result.key, result);
  }
  return [...latest.values()];
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined && field !== null)) as T;
}

function toPortalResult(databank: Databank, { key, version, record }: DatabankResult): PortalResult {
  const interval = withoutUndefined({
    type: record.referenceType ?? undefined,
    lower: record.referenceLower ?? undefined,
    upper: record.referenceUpper ?? undefined,
    text: record.referenceText ?? undefined,
  });
  return withoutUndefined({
    id: `${databank}:${key}:${version}`,
    databank,
    requisitionId: record.requisitionId,
    analysisCode: record.analysisCode,
    analysisName: record.analysisName,
    value: record.value,
    unit: record.unit ?? undefined,
    operator: record.operator ?? undefined,
    referenceInterval: Object.keys(interval).length > 0 ? interval : undefined,
    status: STATUS[record.resultStatusCode] ?? 'foreloebigt',
    producer: { name: record.producerName ?? record.producerIdentifier, identifier: record.producerIdentifier, code: record.producerCode },
    samplingTime: record.samplingTime,
    resultTime: record.resultTime,
    comments: record.comments.length > 0 ? record.comments : undefined,
    validation: record.validation ?? undefined,
  });
}

export function nationalView(databank: Databank, results: DatabankResult[]): PortalResult[] {
  return latestVersions(results)
    .filter((result) => !result.cancelled && result.record.consentGiven !== false)
    .map((result) => toPortalResult(databank, result));
}
