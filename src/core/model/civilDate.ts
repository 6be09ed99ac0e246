/**
 * Calendar dates without a time zone. A date is carried as its ISO string
 * (`YYYY-MM-DD`) at the edges and as a day number (days since 1970-01-01) inside
 * the model. Day numbers come from `Date.UTC`, which is pure arithmetic on the
 * proleptic Gregorian calendar: no local time is ever involved, so a reply drafted
 * in Sydney and one drafted in New York name the same days.
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** The day number of an ISO date, or `undefined` when it is not a real calendar date. */
export function parseIsoDate(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return fromParts(year, month, day);
}

/** The day number for year/month/day, or `undefined` for a date like 31 Feb. */
export function fromParts(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999; set the year explicitly.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return Math.round(date.getTime() / MS_PER_DAY);
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

/** Like {@link parseIsoDate} for text already validated by the schemas. */
export function dayNumber(text: IsoDate): number {
  const day = parseIsoDate(text);
  if (day === undefined) throw new Error(`not an ISO date: ${text}`);
  return day;
}

export function toIsoDate(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

export function weekdayName(day: number): Weekday {
  return WEEKDAYS[weekdayIndex(day)];
}

/** The same calendar date `years` later; 29 Feb becomes 28 Feb in a common year. */
export function addYears(day: number, years: number): number {
  const date = new Date(day * MS_PER_DAY);
  const year = date.getUTCFullYear() + years;
  const month = date.getUTCMonth() + 1;
  const dom = date.getUTCDate();
  return fromParts(year, month, dom) ?? (fromParts(year, month, dom - 1) as number);
}

/** `Tue 19 Jan 2027`: the form a leader writes in an email, with no time-zone shift. */
export function dateInWords(day: number, withYear = true): string {
  const date = new Date(day * MS_PER_DAY);
  const words = `${weekdayName(day)} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  return withYear ? `${words} ${date.getUTCFullYear()}` : words;
}
