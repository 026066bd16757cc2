/**
 * Checks the portal's JSON before the page trusts it: a broken contract shows up as a clear error page
 * naming the field (e.g. `results[2].analysisCode mangler`), not as a half-rendered table.
 */
import type { PortalReferenceInterval } from '../../contracts/labportal';
import type { PortalResult } from './portal-result';

export class InvalidPortalResponseError extends Error {}

type Json = Record<string, unknown>;

export function parsePortalResponse(body: unknown): PortalResult[] {
  if (!isObject(body) || !Array.isArray(body.results)) {
    throw new InvalidPortalResponseError('svaret har ikke feltet "results" med en liste');
  }
  return body.results.map((item, index) => parseResult(item, `results[${index}]`));
}

function parseResult(item: unknown, path: string): PortalResult {
  if (!isObject(item)) throw new InvalidPortalResponseError(`${path} er ikke et objekt`);
  const producer = item.producer;
  if (!isObject(producer)) throw new InvalidPortalResponseError(`${path}.producer mangler`);
  return {
    id: requiredText(item, 'id', path),
    databank: requiredText(item, 'databank', path),
    requisitionId: requiredText(item, 'requisitionId', path),
    analysisCode: requiredText(item, 'analysisCode', path),
    analysisName: requiredText(item, 'analysisName', path),
    value: requiredText(item, 'value', path),
    unit: optionalText(item, 'unit', path),
    operator: optionalText(item, 'operator', path),
    referenceInterval: parseInterval(item.referenceInterval, `${path}.referenceInterval`),
    status: requiredText(item, 'status', path),
    producer: { name: requiredText(producer, 'name', `${path}.producer`), code: requiredText(producer, 'code', `${path}.producer`) },
    samplingTime: requiredText(item, 'samplingTime', path),
    resultTime: requiredText(item, 'resultTime', path),
    comments: parseComments(item.comments, `${path}.comments`),
    validation: optionalText(item, 'validation', path),
  };
}

function parseInterval(value: unknown, path: string): PortalReferenceInterval | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw new InvalidPortalResponseError(`${path} er ikke et objekt`);
  return {
    type: optionalText(value, 'type', path),
    lower: optionalText(value, 'lower', path),
    upper: optionalText(value, 'upper', path),
    text: optionalText(value, 'text', path),
  };
}

function parseComments(value: unknown, path: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((comment) => typeof comment === 'string')) {
    throw new InvalidPortalResponseError(`${path} er ikke en liste af tekster`);
  }
  return value;
}

function requiredText(object: Json, field: string, path: string): string {
  const value = object[field];
  if (typeof value !== 'string') throw new InvalidPortalResponseError(`${path}.${field} mangler eller er ikke en tekst`);
  return value;
}

function optionalText(object: Json, field: string, path: string): string | undefined {
  const value = object[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new InvalidPortalResponseError(`${path}.${field} er ikke en tekst`);
  return value;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
