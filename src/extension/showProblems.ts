import * as vscode from 'vscode';
import { type Problem, formatProblem } from '../core/problems';
import type { Logger } from './logger';

/**
 * An error naming the first problem as `file:line` with its fix, an "Open File" action
 * that goes to that line, and every problem in the log. Not awaited by callers: a
 * command finishes while the notification is still showing.
 */
export function showProblems(logger: Logger, summary: string, problems: readonly Problem[]): void {
  logger.error(`${summary}\n${problems.map(formatProblem).join('\n')}`);
  const first = problems[0];
  if (!first) {
    void vscode.window.showErrorMessage(`Pushback: ${summary}`);
    return;
  }
  const isFile = !first.file.startsWith('<');
  const where = isFile ? `${vscode.workspace.asRelativePath(first.file)}:${first.line}: ` : '';
  const field = first.path ? `${first.path}: ` : '';
  const hint = first.hint ? ` (${first.hint})` : '';
  const more = problems.length > 1 ? ` And ${problems.length - 1} more in the log.` : '';
  const actions = [...(isFile ? ['Open File'] : []), ...(problems.length > 1 ? ['Show Log'] : [])];
  void vscode.window.showErrorMessage(`Pushback: ${summary} ${where}${field}${first.message}${hint}.${more}`, ...actions).then(async (choice) => {
    if (choice === 'Show Log') logger.show();
    if (choice === 'Open File') {
      const position = new vscode.Position(Math.max(0, first.line - 1), Math.max(0, first.column - 1));
      try {
        await vscode.window.showTextDocument(vscode.Uri.file(first.file), { selection: new vscode.Range(position, position) });
      } catch (error) {
        logger.error(`Could not open ${first.file}`, error);
      }
    }
  });
}
