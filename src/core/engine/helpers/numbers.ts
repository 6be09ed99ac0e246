import type { HandlebarsEnvironment } from '../templateEnvironment';

/**
 * Figures in the words a leader would use: `{{percent 1.2}}` → `120%`,
 * `{{days 4}}` → `4 days`, `{{days 0.5}}` → `0.5 days`, `{{fte 0.5}}` → `0.5 FTE`,
 * `{{plural 1 "day"}}` → `day`, `{{plural 3 "person" "people"}}` → `people`.
 */
export function register(handlebars: HandlebarsEnvironment): void {
  handlebars.registerHelper('percent', (value: unknown) => formatPercent(value));
  handlebars.registerHelper('days', (value: unknown) => formatDays(value));
  handlebars.registerHelper('fte', (value: unknown) => formatFte(value));
  handlebars.registerHelper('number', (value: unknown, digits: unknown) =>
    formatNumber(value, typeof digits === 'number' ? digits : 1),
  );
  handlebars.registerHelper('plural', (count: unknown, singular: unknown, plural: unknown) =>
    pluralize(Number(count), String(singular), typeof plural === 'string' ? plural : undefined),
  );
}

export function formatPercent(value: unknown): string {
  if (value === null || value === undefined) return 'n/a';
  return `${Math.round(Number(value) * 100)}%`;
}

export function formatDays(value: unknown): string {
  if (value === null || value === undefined) return 'an open-ended number of days';
  // The plural follows the number as printed: 1.04 days reads "1 day".
  const shown = Math.round(Number(value) * 10) / 10;
  return `${formatNumber(shown, 1)} ${pluralize(shown, 'day')}`;
}

/** `0.5 FTE`; null (a horizon with no working days) is said in words, never as 0. */
export function formatFte(value: unknown): string {
  return value === null || value === undefined ? 'an unknown number of FTE' : `${formatNumber(value, 2)} FTE`;
}

/** At most `digits` decimals, trailing zeros dropped: 2.50 → 2.5, 3.0 → 3. */
export function formatNumber(value: unknown, digits: number): string {
  const number = Number(value);
  if (!Number.isFinite(number)) return String(value);
  const factor = 10 ** digits;
  return (Math.round(number * factor) / factor).toLocaleString('en-US', { maximumFractionDigits: digits });
}

export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return count === 1 ? singular : plural;
}
