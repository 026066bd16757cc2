/** How sundhed.dk words and orders a result: pure functions from the portal's data to display text. */
import { validationOf } from '../../medcom/result-validation';
import type { PortalReferenceInterval } from '../../contracts/labportal';
import type { PortalResult } from './portal-result';

const STATUS_LABELS: Readonly<Record<string, string>> = {
  endeligt: 'Endeligt',
  foreloebigt: 'Foreløbigt',
  rettet: 'Rettet',
  annulleret: 'Annulleret',
};

const OPERATOR_SIGNS: Readonly<Record<string, string>> = { mindre_end: '<', stoerre_end: '>' };

/** As sundhed.dk marks a value outside its interval. */
const VALIDATION_LABELS: Readonly<Record<string, string>> = {
  for_hoej: 'Forhøjet',
  for_lav: 'Formindsket',
  unormal: 'Unormal',
};

const DATABANK_LABELS: Readonly<Record<string, string>> = { LABA: 'Klinisk biokemi', MiBa: 'Mikrobiologi' };

/** Endeligt / Foreløbigt / Rettet / Annulleret; an unknown status is shown as sent. */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

/** The value with its operator as a sign: `< 5`, `> 100`, or the value as sent. */
export function valueText({ value, operator }: Pick<PortalResult, 'value' | 'operator'>): string {
  if (operator === undefined) return value;
  return `${OPERATOR_SIGNS[operator] ?? operator} ${value}`;
}

/** `2,0 - 3,0`, `< 10` (only upper), `> 5` (only lower), else the interval text; numbers as sent. */
export function referenceIntervalText(interval: PortalReferenceInterval | undefined): string {
  if (!interval) return '';
  const { lower, upper, text } = interval;
  if (lower !== undefined && upper !== undefined) return `${lower} - ${upper}`;
  if (upper !== undefined) return `< ${upper}`;
  if (lower !== undefined) return `> ${lower}`;
  return text ?? '';
}

/** A note for intervals that are not the ordinary physiological one (INR's therapeutic target). */
export function intervalTypeNote(interval: PortalReferenceInterval | undefined): string | undefined {
  return interval?.type === 'terapeutisk' && referenceIntervalText(interval) !== '' ? 'behandlingsmål' : undefined;
}

/**
 * Forhøjet / Formindsket / Unormal: the producer's ResultValidation when it sent one, else what the value says
 * against its interval (a number above the upper limit, below the lower one), so a value outside its interval is
 * always marked and never marked otherwise than its producer flagged it.
 */
export function validationLabel(result: Pick<PortalResult, 'validation' | 'value' | 'operator' | 'referenceInterval'>): string | undefined {
  const interval = result.referenceInterval;
  const validation = result.validation ?? validationOf(result.value, interval && { lowerLimit: interval.lower, upperLimit: interval.upper }, result.operator);
  return validation === undefined ? undefined : (VALIDATION_LABELS[validation] ?? validation);
}

export function databankLabel(databank: string): string {
  return DATABANK_LABELS[databank] ?? databank;
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;

/** `2025-03-14T09:40` -> `14.03.2025 kl. 09:40`; no time zone conversion; anything else as sent. */
export function formatDateTime(value: string): string {
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return value;
  const [, year, month, day, hours, minutes] = match;
  const date = `${day}.${month}.${year}`;
  return hours === undefined ? date : `${date} kl. ${hours}:${minutes}`;
}

/** A machine-readable value for `<time datetime>`, when the text is one. */
export function machineDateTime(value: string): string | undefined {
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hours, minutes] = match;
  return hours === undefined ? `${year}-${month}-${day}` : `${year}-${month}-${day}T${hours}:${minutes}`;
}

export interface RequisitionGroup {
  requisitionId: string;
  /** Earliest sampling time of the group's results. */
  samplingTime: string;
  /** Databanks the results come from, e.g. ['LABA']. */
  databanks: string[];
  /** In the order the portal sent them. */
  results: PortalResult[];
}

/** One group per requisition, the most recently sampled first. */
export function groupByRequisition(results: readonly PortalResult[]): RequisitionGroup[] {
  const groups = new Map<string, PortalResult[]>();
  for (const result of results) {
    const group = groups.get(result.requisitionId);
    if (group) group.push(result);
    else groups.set(result.requisitionId, [result]);
  }
  return [...groups.entries()]
    .map(([requisitionId, members]) => {
      const times = members.map((result) => result.samplingTime).sort();
      return {
        requisitionId,
        samplingTime: times[0],
        databanks: [...new Set(members.map((result) => result.databank))],
        results: members,
        latest: times[times.length - 1],
      };
    })
    .sort((a, b) => b.latest.localeCompare(a.latest) || a.requisitionId.localeCompare(b.requisitionId))
    .map(({ latest: _latest, ...group }) => group);
}
