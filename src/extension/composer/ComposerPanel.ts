import * as vscode from 'vscode';
import type { Services } from '../services';
import { composerHtml } from './composerHtml';
import { ComposerSession } from './ComposerSession';
import { PageTemplates, templateScriptsFolder } from './pageTemplates';
import type { InsertTarget } from './replyActions';

export const COMPOSER_PANEL_TYPE = 'pushback.composerPanel';

/**
 * The composer as an editor tab: room for the form, the analysis and the reply side
 * by side. One panel at a time; a window reload brings it back through the
 * serializer (the draft itself lives in the DraftStore, not in the panel). The page
 * is not kept alive when hidden (no retainContextWhenHidden): it reloads from the
 * store when shown, which costs less than keeping it in memory.
 */
export class ComposerPanels implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private session: ComposerSession | undefined;
  private lastEditor: InsertTarget = {};
  /** Templates precompiled for the page (shared by every panel: a file is written once per content). */
  private readonly templates: PageTemplates;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly sessionChanged = new vscode.EventEmitter<ComposerSession | undefined>();
  /** A panel opened or closed (the side bar's summary follows the open one). */
  readonly onDidChangeSession = this.sessionChanged.event;

  constructor(private readonly services: Services) {
    this.lastEditor = editorTarget(vscode.window.activeTextEditor);
    this.templates = new PageTemplates(templateScriptsFolder(services.context.globalStorageUri));
    this.subscriptions.push(
      this.sessionChanged,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && editor.document.uri.scheme !== 'output') this.lastEditor = editorTarget(editor);
      }),
      vscode.window.registerWebviewPanelSerializer(COMPOSER_PANEL_TYPE, {
        deserializeWebviewPanel: async (panel) => {
          this.attach(panel);
        },
      }),
    );
  }

  get current(): ComposerSession | undefined {
    return this.session;
  }

  /** Show the composer, opening it beside the editor the user is in. */
  open(): ComposerSession {
    if (this.panel && this.session) {
      this.panel.reveal(this.panel.viewColumn);
      return this.session;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(COMPOSER_PANEL_TYPE, 'Pushback Composer', { viewColumn: column, preserveFocus: false }, {});
    return this.attach(panel);
  }

  private attach(panel: vscode.WebviewPanel): ComposerSession {
    this.panel?.dispose();
    const { extensionUri } = this.services.context;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'activity-bar.svg');
    panel.webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      // The page loads the templates the host precompiled for it (only from that folder: scripts also need the page's nonce).
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media'), templateScriptsFolder(this.services.context.globalStorageUri)],
    };
    const visibility = new vscode.EventEmitter<boolean>();
    let disposed = false;
    const session = new ComposerSession(this.services, {
      webview: panel.webview,
      // A render finishing after the tab closed must not touch the disposed panel.
      visible: () => !disposed && panel.visible,
      onDidChangeVisibility: visibility.event,
      insertTarget: () => this.lastEditor,
      templates: this.templates,
    });
    const viewState = panel.onDidChangeViewState(() => visibility.fire(panel.visible));
    panel.onDidDispose(() => {
      disposed = true;
      session.dispose();
      viewState.dispose();
      visibility.dispose();
      if (this.panel === panel) {
        this.panel = undefined;
        this.session = undefined;
        this.sessionChanged.fire(undefined);
      }
    });
    panel.webview.html = composerHtml(panel.webview, extensionUri);
    this.panel = panel;
    this.session = session;
    this.sessionChanged.fire(session);
    return session;
  }

  dispose(): void {
    this.panel?.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}

function editorTarget(editor: vscode.TextEditor | undefined): InsertTarget {
  return editor ? { document: editor.document, viewColumn: editor.viewColumn } : {};
}
