import { type IsoDate, fromParts, toIsoDate } from '../model/civilDate';

/**
 * The calendar date a `Date` falls on where the user is (their local time zone).
 * "Today" for a reply is the writer's today; the caller passes the clock in, so
 * the core itself never reads one.
 */
export function localIsoDate(instant: Date): IsoDate {
  const day = fromParts(instant.getFullYear(), instant.getMonth() + 1, instant.getDate());
  return toIsoDate(day as number);
}

/**
 * The instant chrono-node should treat as "now" for a reference date: local noon,
 * so "tomorrow" or "next Friday" never drift a day when clocks change.
 */
export function referenceInstant(today: IsoDate): Date {
  const [year, month, day] = today.split('-').map(Number);
  return new Date(year, month - 1, day, 12, 0, 0);
}

/**
 * Whether a locale writes the day before the month (`3/12` = 3 December), from how
 * it formats a known date; with no locale, the runtime's own (the user's system).
 */
export function localeReadsDayFirst(locale?: string): boolean {
  const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(new Date(2027, 11, 3));
  const day = parts.findIndex((part) => part.type === 'day');
  const month = parts.findIndex((part) => part.type === 'month');
  return day >= 0 && month >= 0 && day < month;
}
