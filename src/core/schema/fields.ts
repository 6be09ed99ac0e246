import { z } from 'zod';
import { WEEKDAYS, addYears, parseIsoDate, toIsoDate } from '../model/civilDate';

/** A calendar date written `YYYY-MM-DD` that exists (no 31 Feb). */
export const isoDate = z
  .string()
  .refine((text) => parseIsoDate(text) !== undefined, {
    message: 'must be a real calendar date written YYYY-MM-DD, like 2027-01-19',
  })
  .meta({ format: 'date', description: 'A calendar date, YYYY-MM-DD' });

export const weekday = z.enum(WEEKDAYS);

export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'must be a three-letter ISO 4217 code in capitals, like USD or EUR', abort: true })
  .refine(isKnownCurrency, { message: 'is not an ISO 4217 currency code this runtime knows' });

function isKnownCurrency(code: string): boolean {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return supported ? supported('currency').includes(code) : true;
}

export const cioInformer = z.enum(['requester', 'me', 'sponsor']);

/** An optional value is `null` after parsing, so templates never meet a missing field. */
export function optional<T extends z.ZodType>(schema: T) {
  return schema.nullable().default(null);
}

/** The later of two dates must not come before the earlier one. */
export function endNotBeforeStart<T extends Record<string, unknown>>(startKey: keyof T & string, endKey: keyof T & string) {
  return (value: T, ctx: z.RefinementCtx) => {
    const start = parseIsoDate(String(value[startKey]));
    const end = parseIsoDate(String(value[endKey]));
    if (start !== undefined && end !== undefined && end < start) {
      ctx.addIssue({
        code: 'custom',
        path: [endKey],
        message: `must not be before ${startKey} (${String(value[startKey])})`,
      });
    }
  };
}

/** A BCP 47 tag Intl accepts, in its canonical spelling (de-de → de-DE), or undefined. */
export function canonicalLocale(tag: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical;
  } catch {
    return undefined;
  }
}

/** The reader's locale, like de-DE or fr: how dates, numbers and money read, and which translation a reply uses. */
export const localeTag = z
  .string()
  .refine((tag) => canonicalLocale(tag) !== undefined && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag), { message: 'must be a locale like en-GB, de-DE, fr-FR or ja-JP' })
  .describe('A BCP 47 locale like en-GB, de-DE, fr-FR or ja-JP');

/*
 * Bounds on every number a data file gives. Each is far beyond any real team or
 * plan, and together they keep every figure the model derives finite and
 * printable: no product or quotient of bounded inputs reaches Infinity, and no
 * positive input is so small that a share of it rounds to zero.
 */
export const LIMITS = {
  /** Person-days of one commitment or request: 400 person-years. */
  effortDays: { max: 100_000 },
  /** Money per day or per week, in the data's currency. */
  money: { max: 1_000_000_000 },
  focusFactor: { min: 0.01 },
  fteIncrement: { min: 0.01, max: 1_000 },
  daysPerPoint: { min: 0.01, max: 1_000 },
  rank: { max: 1_000_000 },
  members: 1_000,
  commitments: 20_000,
  /** Time-off ranges of one member, and team holidays: more than ten years' worth of days. */
  dates: 4_000,
  /** Horizon length, in years: the model reports anything later than ten years as "never". */
  horizonYears: 10,
} as const;

/** The last horizon start whose ten-year "never" is still a date with a four-digit year. */
export const LAST_HORIZON_START = toIsoDate(addYears(parseIsoDate('9999-12-31') as number, -LIMITS.horizonYears));

/** A positive effort in person-days, bounded. */
export const effortDays = z.number().positive().max(LIMITS.effortDays.max);

/** An amount of money (zero allowed), bounded. */
export const money = z.number().min(0).max(LIMITS.money.max);

/** The horizon may last at most ten years and must start early enough that ten years later is still printable. */
export function horizonWithinLimits(value: { start: string; end: string }, ctx: z.RefinementCtx): void {
  const start = parseIsoDate(value.start);
  const end = parseIsoDate(value.end);
  if (start === undefined || end === undefined) return;
  if (value.start > LAST_HORIZON_START) {
    ctx.addIssue({ code: 'custom', path: ['start'], message: `must be on or before ${LAST_HORIZON_START}, so that ten years later is still a date` });
  } else if (end > addYears(start, LIMITS.horizonYears)) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: `must be at most ${LIMITS.horizonYears} years after start (${value.start}), the longest plan the model schedules` });
  }
}
