import type { HelperOptions } from 'handlebars';

/** The currency of the data being rendered (the root context's capacity file). */
export function currencyOf(options: HelperOptions): string {
  const root = options.data?.root as { capacity?: { currency?: string } } | undefined;
  return root?.capacity?.currency ?? 'USD';
}

/** Helpers called as blocks or inline receive their options last; strip it from the arguments. */
export function argumentsOf(args: unknown[]): { values: unknown[]; options: HelperOptions } {
  return { values: args.slice(0, -1), options: args[args.length - 1] as HelperOptions };
}
