import * as vscode from 'vscode';
import { COMMANDS, COMPOSER_VIEW_ID } from '../commandIds';
import { registerFailableCommand } from '../failableCommand';
import type { Services } from '../services';
import { REQUEST_FIELDS, emptyDraft } from '../../core/draft/draftForm';
import { ComposerViewProvider } from './ComposerViewProvider';

/** The latest provider, for tests and the benchmark (reached through the extension's exports). */
export let composerProvider: ComposerViewProvider | undefined;

export function activate(context: vscode.ExtensionContext, services: Services): void {
  const provider = new ComposerViewProvider(services);
  composerProvider = provider;
  context.subscriptions.push(vscode.window.registerWebviewViewProvider(COMPOSER_VIEW_ID, provider));
  registerFailableCommand(context, services.logger, COMMANDS.openComposer, () => provider.reveal());
  // `{ confirm: false }` skips the question, for tests and callers that have already asked.
  registerFailableCommand(context, services.logger, COMMANDS.newDraft, async (options?: unknown) => {
    const current = services.drafts.get();
    // Anything typed in the request counts; the capacity file and template are kept anyway.
    const blank = emptyDraft();
    const hasContent = REQUEST_FIELDS.some((field) => current[field] !== blank[field]);
    const confirm = (options as { confirm?: boolean } | undefined)?.confirm !== false;
    if (hasContent && confirm) {
      const choice = await vscode.window.showWarningMessage('Start a new draft? The current one will be cleared.', { modal: true }, 'New Draft');
      if (choice !== 'New Draft') return;
    }
    await services.drafts.reset();
    await provider.reveal();
  });
}
