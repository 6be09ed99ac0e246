import { z } from 'zod';
import { WEEKDAYS, parseIsoDate } from '../model/civilDate';

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
