/** Times as scenarios say them ("kl. 08:10", today in Danish time) and as Sundhedsjournalen shows them. */
import { medcomDateTime } from '../../medcom/date-time';

/** The instant of hh:mm today in Europe/Copenhagen. */
export function todayAt(time: string): Date {
  const { date } = medcomDateTime(new Date());
  const guess = new Date(`${date}T${time}:00Z`);
  const shown = medcomDateTime(guess);
  const offsetMs = Date.parse(`${shown.date}T${shown.time}:00Z`) - guess.getTime();
  return new Date(guess.getTime() - offsetMs);
}

/** "dd.mm.yyyy kl. hh:mm" of hh:mm today, as Sundhedsjournalen writes it. */
export function shownToday(time: string): string {
  const [year, month, day] = medcomDateTime(new Date()).date.split('-');
  return `${day}.${month}.${year} kl. ${time}`;
}
