import * as vscode from 'vscode';

/** Where Insert puts the reply: the text editor the user was last in, if any. */
export interface InsertTarget {
  document?: vscode.TextDocument;
  viewColumn?: vscode.ViewColumn;
}

/**
 * Insert the reply at the cursor of the editor the user was last in, replacing
 * any selection, as one edit (one undo step). The composer sits in the editor
 * area, so that editor is usually not the active one: it is shown again first.
 * Without any text editor the reply opens as a new Markdown document, so it is never lost.
 */
export async function insertReply(markdown: string, target: InsertTarget = {}): Promise<void> {
  const editor =
    vscode.window.activeTextEditor ??
    (target.document && !target.document.isClosed
      ? await vscode.window.showTextDocument(target.document, { viewColumn: target.viewColumn, preserveFocus: false })
      : vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme !== 'output'));
  if (!editor) {
    await openReplyDocument(markdown);
    return;
  }
  const done = await editor.edit((builder) => {
    for (const selection of editor.selections) builder.replace(selection, markdown);
  });
  if (!done) throw new Error('the editor did not accept the edit (is it read-only?)');
  await vscode.window.showTextDocument(editor.document, editor.viewColumn);
}

export async function openReplyDocument(markdown: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
}

export async function copyText(text: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
}
