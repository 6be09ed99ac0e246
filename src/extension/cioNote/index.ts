import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { currentReplyOrExplain } from '../currentReply';
import { registerFailableCommand } from '../failableCommand';
import type { Services } from '../services';

/** The built-in pack's "Inform the CIO" template; a pack installed later may override it by id. */
export const CIO_NOTE_TEMPLATE_ID = 'inform-cio';

export function activate(context: vscode.ExtensionContext, services: Services): void {
  registerFailableCommand(context, services.logger, COMMANDS.draftCioNote, () => draftCioNote(services));
}

export interface CioNoteResult {
  uri: string;
  markdown: string;
  /** Whether the analysis says the CIO must hear of this change (something slips or the quarter overflows). */
  needed: boolean;
}

/**
 * Draft the CIO Note: the second artifact beside the reply, the note to the CIO
 * about the change in priorities, for the current draft, as a new Markdown document
 * for whoever informs them. When nothing slips the template says so itself.
 */
export async function draftCioNote(services: Services): Promise<CioNoteResult | undefined> {
  const note = await currentReplyOrExplain(services, { templateId: CIO_NOTE_TEMPLATE_ID });
  if (!note) return undefined;
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: note.markdown });
  await vscode.window.showTextDocument(document, { preview: false });
  const { informCio } = note.input.analysis;
  if (!informCio.needed) {
    void vscode.window.showInformationMessage('Pushback: this request changes no priorities (nothing slips, the quarter does not overflow), so the CIO need not be told; the note is here if you want to keep them informed.');
  }
  return { uri: document.uri.toString(), markdown: note.markdown, needed: informCio.needed };
}
