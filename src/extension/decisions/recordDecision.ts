import * as vscode from 'vscode';
import { vscodeFileSystem } from '../vscodeFileSystem';
import { DECISIONS_DIR, type DecisionSource, decisionFileName, decisionLogFiles, decisionRecordMarkdown, decisionSlug, sameReplyRecord } from '../../core/decisions/decisionRecord';
import { type CurrentReply, currentReply, currentReplyOrExplain } from '../currentReply';
import type { Services } from '../services';
import { readSettings } from '../settings';
import { isFileExistsError, writeFileAtomic } from '../../node/writeFileAtomic';

const recorded = new vscode.EventEmitter<vscode.Uri>();
/** Fires with each record written, so the Decisions view shows it without waiting for the file watcher. */
export const onDidRecordDecision = recorded.event;

/** `.pushback/decisions` in the first workspace folder, or `undefined` without a folder. */
export function decisionsFolder(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, ...DECISIONS_DIR.split('/')) : undefined;
}

export interface RecordDecisionOptions {
  /** The reply that left, when the caller has it already; else the current draft's is rendered. */
  reply?: CurrentReply;
  /**
   * The user asked for this record ("Save Decision"): it is written even with
   * `pushback.decisionLog` off, and every reason it cannot be is shown, not just logged.
   */
  explicit?: boolean;
}

/**
 * Record the current reply as a decision in `.pushback/decisions/YYYY-MM-DD-<slug>.md`
 * of the first workspace folder, after it was inserted, copied or posted (`via` says
 * how). Only when `pushback.decisionLog` is on (or the user asked), in a trusted
 * workspace with a folder. One reply keeps one record, listing every channel it left by.
 *
 * Never rejects: the reply has already left, so a record that cannot be written is a
 * warning (and a log line), not a failed action. Returns the record, or `undefined`.
 */
export async function recordDecision(services: Services, via: string | undefined, options: RecordDecisionOptions = {}): Promise<vscode.Uri | undefined> {
  const explicit = options.explicit ?? false;
  if (!explicit && !readSettings().decisionLog) return undefined;
  const notRecorded = (reason: string) => {
    services.logger.info(`No decision recorded: ${reason}`);
    if (explicit) void vscode.window.showWarningMessage(`Pushback: ${reason}`);
    return undefined;
  };
  if (!vscode.workspace.isTrusted) return notRecorded('the decision log is kept only in a trusted workspace; trust this folder to keep one.');
  const folder = decisionsFolder();
  if (!folder) return notRecorded(`open a folder to keep a decision log (${DECISIONS_DIR}).`);

  let reply = options.reply;
  if (!reply) {
    if (explicit) {
      reply = await currentReplyOrExplain(services);
    } else {
      const rendered = await currentReply(services);
      if (!rendered.ok) return notRecorded(rendered.summary);
      reply = rendered.value;
    }
    if (!reply) return undefined;
  }

  const source: DecisionSource = {
    input: reply.input,
    markdown: reply.markdown,
    template: { id: reply.template.frontMatter.id, name: reply.template.frontMatter.name },
    pack: { id: reply.pack.manifest.id, version: reply.pack.manifest.version },
    channels: via ? [via] : [],
  };
  try {
    const file = await writeDecision(folder, source);
    recorded.fire(file);
    const where = vscode.workspace.asRelativePath(file);
    services.logger.info(`Recorded the decision in ${where}${via ? ` (${via})` : ''}`);
    if (explicit) {
      void vscode.window.showInformationMessage(`Pushback: recorded the decision in ${where}.`, 'Open').then((choice) => {
        if (choice) void vscode.window.showTextDocument(file);
      });
    } else {
      void vscode.window.setStatusBarMessage(`$(check) Pushback: decision recorded in ${where}`, 3000);
    }
    return file;
  } catch (error) {
    services.logger.error('Could not record the decision', error);
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showWarningMessage(`Pushback: the decision could not be recorded in ${DECISIONS_DIR}: ${reason}`, 'Show Log').then((choice) => {
      if (choice) services.logger.show();
    });
    return undefined;
  }
}

/**
 * Write the record under the first free `YYYY-MM-DD-<slug>[-n].md`, atomically. One reply
 * keeps one record: when a record of the same reply is there (inserted, then copied, then
 * posted), the new channel is added to it instead, and nothing is written when it is listed
 * already. Two windows racing for one name: the rename refuses to overwrite, and the next
 * name is tried.
 */
async function writeDecision(folder: vscode.Uri, source: DecisionSource): Promise<vscode.Uri> {
  await vscode.workspace.fs.createDirectory(folder);
  const base = `${source.input.today}-${decisionSlug(source.input.request.title)}`;
  for (let attempt = 0; attempt < 5; attempt++) {
    const names = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
    const same = await sameReplyIn(folder, names, base, source);
    if (same) {
      const text = decisionRecordMarkdown(same.merged);
      if (text !== same.text) await writeFileAtomic(same.file.fsPath, text, { overwrite: true });
      return same.file;
    }
    const file = vscode.Uri.joinPath(folder, decisionFileName(source.input.today, source.input.request.title, names));
    try {
      await writeFileAtomic(file.fsPath, decisionRecordMarkdown(source), { overwrite: false });
      return file;
    } catch (error) {
      if (!isFileExistsError(error)) throw error;
    }
  }
  throw new Error('every file name tried was taken meanwhile; try again');
}

/** The record of the same reply among today's records of this title, with the source to write in its place. */
async function sameReplyIn(folder: vscode.Uri, names: readonly string[], base: string, source: DecisionSource): Promise<{ file: vscode.Uri; text: string; merged: DecisionSource } | undefined> {
  const sameSeries = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(-\\d+)?\\.md$`, 'i');
  for (const name of names.filter((n) => sameSeries.test(n))) {
    const file = vscode.Uri.joinPath(folder, name);
    let text: string;
    try {
      // Through the log's rule: a link leading out of it, a device or a huge file is never read.
      text = await decisionLogFiles(vscodeFileSystem, folder.fsPath).readText(file.fsPath);
    } catch {
      continue; // Unreadable (removed meanwhile, a folder by that name, a link elsewhere): not the same record.
    }
    const merged = sameReplyRecord(text, source);
    if (merged) return { file, text, merged };
  }
  return undefined;
}
