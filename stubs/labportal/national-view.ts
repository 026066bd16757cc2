/**
 * The national view of a patient's results (what Laboratoriesvarportalen hands to sundhed.dk): the latest
 * version of every result, never a cancelled one (LABA-05) and never one with denied consent (DEL-03).
 */
import type { DatabankName, StoredResult } from '../../contracts/databank';
import type { PortalResult, PortalStatus } from '../../contracts/labportal';

const STATUS: Record<string, PortalStatus> = {
  svar_endeligt: 'endeligt',
  svar_rettet: 'rettet',
  svar_midlertidigt: 'foreloebigt',
  proeve_modtaget: 'foreloebigt',
};

function latestVersions(results: StoredResult[]): StoredResult[] {
  const latest = new Map<string, StoredResult>();
  for (const result of results) {
    const current = latest.get(result.key);
    if (!current || result.version > current.version) latest.set(result.key, result);
  }
  return [...latest.values()];
}

/** The portal contract leaves absent fields out; every nullable record field is mapped to undefined first. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

function toPortalResult(databank: DatabankName, { key, version, record }: StoredResult): PortalResult {
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

export function nationalView(databank: DatabankName, results: StoredResult[]): PortalResult[] {
  return latestVersions(results)
    .filter((result) => !result.cancelled && result.record.consentGiven !== false)
    .map((result) => toPortalResult(databank, result));
}
