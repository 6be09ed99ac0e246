import { z } from 'zod';
import { LIMITS, cioInformer, effortDays, isoDate, money, optional } from './fields';

export const requestSchema = z.strictObject({
  title: z.string().min(1).describe('What is being asked for'),
  requester: z.strictObject({
    name: z.string().min(1).describe('Who is asking'),
    title: optional(z.string()).describe('Their job title'),
  }),
  effortDays: effortDays.describe('Estimated effort in person-days'),
  rank: z.number().int().min(1).max(LIMITS.rank.max).default(1).describe('Where the requester wants it in the priority order (1 = most important)'),
  neededBy: optional(isoDate).describe('When the requester needs it (YYYY-MM-DD)'),
  costOfDelayPerWeek: money.default(0).describe('Money lost per week of delay, in the capacity file\'s currency'),
  outcome: optional(z.string()).describe('The business outcome it is for'),
  informsCio: optional(cioInformer).describe('Who informs the CIO of the change in priorities (default: org.defaultCioInformer)'),
});

export type Request = z.infer<typeof requestSchema>;
export type RequestInput = z.input<typeof requestSchema>;
