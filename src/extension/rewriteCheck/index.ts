import * as vscode from 'vscode';
import { type RewriteCheck, checkRewrite } from '../../core/rewriteCheck/checkRewrite';
import { figureContext } from '../../core/rewriteCheck/figureContext';
import { COMMANDS } from '../commandIds';
import { currentReplyOrExplain } from '../currentReply';
import { registerFailableCommand } from '../failableCommand';
import type { Services } from '../services';

export const REWRITE_DIAGNOSTIC_SOURCE = 'Pushback figure check';

/** Check a Rewritten Reply: the figure check on a rewrite made in any tool, shown as diagnostics where the rewrite differs. */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  const diagnostics = vscode.languages.createDiagnosticCollection('pushback-rewrite');
  context.subscriptions.push(
    diagnostics,
    // Once the rewrite is edited the ranges are stale: run the check again to refresh them.
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) diagnostics.delete(event.document.uri);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.delete(document.uri)),
  );
  registerFailableCommand(context, services.logger, COMMANDS.checkRewrite, () => checkRewrittenReply(services, diagnostics));
}

/**
 * The active editor's text (or its selection) is taken as a rewrite of the composer's
 * current reply. Changed or invented figures are errors where they stand; missing key
 * figures are warnings at the start of the rewrite.
 */
export async function checkRewrittenReply(services: Services, diagnostics: vscode.DiagnosticCollection): Promise<RewriteCheck | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage('Pushback: open the rewritten reply in an editor first (paste it into a new file), then run Check a Rewritten Reply.');
    return undefined;
  }
  const reply = await currentReplyOrExplain(services);
  if (!reply) return undefined;
  const { document } = editor;
  const range = editor.selection.isEmpty ? new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)) : editor.selection;
  const base = document.offsetAt(range.start);
  const result = checkRewrite(reply.markdown, document.getText(range), figureContext(reply.input));

  diagnostics.set(
    document.uri,
    result.differences.map((difference) => {
      const start = difference.in === 'rewrite' ? document.positionAt(base + difference.offset) : range.start;
      const end = difference.in === 'rewrite' ? document.positionAt(base + difference.offset + difference.text.length) : document.lineAt(range.start.line).range.end;
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(start, end),
        difference.kind === 'changed' ? `${difference.message}. Use the computed reply's figure, or leave it out.` : `Key figure missing: ${difference.message}.`,
        difference.kind === 'changed' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.source = REWRITE_DIAGNOSTIC_SOURCE;
      return diagnostic;
    }),
  );
  const changed = result.differences.filter((d) => d.kind === 'changed').length;
  const missing = result.differences.length - changed;
  if (result.differences.length === 0) {
    void vscode.window.showInformationMessage(`Pushback: all ${result.figures} figures kept, and all ${result.keyFigures} key figures.`);
  } else {
    void vscode.window.showWarningMessage(`Pushback: the rewrite changes or invents ${changed} figure${changed === 1 ? '' : 's'} and drops ${missing} key figure${missing === 1 ? '' : 's'} (see Problems).`);
  }
  return result;
}
