/** MedCom date and time (xs:date, hh:mm) of an instant, in Danish time. */
import type { DateTime } from './model';

const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function medcomDateTime(instant: Date): DateTime {
  const part = (type: Intl.DateTimeFormatPartTypes): string => PARTS.formatToParts(instant).find((p) => p.type === type)?.value ?? '';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}
