import type { HelperOptions } from 'handlebars';
import type { HandlebarsEnvironment } from '../templateEnvironment';
import { currencyOf } from './helperData';

/**
 * `{{money analysis.funding.cost}}` → `$3,000`: whole units in the data's currency.
 * Leaders quote these figures aloud; cents would only add noise.
 */
export function register(handlebars: HandlebarsEnvironment): void {
  handlebars.registerHelper('money', function (value: unknown, options: HelperOptions) {
    return formatMoney(value, currencyOf(options));
  });
}

const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(value: unknown, currency: string): string {
  if (value === null || value === undefined) return 'an amount to be confirmed';
  let formatter = formatters.get(currency);
  if (!formatter) {
    // Built once per currency: constructing Intl formatters dominates the helper's cost otherwise.
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
    formatters.set(currency, formatter);
  }
  return formatter.format(Number(value));
}
