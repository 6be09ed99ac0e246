import * as vscode from 'vscode';
import { isDeepStrictEqual } from 'node:util';
import { localIsoDate, localeReadsDayFirst } from '../../core/selection/localDate';
import { type StakeholderPrefill, parseStakeholderText } from '../../core/selection/parseStakeholderText';
import type { DraftForm } from '../../core/draft/draftForm';
import { COMMANDS } from '../commandIds';
import { registerFailableCommand } from '../failableCommand';
import type { Services } from '../services';
import { draftFromPrefill, mergePrefill, prefillSummary, recognisedAnything, requestHasContent } from './prefillDraft';

export function activate(context: vscode.ExtensionContext, services: Services): void {
  registerFailableCommand(context, services.logger, COMMANDS.draftFromSelection, (text?: unknown, options?: unknown) =>
    draftFromSelection(
      services,
      typeof text === 'string' ? text : undefined,
      typeof options === 'object' && options !== null ? (options as DraftFromSelectionOptions) : {},
    ),
  );
}

export interface DraftFromSelectionOptions {
  /** The reference for "Friday" or "end of Q1", YYYY-MM-DD (default: the local today). */
  today?: string;
  /** Read `3/12` as 3 December (default: from the system locale). */
  dayFirst?: boolean;
  /** Open the composer afterwards (default true). */
  openComposer?: boolean;
}

export interface DraftFromSelectionResult {
  prefill: StakeholderPrefill;
  /** The draft as saved (unchanged when nothing was recognised or the user cancelled). */
  draft: DraftForm;
  summary: string;
  /** What happened to the draft that was there: `new` when it was empty. */
  change: 'new' | 'replace' | 'merge' | 'cancel' | 'none';
}

const REPLACE = 'Replace';
const MERGE = 'Merge';
const UNDO = 'Undo';

/**
 * Draft Reply from Selection: read the selected email or chat message, prefill the
 * draft with who asks, what, by when and the effort, and open the composer to finish
 * it. A draft that already has a request is not overwritten without asking: the user
 * replaces it, merges the selection into it (keeping every field the selection does not
 * state) or cancels; whatever changed can be undone from the notification.
 * `text` stands in for the selection (tests, other commands). Returns `undefined`
 * when there was nothing to read.
 */
export async function draftFromSelection(services: Services, text?: string, options: DraftFromSelectionOptions = {}): Promise<DraftFromSelectionResult | undefined> {
  const source = text ?? selectedText();
  if (!source.trim()) {
    void vscode.window.showWarningMessage(
      'Pushback: select the stakeholder\'s email or chat message in an editor first (paste it into a new file if it is in Outlook or Teams), then run Draft Reply from Selection.',
    );
    return undefined;
  }
  const prefill = parseStakeholderText(source, {
    today: options.today ?? localIsoDate(new Date()),
    dayFirst: options.dayFirst ?? localeReadsDayFirst(),
  });
  const summary = prefillSummary(prefill);
  const previous = services.drafts.get();
  if (!recognisedAnything(prefill)) {
    // Keep the draft as it was: clearing it for text that says nothing would only lose work.
    void vscode.window.showWarningMessage(`Pushback: no request recognised in the selection, so the draft is unchanged. ${prefill.notes.join(' ')}`.trim());
    return { prefill, draft: previous, summary, change: 'none' };
  }

  let change: DraftFromSelectionResult['change'] = 'new';
  if (requestHasContent(previous)) {
    const choice = await services.prompts.ask(
      `The draft already has a request${previous.title.trim() ? ` (“${previous.title.trim()}”)` : ''}. Replace it with the selection, or merge the selection into it?`,
      `${summary}\n\nReplace starts a new request from the selection. Merge keeps every field the selection does not state (rank, cost of delay, outcome…). Either can be undone.`,
      REPLACE,
      MERGE,
    );
    if (choice === undefined) return { prefill, draft: previous, summary, change: 'cancel' };
    change = choice === MERGE ? 'merge' : 'replace';
  }

  const draft = change === 'merge' ? mergePrefill(previous, prefill) : draftFromPrefill(previous, prefill);
  await services.drafts.update(draft);
  if (options.openComposer !== false) {
    try {
      await vscode.commands.executeCommand(COMMANDS.openComposer);
    } catch (error) {
      // The draft is saved either way; the composer shows it whenever it opens.
      services.logger.error('Could not open the composer', error);
    }
  }
  const done = change === 'merge' ? 'Merged the selection into the draft.' : change === 'replace' ? 'Replaced the draft.' : '';
  void services.prompts.inform(`Pushback: ${done ? `${done} ` : ''}${summary}`, UNDO).then(async (action) => {
    if (action === UNDO) await undoDraftChange(services, draft, previous);
  });
  return { prefill, draft, summary, change };
}

/**
 * Put the draft back as it was before the selection was read. When it was edited since,
 * undoing would also lose those edits, so that is asked first.
 */
async function undoDraftChange(services: Services, written: DraftForm, previous: DraftForm): Promise<void> {
  if (!sameDraft(services.drafts.get(), written)) {
    const choice = await services.prompts.ask(
      'The draft has changed since the selection was read. Undo anyway?',
      'Undo puts back the draft as it was before Draft Reply from Selection, losing the changes made since.',
      UNDO,
    );
    if (choice !== UNDO) return;
  }
  await services.drafts.update(previous);
}

/** Deep: a draft holds per-template field values as objects, which `===` never finds equal. */
function sameDraft(a: DraftForm, b: DraftForm): boolean {
  return isDeepStrictEqual(a, b);
}

/** Every non-empty selection of the active editor, in order: a message selected in two parts reads as one. */
function selectedText(): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return '';
  return editor.selections
    .filter((selection) => !selection.isEmpty)
    .sort((a, b) => a.start.compareTo(b.start))
    .map((selection) => editor.document.getText(selection))
    .join('\n\n');
}
