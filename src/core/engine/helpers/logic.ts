import type { HandlebarsEnvironment } from '../templateEnvironment';
import { argumentsOf } from './helperData';

/** Comparisons for `{{#if (gt analysis.overflowDays 0)}}`; Handlebars has none built in. */
export function register(handlebars: HandlebarsEnvironment): void {
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  handlebars.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  handlebars.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));
  handlebars.registerHelper('lt', (a: unknown, b: unknown) => Number(a) < Number(b));
  handlebars.registerHelper('not', (a: unknown) => !a);
  handlebars.registerHelper('and', (...args: unknown[]) => argumentsOf(args).values.every(Boolean));
  handlebars.registerHelper('or', (...args: unknown[]) => argumentsOf(args).values.some(Boolean));
}
