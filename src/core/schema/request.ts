import { z } from 'zod';
import { cioInformer, isoDate, optional } from './fields';

export const requestSchema = z.strictObject({
  title: z.string().min(1),
  requester: z.strictObject({
    name: z.string().min(1),
    title: optional(z.string()),
  }),
  effortDays: z.number().positive(),
  rank: z.number().int().min(1).default(1),
  neededBy: optional(isoDate),
  costOfDelayPerWeek: z.number().min(0).default(0),
  outcome: optional(z.string()),
  informsCio: optional(cioInformer),
});

export type Request = z.infer<typeof requestSchema>;
export type RequestInput = z.input<typeof requestSchema>;
