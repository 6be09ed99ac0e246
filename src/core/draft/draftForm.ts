import { z } from 'zod';
import { PROPOSALS } from '../engine/replyContext';
import { type Request, type RequestInput, requestSchema } from '../schema/request';

/**
 * What the composer's form holds, exactly as typed: numbers stay strings until
 * they are checked, so a half-typed "4." is kept rather than lost. The same
 * shape is saved in webview state and workspace storage, which is how a draft
 * survives closing the view or reloading the window.
 */
export const draftFormSchema = z.object({
  title: z.string().default(''),
  requesterName: z.string().default(''),
  requesterTitle: z.string().default(''),
  effortDays: z.string().default(''),
  neededBy: z.string().default(''),
  rank: z.string().default('1'),
  costOfDelayPerWeek: z.string().default(''),
  outcome: z.string().default(''),
  informsCio: z.enum(['', 'requester', 'me', 'sponsor']).default(''),
  /** Absolute path of the capacity file; empty means the built-in sample. */
  capacityFile: z.string().default(''),
  templateId: z.string().default(''),
  proposal: z.enum(['', ...PROPOSALS]).default(''),
  /** Values for templates' own fields, per template id, so switching templates loses nothing. */
  fieldValues: z.record(z.string(), z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))).default({}),
});

export type DraftForm = z.infer<typeof draftFormSchema>;
/** The form's text fields (everything but the per-template field values). */
export type DraftField = Exclude<keyof DraftForm, 'fieldValues'>;

/** The fields that describe the request (not the data file, template or proposal chosen for it). */
export const REQUEST_FIELDS = ['title', 'requesterName', 'requesterTitle', 'effortDays', 'neededBy', 'rank', 'costOfDelayPerWeek', 'outcome', 'informsCio'] as const satisfies readonly DraftField[];

export function emptyDraft(overrides: Partial<DraftForm> = {}): DraftForm {
  return { ...draftFormSchema.parse({}), ...overrides };
}

/** Which form field a request-schema path belongs to, so errors show beside the right input. */
const FIELD_OF_PATH: Record<string, DraftField> = {
  title: 'title',
  'requester.name': 'requesterName',
  requester: 'requesterName',
  'requester.title': 'requesterTitle',
  effortDays: 'effortDays',
  neededBy: 'neededBy',
  rank: 'rank',
  costOfDelayPerWeek: 'costOfDelayPerWeek',
  outcome: 'outcome',
  informsCio: 'informsCio',
};

export type FieldErrors = Partial<Record<DraftField, string>>;

/** Turn the form into a validated request, or say what is wrong beside each field. */
export function requestFromDraft(draft: DraftForm): { ok: true; request: Request } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const number = (field: DraftField, text: string): number | undefined => {
    if (text.trim() === '') return undefined;
    const value = Number(text.trim());
    if (!Number.isFinite(value)) errors[field] = 'Enter a number, like 12 or 2.5';
    return value;
  };
  const input: RequestInput = {
    title: draft.title.trim(),
    requester: { name: draft.requesterName.trim(), title: draft.requesterTitle.trim() || null },
    effortDays: number('effortDays', draft.effortDays) as number,
    rank: number('rank', draft.rank),
    neededBy: draft.neededBy.trim() || null,
    costOfDelayPerWeek: number('costOfDelayPerWeek', draft.costOfDelayPerWeek),
    outcome: draft.outcome.trim() || null,
    informsCio: draft.informsCio || null,
  };
  const parsed = requestSchema.safeParse(input);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, request: parsed.data };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = FIELD_OF_PATH[issue.path.join('.')] ?? FIELD_OF_PATH[String(issue.path[0])];
    if (field && !errors[field]) errors[field] = fieldMessage(field, issue);
  }
  return { ok: false, errors };
}

function fieldMessage(field: DraftField, issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' || (issue.code === 'too_small' && issue.origin === 'string')) {
    const what: Partial<Record<DraftField, string>> = {
      title: 'Say what is being asked for',
      requesterName: 'Say who is asking',
      effortDays: 'Estimate the effort in person-days',
    };
    return what[field] ?? 'Required';
  }
  if (issue.code === 'too_small') return issue.inclusive ? `Must be at least ${issue.minimum}` : `Must be more than ${issue.minimum}`;
  if (field === 'rank') return 'Use a whole number, 1 or more';
  if (field === 'neededBy') return 'Use a real date, YYYY-MM-DD';
  return issue.message;
}
