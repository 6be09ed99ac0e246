import type { DraftField, DraftForm } from '../../core/draft/draftForm';
import type { AnalysisView, CapacityOption, ComposerUpdate, PreviewMode, TemplateOption } from '../../shared/protocol';
import { loadState, saveState, send } from './api';
import { keystrokeSent } from './latency';
import { type SavedUpdate, toSaved } from '../../shared/savedUpdate';

/** The newest update, whole: what the host left out as unchanged filled in from the one before. */
export type ShownUpdate = Omit<ComposerUpdate, 'analysis' | 'html'> & { analysis: AnalysisView | null; html: string };

/**
 * The page's one state. The draft here is what every control shows and what the
 * host renders: each change (typed, clicked or chosen with the arrow keys) goes
 * through {@link change}, which saves it and sends it before anything else happens.
 */
export const page = {
  draft: undefined as DraftForm | undefined,
  previewMode: 'email' as PreviewMode,
  templates: [] as TemplateOption[],
  capacities: [] as CapacityOption[],
  trusted: true,
  update: undefined as ShownUpdate | undefined,
  /** False while the update shown is the one saved before a reload, until the host's first render replaces it. */
  fresh: true,
  /** Fields the user has typed in: a blank new draft should invite, not scold. */
  touched: new Set<DraftField>(),
  seq: 0,
  newestShown: 0,
};

const saved = loadState();
page.draft = saved.draft;
page.previewMode = saved.previewMode;
/** What the saved state holds of the figures: the last fresh update (the one restored is already there). */
let savedUpdate: SavedUpdate | undefined = saved.update;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
if (saved.update) restoreUpdate(saved.update);

/** Show figures saved before the page started over, as updating until the host's fresh render arrives. */
export function restoreUpdate(update: SavedUpdate): void {
  page.update = { ...update, teamsCard: null };
  page.fresh = false;
}

/**
 * Called after each change is sent: the page renders the preview itself when it can
 * (see localRender.ts); `willRender` says beforehand whether it can, and the host is told.
 */
let afterChange: () => void = () => undefined;
let willRender: (draft: DraftForm) => boolean = () => false;

export function onChangeSent(canRender: (draft: DraftForm) => boolean, callback: () => void): void {
  willRender = canRender;
  afterChange = callback;
}

function sendChange(draft: DraftForm): void {
  send({ type: 'formChanged', seq: page.seq, draft, ...(willRender(draft) ? { renderedInPage: true } : {}) });
  afterChange();
}

export function persist(): void {
  saveState({ draft: page.draft, previewMode: page.previewMode, ...(savedUpdate ? { update: savedUpdate } : {}) });
}

/** Keep the newest figures for a reload, a moment later: a burst of keystrokes saves once. */
function persistUpdateSoon(): void {
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    if (page.update && page.fresh) savedUpdate = toSaved(page.update);
    persist();
  }, 250);
}

/** One field changed: keep it, and ask the host for a new analysis and preview. */
export function change(field: DraftField, value: string): void {
  if (!page.draft || page.draft[field] === value) return;
  page.touched.add(field);
  page.draft = { ...page.draft, [field]: value };
  persist();
  page.seq += 1;
  keystrokeSent(page.seq);
  sendChange(page.draft);
}

/** A value in the "This template asks" section: kept per template, sent like any other edit. */
export function changeFieldValue(templateId: string, id: string, value: string | number | boolean | null): void {
  if (!page.draft) return;
  const all = page.draft.fieldValues ?? {};
  page.draft = { ...page.draft, fieldValues: { ...all, [templateId]: { ...all[templateId], [id]: value } } };
  persist();
  page.seq += 1;
  keystrokeSent(page.seq);
  sendChange(page.draft);
}

export function setPreviewMode(mode: PreviewMode): void {
  page.previewMode = mode;
  persist();
  send({ type: 'previewMode', mode });
}

/** Merge an update into the page's state; false when it is older than one already shown. */
export function acceptUpdate(update: ComposerUpdate): boolean {
  // Only the newest answer counts: an older render finishing late must not overwrite a newer one.
  if (update.seq !== 0 && update.seq < page.newestShown) return false;
  page.newestShown = Math.max(page.newestShown, update.seq);
  const previous = page.update;
  page.update = {
    ...update,
    analysis: update.analysis === 'same' ? (previous?.analysis ?? null) : update.analysis,
    html: update.html === null ? (previous?.html ?? '') : update.html,
  };
  page.fresh = true;
  persistUpdateSoon();
  return true;
}
