import type { HandlebarsEnvironment } from '../templateEnvironment';
import { dateInWords, parseIsoDate } from '../../model/civilDate';

/**
 * `{{date "2027-01-19"}}` → `Tue 19 Jan 2027`; `{{shortDate …}}` → `Tue 19 Jan`.
 * A plan date of `never` reads as "not within ten years", which is what it means.
 */
export function register(handlebars: HandlebarsEnvironment): void {
  handlebars.registerHelper('date', (value: unknown) => formatDate(value, true));
  handlebars.registerHelper('shortDate', (value: unknown) => formatDate(value, false));
}

export function formatDate(value: unknown, withYear: boolean): string {
  if (value === null || value === undefined) return 'no date set';
  if (value === 'never') return 'not within ten years';
  const day = parseIsoDate(String(value));
  return day === undefined ? String(value) : dateInWords(day, withYear);
}
