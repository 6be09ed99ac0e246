import type { HelperOptions } from 'handlebars';
import type { HandlebarsEnvironment } from '../templateEnvironment';
import { currencyOf } from './helperData';
import { cachedFormatter, localeOf, phrasesFor } from './replyLocale';

/**
 * `{{money analysis.funding.cost}}` → `$3,000`: whole units in the data's currency.
 * Leaders quote these figures aloud; cents would only add noise.
 */
export function register(handlebars: HandlebarsEnvironment): void {
  handlebars.registerHelper('money', function (value: unknown, options: HelperOptions) {
    return formatMoney(value, currencyOf(options), localeOf(options));
  });
}

/** `$49,300`; with a locale, that locale's way (`49.300 $` in de-DE). The currency is the data's either way. */
export function formatMoney(value: unknown, currency: string, locale?: string): string {
  // Never "$∞" or "$NaN": a number that cannot be printed is to be confirmed, like an unknown one.
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return phrasesFor(locale).noAmount;
  // Not a number (a snippet's stand-in for an amount typed later): shown as given, never as "$NaN".
  if (!Number.isFinite(Number(value))) return String(value);
  // Built once per locale and currency: constructing Intl formatters dominates the helper's cost otherwise.
  const formatter = cachedFormatter(`money|${locale ?? 'en-US'}|${currency}`, () => new Intl.NumberFormat(locale ?? 'en-US', { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }));
  return formatter.format(Number(value));
}
