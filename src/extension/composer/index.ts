import * as vscode from 'vscode';
import { COMMANDS, COMPOSER_VIEW_ID } from '../commandIds';
import { registerFailableCommand } from '../failableCommand';
import type { Services } from '../services';
import { REQUEST_FIELDS, emptyDraft } from '../../core/draft/draftForm';
import { ComposerPanels } from './ComposerPanel';
import { ComposerSummary } from './ComposerSummary';
import type { ComposerSession } from './ComposerSession';

/** The composer as tests and the benchmark reach it (through the extension's exports). */
export interface ComposerApi {
  /** The open composer's session, opening the composer if needed. */
  session(): ComposerSession;
  currentReply: ComposerSession['currentReply'];
}

/** Set on activation, for tests and the benchmark. */
export let composerProvider: ComposerApi | undefined;

export function activate(context: vscode.ExtensionContext, services: Services): void {
  const panels = new ComposerPanels(services);
  const summary = new ComposerSummary(services, panels);
  context.subscriptions.push(panels, summary, vscode.window.registerTreeDataProvider(COMPOSER_VIEW_ID, summary));
  composerProvider = {
    session: () => panels.current ?? panels.open(),
    currentReply: () => (panels.current ?? panels.open()).currentReply(),
  };
  registerFailableCommand(context, services.logger, COMMANDS.openComposer, () => {
    panels.open();
  });
  // The composer's Insert, also a command: the walkthrough's step runs it, and it completes on it.
  registerFailableCommand(context, services.logger, COMMANDS.insertReply, () => (panels.current ?? panels.open()).insert());
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
    panels.open();
  });
}
