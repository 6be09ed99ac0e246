import type { HelperOptions } from 'handlebars';
import type { HandlebarsEnvironment } from '../templateEnvironment';
import { dateInWords, parseIsoDate } from '../../model/civilDate';
import { cachedFormatter, localeOf, phrasesFor } from './replyLocale';

/**
 * `{{date "2027-01-19"}}` → `Tue 19 Jan 2027`; `{{shortDate …}}` → `Tue 19 Jan`.
 * A plan date of `never` reads as "not within ten years", which is what it means.
 */
export function register(handlebars: HandlebarsEnvironment): void {
  handlebars.registerHelper('date', (value: unknown, options: HelperOptions) => formatDate(value, true, localeOf(options)));
  handlebars.registerHelper('shortDate', (value: unknown, options: HelperOptions) => formatDate(value, false, localeOf(options)));
}

const DAY_MS = 86_400_000;

/**
 * Without a locale, `Tue 19 Jan 2027` as it always was; with one, that locale's
 * short form (`Di., 19. Jan. 2027`, `2027年1月19日(火)`). Formatted in UTC from the
 * day number, so no time zone can move the day.
 */
export function formatDate(value: unknown, withYear: boolean, locale?: string): string {
  if (value === null || value === undefined) return phrasesFor(locale).noDate;
  if (value === 'never') return phrasesFor(locale).never;
  const day = parseIsoDate(String(value));
  if (day === undefined) return String(value);
  if (locale === undefined) return dateInWords(day, withYear);
  const formatter = cachedFormatter(`date|${locale}|${withYear}`, () =>
    new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' }),
  );
  return formatter.format(new Date(day * DAY_MS));
}
