import * as vscode from 'vscode';

/**
 * Insert the reply at the cursor of the editor the user was last in, replacing
 * any selection, as one edit (one undo step). Without a text editor the reply
 * opens as a new Markdown document instead, so it is never lost.
 */
export async function insertReply(markdown: string): Promise<void> {
  const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme !== 'output');
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
  await vscode.window.showTextDocument(document, { preview: false });
}

export async function copyText(text: string, what: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  void vscode.window.setStatusBarMessage(`$(check) Pushback: copied the reply as ${what}`, 3000);
}
