import type { AnalysisView, ProposalKind, RenderedUpdate } from './protocol';

/**
 * The last figures and preview the composer showed, kept so that a page starting over (a
 * window reload, a tab shown again) paints them at once, marked as updating until the
 * host's fresh render replaces them: in the page's own webview state, and on the host (in
 * workspace storage, which a web host writes at once, where it writes webview state only
 * now and then). Only for showing: every action runs on the host from the stored draft.
 * The Teams card is not kept (it is big and only shown on request): a Teams preview waits
 * for the host.
 */
export type SavedUpdate = Omit<RenderedUpdate, 'teamsCard' | 'renderMs'>;

export function toSaved(update: RenderedUpdate): SavedUpdate {
  const saved: SavedUpdate & Partial<Pick<RenderedUpdate, 'teamsCard' | 'renderMs'>> = { ...update };
  delete saved.teamsCard;
  delete saved.renderMs;
  return saved;
}

/* Checked by hand, field by field, not with zod: this module is part of the page's bundle too. */
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const arrayOf = <T>(value: unknown, check: (item: unknown) => item is T): value is T[] => Array.isArray(value) && value.every(check);
const KINDS: readonly unknown[] = ['defer', 'descope', 'swap', 'fund'] satisfies ProposalKind[];

const isFigure = (v: unknown): v is AnalysisView['figures'][number] => isRecord(v) && isString(v.label) && isString(v.value) && (v.emphasis === undefined || typeof v.emphasis === 'boolean');
const isDelay = (v: unknown): v is AnalysisView['delays'][number] =>
  isRecord(v) && ['id', 'title', 'from', 'to', 'days', 'cost'].every((k) => isString(v[k])) && isNumber(v.fromAt) && isNumber(v.toAt) && typeof v.missesDeadline === 'boolean';
const isAlternative = (v: unknown): v is AnalysisView['alternatives'][number] => isRecord(v) && KINDS.includes(v.kind) && isString(v.label) && isString(v.detail) && typeof v.available === 'boolean';
const isProblem = (v: unknown): boolean => isRecord(v) && isString(v.text) && isString(v.file) && isNumber(v.line) && isNumber(v.column);

function isAnalysis(v: unknown): v is AnalysisView {
  return (
    isRecord(v) &&
    isString(v.team) &&
    (v.utilizationBefore === null || isNumber(v.utilizationBefore)) &&
    (v.utilizationAfter === null || isNumber(v.utilizationAfter)) &&
    arrayOf(v.figures, isFigure) &&
    arrayOf(v.delays, isDelay) &&
    isNumber(v.moreDelays) &&
    isString(v.fundingAsk) &&
    arrayOf(v.alternatives, isAlternative) &&
    KINDS.includes(v.proposal) &&
    isString(v.informCio) &&
    arrayOf(v.warnings, isString)
  );
}

/** The saved update if it has the shape the page shows, else undefined (nothing is painted from it): it may come from an older version, or be anything. */
export function checkSavedUpdate(value: unknown): SavedUpdate | undefined {
  if (!isRecord(value)) return undefined;
  const ok =
    isNumber(value.seq) &&
    isString(value.capacityFile) &&
    isRecord(value.errors) &&
    Object.values(value.errors).every(isString) &&
    Array.isArray(value.problems) &&
    value.problems.every(isProblem) &&
    (value.analysis === null || isAnalysis(value.analysis)) &&
    isString(value.html) &&
    isString(value.templateId) &&
    (value.missingTemplate === null || isString(value.missingTemplate)) &&
    typeof value.cioNoteNeeded === 'boolean' &&
    isString(value.hint);
  return ok ? (value as unknown as SavedUpdate) : undefined;
}
