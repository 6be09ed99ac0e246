import * as vscode from 'vscode';
import { type Problem, formatProblem } from '../../core/problems';
import type { Capacity } from '../../core/schema/capacity';
import type { DraftForm } from '../../shared/draftForm';
import type { Logger } from '../logger';
import type { Services } from '../services';

/*
 * Shared by the commands that need the draft's capacity (Insert Template, Show
 * Analysis, Select Capacity File). They could live in src/extension/ beside
 * failableCommand.ts; they sit here because this is the capacity feature.
 */

export interface DraftCapacity {
  file: string;
  capacity: Capacity;
  /** How to name the file to the user: a workspace-relative path, or the sample. */
  label: string;
}

/**
 * The draft's capacity file, loaded; or `undefined` after telling the user what is
 * wrong with it, at which line, with an action to open it there.
 */
export async function capacityForDraft(services: Services, draft: DraftForm): Promise<DraftCapacity | undefined> {
  const file = await services.resolveCapacityFile(draft.capacityFile);
  const loaded = await services.loadCapacity(file);
  const label = capacityLabel(services, file);
  if (!loaded.ok) {
    showProblems(services.logger, loaded.problems.length === 1 ? 'The capacity file has a problem:' : `The capacity file has ${loaded.problems.length} problems; the first:`, loaded.problems);
    return undefined;
  }
  return { file, capacity: loaded.value, label };
}

export function capacityLabel(services: Services, file: string): string {
  return file === services.sample.capacityFile ? 'the built-in sample' : vscode.workspace.asRelativePath(file);
}

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
