import * as vscode from 'vscode';
import type { RenderedUpdate } from '../../shared/protocol';
import { COMMANDS } from '../commandIds';
import type { Services } from '../services';
import type { ComposerPanels } from './ComposerPanel';
import { renderWithServices } from './renderStoredDraft';

type SummaryItem = vscode.TreeItem;

/**
 * The side bar's entry to the composer: the figures of the current draft and
 * "Open Composer". A native tree, so it fits any side-bar width and costs no page;
 * the composer itself opens as an editor tab.
 */
export class ComposerSummary implements vscode.TreeDataProvider<SummaryItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private update: RenderedUpdate | undefined;
  private stale = true;
  private readonly subscriptions: vscode.Disposable[] = [];
  private sessionSubscription: vscode.Disposable | undefined;

  constructor(private readonly services: Services, panels: ComposerPanels) {
    const markStale = () => {
      this.stale = true;
      this.changed.fire();
    };
    this.subscriptions.push(
      this.changed,
      services.drafts.onDidChange(markStale),
      services.onDidChangeData(markStale),
      services.onDidChangePacks(markStale),
      panels.onDidChangeSession((session) => {
        this.sessionSubscription?.dispose();
        this.sessionSubscription = session?.onDidRender((update) => {
          this.update = update;
          this.stale = false;
          this.changed.fire();
        });
        markStale();
      }),
    );
  }

  getTreeItem(item: SummaryItem): SummaryItem {
    return item;
  }

  async getChildren(parent?: SummaryItem): Promise<SummaryItem[]> {
    if (parent) return [];
    if (this.stale || !this.update) {
      // Rendered only when the view asks (it is visible): a closed side bar costs nothing.
      this.update = (await renderWithServices(this.services, this.services.drafts.get(), 0, false, { quick: true })).update;
      this.stale = false;
    }
    const open = new vscode.TreeItem('Open Composer');
    open.iconPath = new vscode.ThemeIcon('edit');
    open.command = { command: COMMANDS.openComposer, title: 'Open Composer' };
    open.tooltip = 'The request, its analysis and the reply side by side, in an editor tab';
    const analysis = this.update.analysis;
    if (!analysis) {
      const hint = new vscode.TreeItem(this.update.hint || 'Fill in the request in the composer.');
      hint.iconPath = new vscode.ThemeIcon('info');
      return [open, hint];
    }
    const title = this.services.drafts.get().title.trim();
    const items = [open, item(title || 'Untitled request', analysis.team, 'note')];
    for (const figure of analysis.figures) items.push(item(`${figure.label}: ${figure.value}`, undefined, figure.emphasis ? 'graph' : undefined));
    const slips = analysis.delays.length + analysis.moreDelays;
    items.push(item(slips === 0 ? 'Nothing already promised slips' : `${slips} ${slips === 1 ? 'commitment slips' : 'commitments slip'}`, undefined, slips === 0 ? 'check' : 'warning'));
    return items;
  }

  dispose(): void {
    this.sessionSubscription?.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}

function item(label: string, description?: string, icon?: string): vscode.TreeItem {
  const node = new vscode.TreeItem(label);
  if (description) node.description = description;
  if (icon) node.iconPath = new vscode.ThemeIcon(icon);
  node.tooltip = description ? `${label} — ${description}` : label;
  return node;
}
