import type { HelperOptions } from 'handlebars';
import type { HandlebarsEnvironment } from '../templateEnvironment';
import { argumentsOf } from './helperData';
import { cachedFormatter, localeOf, phrasesFor } from './replyLocale';

/**
 * Figures in the words a leader would use: `{{percent 1.2}}` → `120%`,
 * `{{days 4}}` → `4 days`, `{{days 0.5}}` → `0.5 days`, `{{fte 0.5}}` → `0.5 FTE`,
 * `{{plural 1 "day"}}` → `day`, `{{plural 3 "person" "people"}}` → `people`.
 */
export function register(handlebars: HandlebarsEnvironment): void {
  handlebars.registerHelper('percent', (value: unknown, options: HelperOptions) => formatPercent(value, localeOf(options)));
  handlebars.registerHelper('days', (value: unknown, options: HelperOptions) => formatDays(value, localeOf(options)));
  handlebars.registerHelper('fte', (value: unknown, options: HelperOptions) => formatFte(value, localeOf(options)));
  handlebars.registerHelper('number', (...args: unknown[]) => {
    const { values: [value, digits], options } = argumentsOf(args);
    return formatNumber(value, typeof digits === 'number' ? digits : 1, localeOf(options));
  });
  handlebars.registerHelper('plural', (count: unknown, singular: unknown, plural: unknown) =>
    pluralize(Number(count), String(singular), typeof plural === 'string' ? plural : undefined),
  );
}

/** `108%`; with a locale, its spacing and sign (`108 %` in de-DE and fr-FR). */
export function formatPercent(value: unknown, locale?: string): string {
  if (value === null || value === undefined) return phrasesFor(locale).noPercent;
  const rounded = Math.round(Number(value) * 100);
  // Never "Infinity%", "NaN%" or "1e+21%"; and not "n/a" either, which means the horizon has no capacity.
  if (!printable(rounded)) return 'an unknown share';
  if (locale === undefined) return `${rounded}%`;
  return cachedFormatter(`percent|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })).format(rounded / 100);
}

/** A number that prints as plain digits: finite, and below where JavaScript switches to exponents. */
export function printable(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) < 1e21;
}

export function formatDays(value: unknown, locale?: string): string {
  if (value === null || value === undefined) return phrasesFor(locale).openDays;
  // The plural follows the number as printed: 1.04 days reads "1 day".
  const shown = Math.round(Number(value) * 10) / 10;
  if (locale === undefined || !Number.isFinite(shown)) return `${formatNumber(shown, 1)} ${pluralize(shown, 'day')}`;
  // Intl names the unit in the reader's language with its plural rules: 2,5 Tage, 1 jour, 2.5 日.
  return cachedFormatter(`days|${locale}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 1 })).format(shown);
}

/** `0.5 FTE`; null (a horizon with no working days) is said in words, never as 0. */
export function formatFte(value: unknown, locale?: string): string {
  const phrases = phrasesFor(locale);
  return value === null || value === undefined ? phrases.unknownFte : `${formatNumber(value, 2, locale)} ${phrases.fte}`;
}

/** At most `digits` decimals, trailing zeros dropped: 2.50 → 2.5, 3.0 → 3 (2,5 in de-DE). */
export function formatNumber(value: unknown, digits: number, locale = 'en-US'): string {
  const number = Number(value);
  if (!Number.isFinite(number)) return typeof value === 'string' ? value : 'an unknown number';
  const factor = 10 ** digits;
  const rounded = Math.round(number * factor) / factor;
  return Number.isFinite(rounded) ? rounded.toLocaleString(locale, { maximumFractionDigits: digits }) : 'an unknown number';
}

export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return count === 1 ? singular : plural;
}
