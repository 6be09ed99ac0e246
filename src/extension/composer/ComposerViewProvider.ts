import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { Services } from '../services';
import { replySettings } from '../settings';
import { type DraftForm } from '../../core/draft/draftForm';
import { type ComposerAction, type ComposerUpdate, type FromWebview, type ToWebview, fromWebviewSchema } from '../../shared/protocol';
import { localIsoDate } from '../../core/selection/localDate';
import { composerHtml } from './composerHtml';
import { type ComposerReply, renderDraft, replyOutputs } from './composerModel';
import { copyText, insertReply, openReplyDocument } from './replyActions';

/**
 * The composer side panel. The draft lives in the DraftStore (workspace storage)
 * and in the webview's own state, so hiding, closing or reloading loses nothing;
 * the webview is not kept alive when hidden (no retainContextWhenHidden).
 */
export class ComposerViewProvider implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private pending: ToWebview[] = [];
  /** The reply of the newest render, for the actions. */
  private lastReply: ComposerReply | null = null;
  private previewMode: 'email' | 'teams' = 'email';
  /** The newest form state not yet rendered, and whether a render is running (see {@link refresh}). */
  private queued: { draft: DraftForm; seq: number } | undefined;
  private rendering = false;

  constructor(private readonly services: Services) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    const { extensionUri } = this.services.context;
    view.webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
    };
    view.webview.html = composerHtml(view.webview, extensionUri);
    const subscriptions = [
      view.webview.onDidReceiveMessage((message) => this.guard(this.receive(message))),
      // Without retainContextWhenHidden a hidden view's page is gone: hold messages until it is back.
      view.onDidChangeVisibility(() => {
        if (!view.visible) this.ready = false;
      }),
      this.services.drafts.onDidChange((draft) => {
        this.post({ type: 'draftReplaced', draft });
        this.guard(this.refresh(draft, 0));
      }),
      // Packs reloaded (a template edited, a pack installed): new choices, and the preview re-rendered.
      this.services.onDidChangePacks(() =>
        this.guard(
          (async () => {
            const { templates, capacities } = await this.choices();
            this.post({ type: 'choices', templates, capacities });
            await this.refresh(this.services.drafts.get(), 0);
          })(),
        ),
      ),
      // The capacity file or a setting changed: the figures on screen (and in lastReply) are stale.
      this.services.onDidChangeData(() => this.guard(this.refresh(this.services.drafts.get(), 0))),
    ];
    view.onDidDispose(() => {
      subscriptions.forEach((s) => s.dispose());
      this.view = undefined;
    });
  }

  /** A failure in the panel becomes a message and a log line, never a silent rejected promise. */
  private guard(work: Promise<unknown>): void {
    work.catch((error: unknown) => {
      this.services.logger.error('The composer failed', error);
      void vscode.window.showErrorMessage(`Pushback: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /** Show the view (creating it if needed) and focus its first field. */
  async reveal(): Promise<void> {
    await vscode.commands.executeCommand('pushback.composer.focus');
  }

  /** The composer's view of the current draft, rendered now, with the reply as Markdown and text (tests use this). */
  async currentReply(): Promise<ComposerUpdate & { markdown: string; text: string }> {
    const { update, reply } = await this.render(this.services.drafts.get(), 0);
    return { ...update, markdown: reply?.markdown ?? '', text: reply ? replyOutputs(reply).text : '' };
  }

  private post(message: ToWebview): void {
    if (!this.view) return;
    // Held until the webview says it is ready: messages posted earlier would be lost.
    if (!this.ready) this.pending.push(message);
    else void this.view.webview.postMessage(message);
  }

  /** Every message from the page comes through here, unparsed: it is untrusted until the protocol's schema accepts it. */
  async receive(raw: unknown): Promise<void> {
    const parsed = fromWebviewSchema.safeParse(raw);
    if (!parsed.success) {
      this.services.logger.error(`Ignored a malformed message from the composer: ${parsed.error.message}`);
      return;
    }
    const message: FromWebview = parsed.data;
    switch (message.type) {
      case 'ready':
        return this.onReady();
      case 'formChanged':
        // Saved without waiting: the preview should not wait for storage.
        void this.services.drafts.update(message.draft, { silent: true });
        return this.refresh(message.draft, message.seq);
      case 'action':
        return this.act(message.action);
      case 'newDraft':
        await vscode.commands.executeCommand(COMMANDS.newDraft);
        return;
      case 'previewMode':
        this.previewMode = message.mode;
        return this.refresh(this.services.drafts.get(), 0);
      case 'requestRichCopy': {
        const reply = this.lastReply;
        if (!reply) {
          void vscode.window.showWarningMessage('Pushback: there is no reply yet. Fill in the request first.');
          return;
        }
        const { emailHtml, text } = replyOutputs(reply);
        this.post({ type: 'richCopy', html: emailHtml, text });
        return;
      }
      case 'openProblem': {
        if (!path.isAbsolute(message.file)) return; // a problem about the form itself, not a file
        const document = await vscode.workspace.openTextDocument(vscode.Uri.file(message.file));
        const position = new vscode.Position(message.line - 1, 0);
        await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
        return;
      }
      default: {
        const unreachable: never = message;
        return unreachable;
      }
    }
  }

  private async onReady(): Promise<void> {
    // The page starts over (a reload, or shown again): its preview mode is email again.
    this.previewMode = 'email';
    const choices = await this.choices();
    // Read after the wait: keystrokes typed meanwhile have reached the store and are not undone.
    const draft = this.services.drafts.get();
    this.ready = true;
    void this.view?.webview.postMessage({ type: 'init', draft, ...choices, trusted: vscode.workspace.isTrusted } satisfies ToWebview);
    for (const message of this.pending.splice(0)) void this.view?.webview.postMessage(message);
    await this.refresh(draft, 0);
  }

  /** The templates (winners only, when packs override each other) and capacity files to choose from. */
  private async choices() {
    const [templates, capacities] = await Promise.all([this.services.templateOptions(), this.services.capacityChoices()]);
    return { templates, capacities: capacities.map(({ file, label }) => ({ file, label })) };
  }

  /**
   * Render and post the newest form state. Keystrokes that arrive while a render
   * runs are coalesced: only the latest is rendered next, so a slow render (a big
   * capacity file) never builds a queue of stale previews.
   */
  private async refresh(draft: DraftForm, seq: number): Promise<void> {
    this.queued = { draft, seq };
    if (this.rendering) return;
    this.rendering = true;
    try {
      while (this.queued) {
        const next = this.queued;
        this.queued = undefined;
        const started = performance.now();
        const { update, reply } = await this.render(next.draft, next.seq);
        this.lastReply = reply;
        this.post({ type: 'update', update: { ...update, renderMs: performance.now() - started } });
      }
    } finally {
      this.rendering = false;
    }
  }

  private async render(draft: DraftForm, seq: number) {
    const capacityFile = await this.services.resolveCapacityFile(draft.capacityFile);
    const [capacity, packs] = await Promise.all([this.services.loadCapacity(capacityFile), this.services.packs()]);
    const { signature, currency, locale } = replySettings();
    return renderDraft({ draft, seq, capacityFile, capacity, packs, today: localIsoDate(new Date()), signature, currency, locale, withTeamsCard: this.previewMode === 'teams' });
  }

  private async act(action: ComposerAction): Promise<void> {
    // Commands of other features render the current draft themselves.
    if (action === 'postToTeams') return void (await vscode.commands.executeCommand(COMMANDS.postToTeams));
    if (action === 'draftCioNote') return void (await vscode.commands.executeCommand(COMMANDS.draftCioNote));
    // Copies the card and records the decision itself.
    if (action === 'copyTeamsCard') return void (await vscode.commands.executeCommand(COMMANDS.copyTeamsCard));
    const { update, reply } = this.lastReply ? { update: undefined, reply: this.lastReply } : await this.render(this.services.drafts.get(), 0);
    if (!reply) {
      void vscode.window.showWarningMessage(`Pushback: there is no reply yet. ${update?.hint ?? ''}`);
      return;
    }
    switch (action) {
      case 'insert':
        await insertReply(reply.markdown);
        break;
      case 'openDocument':
        return openReplyDocument(reply.markdown);
      case 'copyMarkdown':
        await copyText(reply.markdown, 'Markdown');
        break;
      case 'copyText':
        await copyText(replyOutputs(reply).text, 'plain text');
        break;
      case 'copyHtml':
        // Rich HTML goes through the webview's clipboard (text/html); the host clipboard is text only.
        break;
    }
    await vscode.commands.executeCommand(COMMANDS.recordDecision, action === 'insert' ? 'inserted' : 'copied');
  }
}
