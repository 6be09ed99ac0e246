import { z } from 'zod';
import { LIMITS, cioInformer, currencyCode, effortDays, endNotBeforeStart, horizonWithinLimits, isoDate, money, optional, weekday } from './fields';

const timeOffSchema = z
  .strictObject({ from: isoDate, to: isoDate })
  .superRefine(endNotBeforeStart('from', 'to'));

export const memberSchema = z.strictObject({
  name: z.string().min(1),
  role: optional(z.string()),
  allocation: z
    .number()
    .min(0)
    .max(1)
    .refine((share) => share === 0 || share >= 0.01, { message: 'must be 0 or at least 0.01' })
    .default(1)
    .describe('Share of the person\'s time on this team, 0 to 1'),
  dailyCost: optional(money).describe('Loaded cost of one day of this person'),
  timeOff: z.array(timeOffSchema).max(LIMITS.dates).default([]).describe('Personal days off, {from, to} inclusive'),
});

export const commitmentSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  effortDays: effortDays.describe('Remaining effort in person-days'),
  rank: z.number().int().min(1).max(LIMITS.rank.max).describe('Priority; 1 is the most important'),
  deadline: optional(isoDate).describe('Promised date (YYYY-MM-DD)'),
  costOfDelayPerWeek: money.default(0).describe('Money lost per week of delay'),
  tags: z.array(z.string()).default([]).describe('For example security, compliance, revenue'),
  sponsor: optional(z.string().min(1)).describe('Executive who asked for it'),
  locked: z.boolean().default(false).describe('May not be swapped out to make room'),
});

const commitmentsSchema = z.array(commitmentSchema).max(LIMITS.commitments).superRefine((commitments, ctx) => {
  const firstIndexById = new Map<string, number>();
  commitments.forEach((commitment, index) => {
    const first = firstIndexById.get(commitment.id);
    if (first === undefined) {
      firstIndexById.set(commitment.id, index);
    } else {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'id'],
        message: `duplicate commitment id "${commitment.id}" (also used by commitment ${first + 1})`,
      });
    }
  });
});

const calendarSchema = z.strictObject({
  workdays: z
    .array(weekday)
    .default(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])
    .refine((days) => new Set(days).size === days.length, { message: 'lists a weekday twice' }),
  holidays: z.array(isoDate).max(LIMITS.dates).default([]),
});

const fundingSchema = z.strictObject({
  contractorDailyRate: optional(money.positive()).describe('Price of one extra person-day (default: mean dailyCost of members)'),
  fteIncrement: z.number().min(LIMITS.fteIncrement.min).max(LIMITS.fteIncrement.max).default(0.5).describe('Extra staff is asked for in these steps'),
});

const personSchema = z.strictObject({
  name: optional(z.string().min(1)),
  title: optional(z.string()),
});

const orgSchema = z.strictObject({
  cio: z
    .strictObject({ name: optional(z.string().min(1)), title: z.string().default('CIO') })
    .default({ name: null, title: 'CIO' }),
  me: personSchema.default({ name: null, title: null }),
  defaultCioInformer: cioInformer.default('requester').describe('Who informs the CIO unless the request says otherwise'),
});

export const capacitySchema = z.strictObject({
  team: z.string().min(1).describe('Team name'),
  currency: currencyCode.default('USD').describe('ISO 4217 code for every money figure'),
  horizon: z
    .strictObject({ start: isoDate, end: isoDate })
    .superRefine(endNotBeforeStart('start', 'end'))
    .superRefine(horizonWithinLimits)
    .describe('The planning window, both ends included, at most 10 years'),
  calendar: calendarSchema.default({ workdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], holidays: [] }),
  focusFactor: z.number().min(LIMITS.focusFactor.min).max(1).default(0.8).describe('Share of a working day that goes to planned work'),
  members: z.array(memberSchema).min(1).max(LIMITS.members),
  commitments: commitmentsSchema.default([]),
  funding: fundingSchema.default({ contractorDailyRate: null, fteIncrement: 0.5 }),
  org: orgSchema.default({
    cio: { name: null, title: 'CIO' },
    me: { name: null, title: null },
    defaultCioInformer: 'requester',
  }),
});

/** Members or commitments may live in a CSV file next to the capacity file. */
export const csvSourceSchema = z.strictObject({
  csv: z.string().min(1).describe('path to the CSV file, relative to this capacity file'),
  format: z.enum(['pushback', 'jira']).default('pushback'),
  daysPerPoint: z.number().min(LIMITS.daysPerPoint.min).max(LIMITS.daysPerPoint.max).default(1).describe('Jira only: person-days per story point'),
});

/** What a capacity file may contain on disk: lists inline, or pointers to CSV files. */
export const capacityFileSchema = capacitySchema.extend({
  members: z.union([z.array(memberSchema).min(1).max(LIMITS.members), csvSourceSchema]),
  commitments: z.union([commitmentsSchema, csvSourceSchema]).default([]),
});

export type Member = z.infer<typeof memberSchema>;
export type Commitment = z.infer<typeof commitmentSchema>;
export type Capacity = z.infer<typeof capacitySchema>;
export type CapacityInput = z.input<typeof capacitySchema>;
export type CsvSource = z.infer<typeof csvSourceSchema>;
