import * as path from 'node:path';
import * as vscode from 'vscode';
import { acceptCapacityFile, ReportedFiles } from '../../shared/composerGuards';
import { checkSavedUpdate, type SavedUpdate, toSaved } from '../../shared/savedUpdate';
import type { DraftForm } from '../../core/draft/draftForm';
import { type ComposerAction, type ComposerUpdate, type FromWebview, type PreviewMode, type RenderedUpdate, type ToWebview, fromWebviewSchema } from '../../shared/protocol';
import { COMMANDS } from '../commandIds';
import { findTemplate } from '../../core/draft/findTemplate';
import { draftTemplateId } from '../../core/draft/draftReply';
import { templateShape } from '../../core/engine/precompiledTemplate';
import type { PageRenderData } from '../../shared/pageRender';
import type { Services } from '../services';
import { type ComposerReply, renderDraft, replyOutputs } from '../../shared/composerModel';
import { LatestPending } from './latestPending';
import type { PageTemplates } from './pageTemplates';
import { renderInputs, type RenderInputs, renderWithServices } from './renderStoredDraft';
import { copyText, insertReply, type InsertTarget, openReplyDocument } from './replyActions';
import { markWalkthrough } from './walkthroughProgress';

/** How long after the last change the page rendered itself the host renders it too. */
const DEFERRED_RENDER_MS = 150;

/** Where the figures last shown are kept for the next page (workspace storage: a web host writes it at once). */
const LAST_SHOWN_KEY = 'pushback.composer.lastShown';

/** What a session needs from the panel it lives in. */
export interface ComposerHost {
  webview: vscode.Webview;
  /** Whether the page can receive messages now (not hidden: hidden pages are unloaded). */
  visible(): boolean;
  onDidChangeVisibility: vscode.Event<boolean>;
  /** Where Insert puts the reply: the text editor the user was last in. */
  insertTarget(): InsertTarget;
  /** Precompiled templates for the page, so it can render the preview itself; without them every preview comes from the host. */
  templates?: PageTemplates;
}

/**
 * One composer page and the host side of it: it validates every message, keeps the
 * draft in the DraftStore, renders the newest state and answers with an update.
 * Every action renders the stored draft again, so what is inserted, copied or
 * posted is what the page shows after its last change (keyboard or mouse).
 */
export class ComposerSession implements vscode.Disposable {
  private ready = false;
  private readonly pending = new LatestPending<ToWebview>();
  private previewMode: PreviewMode = 'email';
  /** The newest form state not yet rendered, and whether a render is running (see {@link refresh}). */
  private queued: { draft: DraftForm; seq: number } | undefined;
  private rendering: Promise<void> | undefined;
  /** What the page was last sent, so an unchanged analysis or preview is not sent again. */
  private sentAnalysis = '';
  private sentHtml: string | null = null;
  /** Capacity files offered to the page: the only ones a message may choose. */
  private offered = new Set<string>();
  private readonly reported = new ReportedFiles();
  /** What the page's own renders were last given (identities and settings), so it is sent only when it changes. */
  private sentRenderData: readonly unknown[] | undefined;
  /** The host's render of a change the page rendered itself, waiting for a pause in typing. */
  private deferred: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<RenderedUpdate>();
  private rememberTimer: ReturnType<typeof setTimeout> | undefined;
  /** Each update the page is sent (the side bar's summary follows it). */
  readonly onDidRender = this.rendered.event;

  constructor(
    private readonly services: Services,
    private readonly host: ComposerHost,
  ) {
    this.subscriptions.push(
      this.rendered,
      host.webview.onDidReceiveMessage((message) => this.guard(this.handle(message))),
      // Without retainContextWhenHidden a hidden page is gone: hold messages until it says it is ready again.
      host.onDidChangeVisibility((visible) => {
        if (!visible) this.ready = false;
      }),
      services.drafts.onDidChange((draft) => {
        this.post({ type: 'draftReplaced', draft });
        this.guard(this.refresh(draft, 0));
      }),
      // Packs reloaded (a template edited, a pack installed): new choices, and the preview re-rendered.
      services.onDidChangePacks(() => this.guard(this.sendChoicesAndRefresh())),
      // The capacity file or a setting changed: the figures on screen are stale, and a file may now load or fail.
      services.onDidChangeData(() => this.guard(this.sendChoicesAndRefresh())),
    );
  }

  dispose(): void {
    clearTimeout(this.deferred);
    if (this.rememberTimer !== undefined) clearTimeout(this.rememberTimer);
    this.subscriptions.forEach((s) => s.dispose());
  }

  /** A failure in the page's handling becomes a message and a log line, never a silent rejected promise. */
  private guard(work: Promise<unknown>): void {
    work.catch((error: unknown) => {
      this.services.logger.error('The composer failed', error);
      void vscode.window.showErrorMessage(`Pushback: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /** The composer's view of the current draft, rendered now, with the reply as Markdown and text (tests use this). */
  async currentReply(): Promise<RenderedUpdate & { markdown: string; text: string }> {
    const { update, reply } = await this.render(this.services.drafts.get(), 0);
    return { ...update, markdown: reply?.markdown ?? '', text: reply ? replyOutputs(reply).text : '' };
  }

  private post(message: ToWebview): void {
    // Held until the page says it is ready: messages posted earlier would be lost.
    if (!this.ready || !this.host.visible()) this.pending.hold(message);
    else void this.host.webview.postMessage(message);
  }

  private notice(text: string, tone: 'info' | 'warning' = 'info'): void {
    this.post({ type: 'notice', text, tone });
  }

  /** The page has said it is ready and has been offered its choices (tests wait for this before playing the page). */
  get pageReady(): boolean {
    return this.ready && this.offered.size > 0;
  }

  /** A message from the page, checked before anything is done with it (public so tests can play the page). */
  async handle(raw: unknown): Promise<void> {
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
        return this.formChanged(message.draft, message.seq, message.renderedInPage === true);
      case 'action':
        return this.act(message.action);
      case 'newDraft':
        await vscode.commands.executeCommand(COMMANDS.newDraft);
        return;
      case 'previewMode':
        this.previewMode = message.mode;
        return this.refresh(this.services.drafts.get(), 0);
      case 'requestRichCopy':
        return this.sendRichCopy();
      case 'richCopied':
        return this.richCopied(message.ok);
      case 'openProblem':
        return this.openProblem(message.file, message.line, message.column);
      default: {
        const unreachable: never = message;
        return unreachable;
      }
    }
  }

  private async formChanged(requested: DraftForm, seq: number, renderedInPage: boolean): Promise<void> {
    const previous = this.services.drafts.get();
    // A page may name only a capacity file it was offered: anything else keeps the previous choice.
    const draft = acceptCapacityFile(requested, previous, this.offered);
    if (draft !== requested) this.services.logger.error(`Ignored a capacity file the composer did not offer: ${requested.capacityFile}`);
    // Saved without waiting: the preview should not wait for storage.
    void this.services.drafts.update(draft, { silent: true });
    if (draft.capacityFile !== previous.capacityFile && draft.capacityFile) {
      void this.services.rememberCapacityFile(draft.capacityFile);
      markWalkthrough('capacityChosen');
    }
    clearTimeout(this.deferred);
    // The page already shows this change, rendered by the same pipeline: the host's render (for the
    // side bar, and to confirm the page's) waits until typing pauses instead of competing with it for
    // the CPU on every keystroke. Actions render the stored draft themselves, so they never wait for it.
    if (renderedInPage && draft === requested) {
      // The stored draft when it fires: the newest state, even if something replaced the draft meanwhile.
      this.deferred = setTimeout(() => this.guard(this.refresh(this.services.drafts.get(), seq)), DEFERRED_RENDER_MS);
      return;
    }
    return this.refresh(draft, seq);
  }

  private async onReady(): Promise<void> {
    // The page starts over (a reload, or shown again): its preview mode is email again until it says otherwise.
    this.previewMode = 'email';
    this.sentAnalysis = '';
    this.sentHtml = null;
    this.sentRenderData = undefined;
    this.ready = true;
    this.pending.take(); // the init below carries the draft and choices; the refresh the newest figures
    // The figures last shown for this very draft, at once (a reloaded window, a tab shown again): the
    // page marks them as updating until the refresh below answers. Nothing is done from them.
    const lastShown = this.lastShown(this.services.drafts.get());
    if (lastShown) void this.host.webview.postMessage(lastShown satisfies ToWebview);
    // The figures do not wait for the choices (every pack, every workspace file): a reloaded
    // page painted from its own state shows them as soon as the capacity file is read.
    const figures = this.refresh(this.services.drafts.get(), 0);
    const choices = await this.choices();
    // Read after the wait: changes typed meanwhile have reached the store and are not undone.
    const draft = this.services.drafts.get();
    void this.host.webview.postMessage({ type: 'init', draft, ...choices, trusted: vscode.workspace.isTrusted } satisfies ToWebview);
    await figures;
  }

  private async sendChoicesAndRefresh(): Promise<void> {
    const { templates, capacities } = await this.choices();
    this.post({ type: 'choices', templates, capacities });
    await this.refresh(this.services.drafts.get(), 0);
  }

  /** The templates (winners only, when packs override each other) and capacity files to choose from. */
  private async choices() {
    const [templates, choices] = await Promise.all([this.services.templateOptions(), this.services.capacityChoices()]);
    const capacities = choices.map(({ file, label, problem }) => ({ file, label, ...(problem ? { problem } : {}) }));
    // A file chosen on the host (Select Capacity File… → Browse) is offered too, so the page can show it.
    const current = this.services.drafts.get().capacityFile;
    if (current && !capacities.some((c) => c.file === current)) capacities.unshift({ file: current, label: vscode.workspace.asRelativePath(current) });
    this.offered = new Set(capacities.map((c) => c.file));
    return { templates, capacities };
  }

  /**
   * Render and post the newest form state. Keystrokes that arrive while a render
   * runs are coalesced: only the latest is rendered next, so a slow render (a big
   * capacity file) never builds a queue of stale previews.
   */
  private refresh(draft: DraftForm, seq: number): Promise<void> {
    this.queued = { draft, seq };
    this.rendering ??= this.renderQueued().finally(() => (this.rendering = undefined));
    return this.rendering;
  }

  private async renderQueued(): Promise<void> {
    while (this.queued) {
      const next = this.queued;
      this.queued = undefined;
      const started = performance.now();
      // One read of the capacity file, packs and settings serves the update and the page's own renders.
      const inputs = await renderInputs(this.services, next.draft, { quick: true });
      const { update } = renderDraft({ draft: next.draft, seq: next.seq, ...inputs, withTeamsCard: this.previewMode === 'teams' });
      this.reported.remember(update.problems);
      if (update.html) markWalkthrough('requestDescribed');
      this.rendered.fire(update);
      this.post({ type: 'update', update: { ...this.onlyChanged(update), renderMs: performance.now() - started } });
      this.rememberSoon(next.draft, update);
      await this.sendRenderData(next.draft, inputs);
    }
  }

  /**
   * Give the page what it needs to render the preview itself, when that changed
   * (another capacity file or template, a setting, a new day): the capacity data
   * as the host validated it and the template precompiled. Anything the page
   * could not render as the host does (data with problems, a missing template)
   * sends null: the page then shows the host's updates, as it always did.
   */
  private async sendRenderData(draft: DraftForm, inputs: RenderInputs): Promise<void> {
    const templates = this.host.templates;
    if (!templates) return;
    const templateId = draftTemplateId(draft);
    const found = inputs.capacity.ok ? findTemplate(inputs.packs, templateId) : undefined;
    const key = [draft.capacityFile, inputs.capacityFile, inputs.capacity, found?.ok ? found.value.template : templateId, inputs.today, inputs.signature, inputs.currency, inputs.locale];
    if (this.sentRenderData && key.length === this.sentRenderData.length && key.every((part, i) => part === this.sentRenderData?.[i])) return;
    this.sentRenderData = key;
    const script = found?.ok ? await templates.scriptFor(found.value.template) : undefined;
    if (!inputs.capacity.ok || !found?.ok || !script) {
      this.post({ type: 'renderData', data: null });
      return;
    }
    const data: PageRenderData = {
      capacityChoice: draft.capacityFile,
      capacityFile: inputs.capacityFile,
      capacity: inputs.capacity.value,
      templateId,
      template: templateShape(found.value.template),
      script: { uri: this.host.webview.asWebviewUri(script.file).toString(), hash: script.hash },
      today: inputs.today,
      signature: inputs.signature,
      ...(inputs.currency ? { currency: inputs.currency } : {}),
      ...(inputs.locale ? { locale: inputs.locale } : {}),
    };
    this.post({ type: 'renderData', data });
  }

  /** Keep what the page shows for the next page, a moment later: a burst of keystrokes writes once. */
  private rememberSoon(draft: DraftForm, update: RenderedUpdate): void {
    if (this.rememberTimer !== undefined) clearTimeout(this.rememberTimer);
    this.rememberTimer = setTimeout(() => {
      this.rememberTimer = undefined;
      void this.services.context.workspaceState.update(LAST_SHOWN_KEY, { draft: stableJson(draft), update: toSaved(update) });
    }, 300);
  }

  /** The figures last shown, if they were rendered for this draft and have the shape the page shows. */
  private lastShown(draft: DraftForm): { type: 'restored'; draft: DraftForm; update: SavedUpdate } | undefined {
    const saved = this.services.context.workspaceState.get<{ draft?: unknown; update?: unknown }>(LAST_SHOWN_KEY);
    const update = saved?.draft === stableJson(draft) ? checkSavedUpdate(saved.update) : undefined;
    return update ? { type: 'restored', draft, update } : undefined;
  }

  /** The update with what the page already shows left out (a 2,000-commitment analysis is not resent per keystroke). */
  private onlyChanged(update: RenderedUpdate): ComposerUpdate {
    if (!this.ready || !this.host.visible()) {
      // Held for a page that will start over: it needs everything.
      this.sentAnalysis = '';
      this.sentHtml = null;
      return update;
    }
    const analysisKey = JSON.stringify(update.analysis);
    const sameAnalysis = analysisKey === this.sentAnalysis;
    const sameHtml = update.html === this.sentHtml;
    this.sentAnalysis = analysisKey;
    this.sentHtml = update.html;
    return { ...update, analysis: sameAnalysis ? 'same' : update.analysis, html: sameHtml ? null : update.html };
  }

  /** For actions: the full capacity-file lookup (the page's figures may use the default found last time). */
  private render(draft: DraftForm, seq: number) {
    return renderWithServices(this.services, draft, seq, this.previewMode === 'teams');
  }

  /** The reply to the stored draft (the page's newest state: its changes reach the store before any action). */
  private async replyNow(): Promise<ComposerReply | undefined> {
    await this.rendering;
    const { update, reply } = await this.render(this.services.drafts.get(), 0);
    if (!reply) this.notice(`There is no reply yet. ${update.hint}`, 'warning');
    return reply ?? undefined;
  }

  private async act(action: ComposerAction): Promise<void> {
    // Commands of other features render the stored draft themselves (the same draft, the same way).
    const commands: Partial<Record<ComposerAction, string>> = {
      postToTeams: COMMANDS.postToTeams,
      draftCioNote: COMMANDS.draftCioNote,
      copyTeamsCard: COMMANDS.copyTeamsCard,
      saveEml: COMMANDS.saveReplyAsEml,
    };
    const command = commands[action];
    if (command) {
      await this.rendering;
      await vscode.commands.executeCommand(command);
      if (action === 'copyTeamsCard') this.notice('Copied the Teams card JSON: paste it into a Teams workflow or the Adaptive Card designer.');
      return;
    }
    if (action === 'insert') return void (await vscode.commands.executeCommand(COMMANDS.insertReply));
    const reply = await this.replyNow();
    if (!reply) return;
    switch (action) {
      case 'openDocument':
        return openReplyDocument(reply.markdown);
      case 'copyMarkdown':
        await copyText(reply.markdown);
        this.notice(`Copied the reply as Markdown (${count(reply.markdown)}): paste it where Markdown is read, such as a wiki or a pull request.`);
        break;
      case 'copyText': {
        const { text } = replyOutputs(reply);
        await copyText(text);
        this.notice(`Copied the reply as plain text (${count(text)}): paste it into a chat or a plain-text email.`);
        break;
      }
    }
    markWalkthrough('replySent');
    await vscode.commands.executeCommand(COMMANDS.recordDecision, 'copied');
  }

  /** Insert the reply where the user was typing (the composer's Insert, also a command for the walkthrough). */
  async insert(): Promise<void> {
    const reply = await this.replyNow();
    if (!reply) return;
    await insertReply(reply.markdown, this.host.insertTarget());
    this.notice('Inserted the reply at the cursor.');
    markWalkthrough('replySent');
    await vscode.commands.executeCommand(COMMANDS.recordDecision, 'inserted');
  }

  /** Rich HTML must be written by the page: only its clipboard can hold text/html. */
  private async sendRichCopy(): Promise<void> {
    const reply = await this.replyNow();
    if (!reply) return;
    const { emailHtml, text } = replyOutputs(reply);
    this.post({ type: 'richCopy', html: emailHtml, text });
  }

  private async richCopied(ok: boolean): Promise<void> {
    if (ok) {
      this.notice('Copied as formatted text: paste it into Outlook or Gmail.');
    } else {
      const reply = await this.replyNow();
      if (!reply) return;
      await copyText(replyOutputs(reply).text);
      this.notice('Rich copy is not available here, so the plain text was copied instead.', 'warning');
    }
    markWalkthrough('replySent');
    await vscode.commands.executeCommand(COMMANDS.recordDecision, 'copied');
  }

  private async openProblem(file: string, line: number, column: number): Promise<void> {
    // Only a file the host reported a problem in: the page cannot make the host open anything else.
    if (!path.isAbsolute(file) || !this.reported.allows(file)) {
      this.services.logger.error(`Ignored a request to open a file no problem was reported in: ${file}`);
      return;
    }
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const position = new vscode.Position(line - 1, column - 1);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One });
  }
}

/** JSON with object keys sorted: the same draft gives the same text whatever order its fields were set in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b))) : item,
  );
}

function count(text: string): string {
  const words = text.split(/\s+/).filter(Boolean).length;
  return `${words.toLocaleString('en-US')} ${words === 1 ? 'word' : 'words'}`;
}
