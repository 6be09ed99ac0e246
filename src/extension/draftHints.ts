import type { DraftFailure } from '../core/draft/draftReply';
import type { DraftField, FieldErrors } from '../core/draft/draftForm';
import type { Problem } from '../core/problems';
import { missingTemplateText } from '../shared/draftOutcomes';

export { missingTemplateText, type TeamsCardOutcome, teamsCardFor } from '../shared/draftOutcomes';

/*
 * Why there is no reply (or no card), in the extension's words. The core says it
 * with data (a stage, field errors, a remedy); the composer and the commands
 * phrase it here, once, so they say the same thing.
 */

/** The form's fields in words, for messages about an incomplete draft. */
const FIELD_NAMES: Partial<Record<DraftField, string>> = {
  title: 'what is asked',
  requesterName: 'who is asking',
  effortDays: 'the effort',
  neededBy: 'the needed-by date',
  rank: 'the rank',
  costOfDelayPerWeek: 'the cost of delay',
  outcome: 'the outcome',
  informsCio: 'who informs the CIO',
};

/** "missing or invalid: what is asked, the effort" */
export function incompleteFields(errors: FieldErrors): string {
  const names = (Object.keys(errors) as DraftField[]).map((field) => FIELD_NAMES[field] ?? field);
  return names.length === 0 ? 'it does not yet make a valid request' : `missing or invalid: ${names.join(', ')}`;
}

/**
 * A sentence saying why the draft has no reply. Where the cause is in a file,
 * `problems` locate it (the caller offers to open it); where it is in the draft
 * itself, there are none (the caller offers the composer).
 */
export function explainDraftFailure(failure: DraftFailure): { summary: string; problems: Problem[] } {
  switch (failure.stage) {
    case 'data':
      return { summary: 'The capacity file has a problem:', problems: failure.problems };
    case 'form':
      return { summary: `The draft is not complete yet: ${incompleteFields(failure.errors)}. Fill it in in the composer.`, problems: [] };
    case 'template':
      return { summary: missingTemplateText(failure.templateId), problems: [] };
    case 'render':
      return { summary: 'The template could not be rendered:', problems: failure.problems };
  }
}

