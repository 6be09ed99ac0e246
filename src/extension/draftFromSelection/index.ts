import * as vscode from 'vscode';
import { localIsoDate, localeReadsDayFirst } from '../../core/selection/localDate';
import { type StakeholderPrefill, parseStakeholderText } from '../../core/selection/parseStakeholderText';
import type { DraftForm } from '../../core/draft/draftForm';
import { COMMANDS } from '../commandIds';
import { registerFailableCommand } from '../failableCommand';
import type { Services } from '../services';
import { draftFromPrefill, prefillSummary, recognisedAnything } from './prefillDraft';

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
  /** The draft as saved (unchanged when nothing was recognised). */
  draft: DraftForm;
  summary: string;
}

/**
 * Draft Reply from Selection: read the selected email or chat message, prefill the
 * draft with who asks, what, by when and the effort, and open the composer to finish
 * it. `text` stands in for the selection (tests, other commands). Returns `undefined`
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
  const current = services.drafts.get();
  if (!recognisedAnything(prefill)) {
    // Keep the draft as it was: clearing it for text that says nothing would only lose work.
    void vscode.window.showWarningMessage(`Pushback: no request recognised in the selection, so the draft is unchanged. ${prefill.notes.join(' ')}`.trim());
    return { prefill, draft: current, summary };
  }

  const draft = draftFromPrefill(current, prefill);
  await services.drafts.update(draft);
  if (options.openComposer !== false) {
    try {
      await vscode.commands.executeCommand(COMMANDS.openComposer);
    } catch (error) {
      // The draft is saved either way; the composer shows it whenever it opens.
      services.logger.error('Could not open the composer', error);
    }
  }
  void vscode.window.showInformationMessage(`Pushback: ${summary}`);
  return { prefill, draft, summary };
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
