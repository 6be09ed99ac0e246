import { formatDate } from '../../core/engine/helpers/dates';
import { formatDays } from '../../core/engine/helpers/numbers';
import type { StakeholderPrefill } from '../../core/selection/parseStakeholderText';
import { type DraftForm, REQUEST_FIELDS, emptyDraft } from '../../core/draft/draftForm';

/*
 * From what the stakeholder's text says to the draft and the message shown to the
 * user: free of `vscode`, so unit tests reach it.
 */

/**
 * The draft for a new stakeholder message: every field that describes the request is
 * replaced (a field the text does not give is cleared, so the old request's effort or
 * date never silently carries over), while the capacity file and template stay.
 */
export function draftFromPrefill(draft: DraftForm, prefill: StakeholderPrefill): DraftForm {
  const fresh = emptyDraft();
  return {
    ...draft,
    title: prefill.title ?? '',
    requesterName: prefill.requesterName ?? '',
    requesterTitle: prefill.requesterTitle ?? '',
    effortDays: prefill.effortDays === undefined ? '' : String(prefill.effortDays),
    neededBy: prefill.neededBy ?? '',
    rank: fresh.rank,
    costOfDelayPerWeek: fresh.costOfDelayPerWeek,
    outcome: fresh.outcome,
    informsCio: fresh.informsCio,
    // The alternatives belong to the old request's analysis.
    proposal: fresh.proposal,
  };
}

/**
 * The draft with what the selection states written over it, and every other field kept
 * (rank, cost of delay, outcome, who informs the CIO, the proposal): for a message that
 * adds to the request being drafted, not a new one. The requester's title goes with
 * the requester: a different person named without a title does not inherit the old one.
 */
export function mergePrefill(draft: DraftForm, prefill: StakeholderPrefill): DraftForm {
  const samePerson = prefill.requesterName === undefined || firstWord(prefill.requesterName) === firstWord(draft.requesterName);
  return {
    ...draft,
    ...(prefill.title !== undefined ? { title: prefill.title } : {}),
    ...(prefill.requesterName !== undefined ? { requesterName: prefill.requesterName } : {}),
    requesterTitle: prefill.requesterTitle ?? (samePerson ? draft.requesterTitle : ''),
    ...(prefill.effortDays !== undefined ? { effortDays: String(prefill.effortDays) } : {}),
    ...(prefill.neededBy !== undefined ? { neededBy: prefill.neededBy } : {}),
  };
}

function firstWord(name: string): string {
  return name.trim().split(/\s+/)[0].toLowerCase();
}

/** Whether anything of the request has been typed (the capacity file, template and proposal do not count). */
export function requestHasContent(draft: DraftForm): boolean {
  const blank = emptyDraft();
  return REQUEST_FIELDS.some((field) => draft[field] !== blank[field]);
}

export function recognisedAnything(prefill: StakeholderPrefill): boolean {
  return [prefill.title, prefill.requesterName, prefill.neededBy, prefill.effortDays].some((value) => value !== undefined);
}

/** "Recognised “Portal” from Dana Whitfield (VP Sales), needed by Fri 12 Mar 2027 (“by 12 March”). Still to fill in: the effort." */
export function prefillSummary(prefill: StakeholderPrefill): string {
  const found: string[] = [];
  if (prefill.title) found.push(`“${prefill.title}”`);
  if (prefill.requesterName) found.push(`from ${prefill.requesterName}${prefill.requesterTitle ? ` (${prefill.requesterTitle})` : ''}`);
  if (prefill.neededBy) found.push(`needed by ${formatDate(prefill.neededBy, true)} (“${prefill.evidence.neededBy}”)`);
  if (prefill.effortDays !== undefined) found.push(`effort ${formatDays(prefill.effortDays)} (“${prefill.evidence.effortDays}”)`);
  const missing = [
    prefill.title ? '' : 'what is asked',
    prefill.requesterName ? '' : 'who is asking',
    prefill.effortDays !== undefined ? '' : 'the effort',
    prefill.neededBy ? '' : 'the date',
  ].filter(Boolean);
  const sentences = [found.length > 0 ? `Recognised ${found.join(', ')}.` : 'Recognised nothing.'];
  if (missing.length > 0) sentences.push(`Still to fill in: ${missing.join(', ')}.`);
  sentences.push(...prefill.notes.map((note) => (/[.!?]$/.test(note) ? note : `${note}.`)));
  return sentences.join(' ');
}
