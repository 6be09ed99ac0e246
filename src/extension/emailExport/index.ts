import * as os from 'node:os';
import * as vscode from 'vscode';
import { decisionSlug } from '../../core/decisions/decisionRecord';
import { replyToEml } from '../../core/outputs/eml';
import { writeFileAtomic } from '../../node/writeFileAtomic';
import { COMMANDS } from '../commandIds';
import { currentReplyOrExplain } from '../currentReply';
import { recordDecision } from '../decisions/recordDecision';
import { registerFailableCommand } from '../failableCommand';
import type { Services } from '../services';
import { showProblems } from '../showProblems';

export function activate(context: vscode.ExtensionContext, services: Services): void {
  // `{ target }` (a path or a Uri) skips the save dialog, for tests and scripts.
  registerFailableCommand(context, services.logger, COMMANDS.saveReplyAsEml, (options?: unknown) => saveReplyAsEml(services, emlTarget(options)));
}

/** Save Reply as Email (.eml)…: a draft email (subject, plain text and HTML) that Outlook opens ready to address. */
export async function saveReplyAsEml(services: Services, target?: vscode.Uri): Promise<string | undefined> {
  const reply = await currentReplyOrExplain(services);
  if (!reply) return undefined;
  const eml = replyToEml(reply.template, reply.input, reply.markdown);
  if (!eml.ok) {
    showProblems(services.logger, 'The email subject could not be rendered:', eml.problems);
    return undefined;
  }
  const file =
    target ??
    (await vscode.window.showSaveDialog({
      title: 'Save Reply as Email',
      saveLabel: 'Save Email',
      defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir()), `${decisionSlug(reply.input.request.title)}.eml`),
      filters: { 'Email message': ['eml'] },
    }));
  if (!file) return undefined;
  // The save dialog has already asked before replacing a file.
  await writeFileAtomic(file.fsPath, eml.value, { overwrite: true });
  services.logger.info(`Saved the reply as ${file.fsPath}`);
  await recordDecision(services, 'saved as an email (.eml)', { reply });
  void vscode.window.showInformationMessage(`Pushback: saved the reply as ${vscode.workspace.asRelativePath(file)}; open it in Outlook or Mail to address and send it.`);
  return file.fsPath;
}

function emlTarget(options: unknown): vscode.Uri | undefined {
  const target = typeof options === 'object' && options !== null ? (options as { target?: unknown }).target : undefined;
  if (target instanceof vscode.Uri) return target;
  return typeof target === 'string' && target ? vscode.Uri.file(target) : undefined;
}
