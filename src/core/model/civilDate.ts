/**
 * Calendar dates without a time zone. A date is carried as its ISO string
 * (`YYYY-MM-DD`) at the edges and as a day number (days since 1970-01-01) inside
 * the model. No Date object and no local time is ever involved, so a reply drafted
 * in Sydney and one drafted in New York name the same days.
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

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
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/*
 * Day numbers and civil dates convert by integer arithmetic on the proleptic
 * Gregorian calendar (H. Hinnant's days_from_civil / civil_from_days). The model
 * converts tens of thousands of dates per analysis; going through Date objects
 * dominated its run time.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
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
  const { year, month, day: dom } = civilFromDays(day);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${dom < 10 ? '0' : ''}${dom}`;
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
  const { year, month, day: dom } = civilFromDays(day);
  return fromParts(year + years, month, dom) ?? (fromParts(year + years, month, dom - 1) as number);
}

/** `Tue 19 Jan 2027`: the form a leader writes in an email, with no time-zone shift. */
export function dateInWords(day: number, withYear = true): string {
  const { year, month, day: dom } = civilFromDays(day);
  const words = `${weekdayName(day)} ${dom} ${MONTHS[month - 1]}`;
  return withYear ? `${words} ${year}` : words;
}
