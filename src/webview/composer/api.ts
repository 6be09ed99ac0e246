import type { DraftField, DraftForm } from '../../core/draft/draftForm';
import type { FromWebview, PreviewMode } from '../../shared/protocol';
import { checkSavedUpdate, type SavedUpdate } from '../../shared/savedUpdate';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

export const send = (message: FromWebview): void => vscode.postMessage(message);

/** What the page keeps in the webview's own state, to paint at once when it is shown again. */
export interface SavedState {
  draft?: DraftForm;
  previewMode: PreviewMode;
  /** The figures and preview last shown, painted (as updating) when the page starts over. */
  update?: SavedUpdate;
}

/* Checked by hand rather than with the host's zod schema: that module brings the template engine into the page. */
const TEXT_FIELDS = { title: true, requesterName: true, requesterTitle: true, effortDays: true, neededBy: true, rank: true, costOfDelayPerWeek: true, outcome: true, capacityFile: true, templateId: true } as const;
const CHOICES = { informsCio: ['', 'requester', 'me', 'sponsor'], proposal: ['', 'defer', 'descope', 'swap', 'fund'] } as const;
// Every field of the draft is checked: adding one to DraftForm without adding it here fails to compile.
const CHECKED: Record<DraftField, true> = { ...TEXT_FIELDS, informsCio: true, proposal: true };

function isDraft(value: unknown): value is DraftForm {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (Object.keys(CHECKED).some((field) => !(field in record))) return false;
  if (Object.keys(TEXT_FIELDS).some((field) => typeof record[field] !== 'string')) return false;
  // The template fields' values ride along untouched (the page does not edit them): they must be there to be kept.
  if (typeof record.fieldValues !== 'object' || record.fieldValues === null || Array.isArray(record.fieldValues)) return false;
  return Object.entries(CHOICES).every(([field, allowed]) => (allowed as readonly unknown[]).includes(record[field]));
}

/** The saved state, checked: an older page version (or anything else) may have saved another shape. */
export function loadState(): SavedState {
  const saved = vscode.getState() as { draft?: unknown; previewMode?: unknown; update?: unknown } | undefined;
  const draft = isDraft(saved?.draft) ? saved.draft : undefined;
  return {
    draft,
    previewMode: saved?.previewMode === 'teams' ? 'teams' : 'email',
    // Figures without their draft would describe a request the page does not show.
    update: draft ? checkSavedUpdate(saved?.update) : undefined,
  };
}

export function saveState(state: SavedState): void {
  vscode.setState(state);
}
