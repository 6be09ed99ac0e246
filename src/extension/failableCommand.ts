import * as vscode from 'vscode';
import type { Logger } from './logger';

/**
 * Register a command whose failure becomes a clear message (and a log line with
 * the details), never a silent rejected promise.
 */
export function registerFailableCommand(
  context: vscode.ExtensionContext,
  logger: Logger,
  id: string,
  handler: (...args: unknown[]) => unknown,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        logger.error(`${id} failed`, error);
        void vscode.window.showErrorMessage(`Pushback: ${error instanceof Error ? error.message : String(error)}`, 'Show Log').then((choice) => {
          if (choice) logger.show();
        });
        return undefined;
      }
    }),
  );
}
